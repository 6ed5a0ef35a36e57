package dev.strat.runtime.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StationaryBootstrapTest {

    private static double mean(double[] r) {
        double s = 0;
        for (double x : r) s += x;
        return s / r.length;
    }

    @Test
    void symmetricDataGiveASymmetricIntervalForTheMean() {
        double[] half = SharpeRatiosTest.normal(200, 0, 1, 4);
        double[] r = new double[400];
        for (int i = 0; i < 200; i++) {
            r[2 * i] = half[i];
            r[2 * i + 1] = -half[i];
        }
        StationaryBootstrap.Interval ci = StationaryBootstrap.interval(r, StationaryBootstrapTest::mean, 0.9, 3, 4000, 1);
        assertEquals(0, ci.estimate(), 1e-12);
        assertTrue(ci.lower() < 0 && ci.upper() > 0);
        assertEquals(0, (ci.lower() + ci.upper()) / (ci.upper() - ci.lower()), 0.06, ci.toString());
        assertEquals(4000, ci.valid());
    }

    @Test
    void iidIntervalsCoverTheTrueMeanAboutAsOftenAsAsked() {
        SplittableRandom seeds = new SplittableRandom(8);
        int reps = 200, covered = 0;
        for (int k = 0; k < reps; k++) {
            double[] r = SharpeRatiosTest.normal(100, 0.5, 1, seeds.nextLong());
            StationaryBootstrap.Interval ci = StationaryBootstrap.interval(r, StationaryBootstrapTest::mean, 0.9, 1, 400, k);
            if (ci.lower() <= 0.5 && 0.5 <= ci.upper()) covered++;
        }
        assertTrue(covered >= 164 && covered <= 194, "covered " + covered + " of " + reps + " at 90%");
    }

    @Test
    void veryLongBlocksResampleARotationSoTheMeanNeverMoves() {
        double[] r = SharpeRatiosTest.normal(64, 0.1, 1, 9);
        StationaryBootstrap.Interval ci = StationaryBootstrap.interval(r, StationaryBootstrapTest::mean, 0.95, 1e12, 200, 3);
        assertEquals(ci.estimate(), ci.lower(), 1e-12);
        assertEquals(ci.estimate(), ci.upper(), 1e-12);
    }

    @Test
    void longerBlocksWidenTheIntervalOfAutocorrelatedData() {
        // AR(1) with phi 0.8: the i.i.d. bootstrap ignores the dependence and is too narrow
        SplittableRandom rng = new SplittableRandom(12);
        double[] r = new double[2000];
        for (int i = 1; i < r.length; i++) r[i] = 0.8 * r[i - 1] + SharpeRatiosTest.gaussian(rng);
        StationaryBootstrap.Interval iid = StationaryBootstrap.interval(r, StationaryBootstrapTest::mean, 0.95, 1, 1000, 1);
        StationaryBootstrap.Interval blocks = StationaryBootstrap.interval(r, StationaryBootstrapTest::mean, 0.95, 25, 1000, 1);
        assertTrue(blocks.upper() - blocks.lower() > 2 * (iid.upper() - iid.lower()), iid + " vs " + blocks);
    }

    @Test
    void sameSeedSameIntervalAndArgumentsAreChecked() {
        double[] r = SharpeRatiosTest.normal(50, 0, 1, 1);
        assertEquals(StationaryBootstrap.interval(r, StationaryBootstrapTest::mean, 0.95, 5, 100, 7),
                StationaryBootstrap.interval(r, StationaryBootstrapTest::mean, 0.95, 5, 100, 7));
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.interval(r, StationaryBootstrapTest::mean, 1.5, 5, 100, 7));
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.interval(r, StationaryBootstrapTest::mean, 0.9, 0.5, 100, 7));
        assertEquals(2.5, StationaryBootstrap.quantile(new double[]{1, 2, 3, 4}, 0.5), 1e-15);
    }
}
