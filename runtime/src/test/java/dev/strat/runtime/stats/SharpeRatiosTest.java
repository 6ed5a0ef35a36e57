package dev.strat.runtime.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharpeRatiosTest {

    @Test
    void psrIsOneHalfWhenTheObservedSharpeEqualsTheBenchmark() {
        assertEquals(0.5, SharpeRatios.psr(0.08, 0.08, 500, -0.7, 9), 1e-12);
        double[] r = normal(300, 0.001, 0.01, 1);
        assertEquals(0.5, SharpeRatios.psr(r, SharpeRatios.sharpe(r)), 1e-12);
    }

    @Test
    void psrMatchesValuesComputedByHand() {
        // Phi(0.1 sqrt(100) / sqrt(1 + 0.5 * 0.01)) and the skewed, fat-tailed case, from Python's NormalDist
        assertEquals(0.8407413278013518, SharpeRatios.psr(0.1, 0, 101, 0, 3), 1e-9);
        assertEquals(0.6797043242650306, SharpeRatios.psr(0.05, 0.02, 250, -0.5, 6), 1e-9);
    }

    @Test
    void negativeSkewAndFatTailsLowerConfidenceInAPositiveSharpe() {
        double normal = SharpeRatios.psr(0.1, 0, 250, 0, 3);
        assertTrue(SharpeRatios.psr(0.1, 0, 250, -1, 3) < normal);
        assertTrue(SharpeRatios.psr(0.1, 0, 250, 0, 10) < normal);
    }

    @Test
    void momentsOfASmallSampleByHand() {
        double[] r = {1, 2, 3, 10};
        // mean 4; deviations -3 -2 -1 6; m2 = 50/4, m3 = (-27 - 8 - 1 + 216)/4, m4 = (81 + 16 + 1 + 1296)/4
        assertEquals(45 / Math.pow(12.5, 1.5), SharpeRatios.skewness(r), 1e-12);
        assertEquals(348.5 / (12.5 * 12.5), SharpeRatios.kurtosis(r), 1e-12);
        assertEquals(4 / Math.sqrt(50.0 / 3), SharpeRatios.sharpe(r), 1e-12);
    }

    @Test
    void expectedMaxSharpeIsCloseToTheSimulatedMaximumOfUnskilledTrials() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trials : new int[]{10, 100}) {
            double sd = 0.05, sum = 0;
            int reps = 4000;
            for (int k = 0; k < reps; k++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < trials; i++) max = Math.max(max, sd * gaussian(rng));
                sum += max;
            }
            double simulated = sum / reps;
            double formula = SharpeRatios.expectedMaxSharpe(trials, sd * sd);
            // the formula is an approximation (within about 1-3% at these N)
            assertEquals(simulated, formula, 0.04 * simulated, "N = " + trials);
        }
    }

    @Test
    void dsrOfASingleTrialIsThePsrAgainstZeroAndMoreTrialsDeflateIt() {
        double[] r = normal(500, 0.0008, 0.01, 3);
        assertEquals(SharpeRatios.psr(r, 0), SharpeRatios.dsr(r, 1, 0.002), 1e-15);
        double few = SharpeRatios.dsr(r, 2, 0.002), many = SharpeRatios.dsr(r, 50, 0.002);
        assertTrue(few < SharpeRatios.psr(r, 0) && many < few, few + " " + many);
    }

    @Test
    void varianceOfSharpesLeavesOutUndefinedOnes() {
        assertEquals(1.0, SharpeRatios.variance(new double[]{1, Double.NaN, 2, 3}), 1e-12);
        assertEquals(0.0, SharpeRatios.variance(new double[]{1}), 0);
    }

    static double[] normal(int n, double mean, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] r = new double[n];
        Arrays.setAll(r, i -> mean + sd * gaussian(rng));
        return r;
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller, so the test does not depend on the library's generator
        double u = 1 - rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
