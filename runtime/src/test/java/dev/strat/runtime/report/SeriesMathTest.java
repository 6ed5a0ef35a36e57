package dev.strat.runtime.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesMathTest {

    private static final double[] HAND = {100, 120, 90, 110, 130, 65, 70};

    @Test
    void drawdownIsDistanceBelowRunningPeak() {
        double[] dd = SeriesMath.drawdown(HAND);
        assertArrayEquals(new double[] {0, 0, -0.25, 110.0 / 120 - 1, 0, -0.5, 70.0 / 130 - 1}, dd, 1e-12);
        assertEquals(0.5, SeriesMath.maxDrawdown(HAND), 1e-12);
    }

    @Test
    void maxDrawdownOfRisingSeriesIsZero() {
        assertEquals(0, SeriesMath.maxDrawdown(new double[] {1, 2, 3, 4}), 0);
    }

    @Test
    void normalisedStartsAtOne() {
        assertArrayEquals(new double[] {1, 1.2, 0.9, 1.1, 1.3, 0.65, 0.7}, SeriesMath.normalised(HAND), 1e-12);
    }

    @Test
    void rollingSharpeMatchesDirectComputation() {
        double[] w = Synthetic.wealth(300, 0.0003, 0.01, 3);
        int window = 63;
        double[] sr = SeriesMath.rollingSharpe(w, window, 252);
        assertEquals(300 - 1 - window + 1, sr.length);
        for (int k : new int[] {0, 17, sr.length - 1}) {
            // Entry k covers returns r_k .. r_{k+window-1}, i.e. wealth k .. k + window.
            double mean = 0;
            double[] r = new double[window];
            for (int i = 0; i < window; i++) {
                r[i] = w[k + i + 1] / w[k + i] - 1;
                mean += r[i] / window;
            }
            double ss = 0;
            for (double x : r) ss += (x - mean) * (x - mean);
            double expected = Math.sqrt(252) * mean / Math.sqrt(ss / (window - 1));
            assertEquals(expected, sr[k], 1e-9, "window at " + k);
        }
    }

    @Test
    void rollingSharpeOfFlatWindowIsNaN() {
        double[] w = new double[100];
        java.util.Arrays.fill(w, 5.0);
        double[] sr = SeriesMath.rollingSharpe(w, 10, 252);
        assertTrue(Double.isNaN(sr[0]));
        assertEquals(0, SeriesMath.rollingSharpe(new double[5], 10, 252).length);
        assertThrows(IllegalArgumentException.class, () -> SeriesMath.rollingSharpe(w, 1, 252));
    }

    @Test
    void rollingSharpeRecoversAfterMissingReturns() {
        double[] w = Synthetic.wealth(200, 0.001, 0.01, 5);
        double[] clean = SeriesMath.rollingSharpe(w, 20, 252);
        w[50] = Double.NaN;
        double[] holed = SeriesMath.rollingSharpe(w, 20, 252);
        // Returns 49 and 50 touch wealth 50; windows k cover returns k .. k + 19.
        assertTrue(Double.isNaN(holed[40]) && Double.isNaN(holed[50]));
        assertEquals(clean[29], holed[29], 1e-12);
        assertEquals(clean[51], holed[51], 1e-9);
        assertEquals(clean[150], holed[150], 1e-9);
    }
}
