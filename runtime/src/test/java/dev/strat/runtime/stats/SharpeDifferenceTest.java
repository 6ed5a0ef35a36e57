package dev.strat.runtime.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.strat.runtime.stats.SharpeRatiosTest.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharpeDifferenceTest {

    @Test
    void parzenHacOfATinySeriesByHand() {
        double[][] y = {{1}, {-2}, {1}};
        // Gamma0 = 6/3, Gamma1 = (-2 - 2)/3, k(1/2) = 0.25, lag 2 gets k(1) = 0; times T/(T-1) = 1.5
        double expected = (2 + 2 * 0.25 * (-4.0 / 3)) * 1.5;
        assertEquals(expected, Hac.covariance(y, 2)[0][0], 1e-12);
        assertEquals(1, Hac.parzen(0), 0);
        assertEquals(0, Hac.parzen(1), 0);
        assertEquals(0.25, Hac.parzen(-0.5), 1e-15);
    }

    @Test
    void iidNormalStandardErrorMatchesMemmelsClosedForm() {
        // under i.i.d. normal returns Var(SR1 - SR2) = (2 - 2 rho + (SR1^2 + SR2^2 - 2 SR1 SR2 rho^2) / 2) / T
        int t = 40_000;
        double rho = 0.6;
        double[][] r = correlated(t, 0.05, 0.02, rho, new SplittableRandom(11));
        SharpeDifference.Result res = SharpeDifference.hac(r[0], r[1], 0);
        double s1 = res.sharpe1(), s2 = res.sharpe2();
        double memmel = Math.sqrt((2 - 2 * rho + 0.5 * (s1 * s1 + s2 * s2 - 2 * s1 * s2 * rho * rho)) / t);
        assertEquals(memmel, res.standardError(), 0.03 * memmel);
        assertEquals(s1 - s2, res.difference(), 1e-15);
        assertEquals(0.05, s1, 0.015);
        assertEquals(0.02, s2, 0.015);
    }

    @Test
    void sharpeIsTheMeanOverThePopulationStd() {
        double[] a = {0.01, -0.02, 0.03, 0.00, 0.01}, b = {0.02, 0.01, -0.01, 0.0, 0.005};
        SharpeDifference.Result res = SharpeDifference.hac(a, b, 0);
        assertEquals(popSharpe(a), res.sharpe1(), 1e-12);
        assertEquals(popSharpe(b), res.sharpe2(), 1e-12);
    }

    @Test
    void hacPValuesAreRoughlyUniformUnderTheNull() {
        SplittableRandom rng = new SplittableRandom(2024);
        int reps = 400, below5 = 0, belowHalf = 0;
        for (int k = 0; k < reps; k++) {
            double[][] r = correlated(250, 0.05, 0.05, 0.5, rng);
            double p = SharpeDifference.hac(r[0], r[1]).pValue();
            if (p < 0.05) below5++;
            if (p < 0.5) belowHalf++;
        }
        assertTrue(below5 >= 6 && below5 <= 40, "rejections at 5%: " + below5 + " of " + reps);
        assertTrue(belowHalf >= 160 && belowHalf <= 240, "p < 0.5: " + belowHalf + " of " + reps);
    }

    @Test
    void bootstrapPValuesAreRoughlyUniformUnderTheNullAndSmallForARealDifference() {
        SplittableRandom rng = new SplittableRandom(99);
        int reps = 150, below10 = 0, belowHalf = 0;
        for (int k = 0; k < reps; k++) {
            double[][] r = correlated(200, 0.05, 0.05, 0.5, rng);
            double p = SharpeDifference.bootstrap(r[0], r[1], 4, 199, k);
            if (p < 0.10) below10++;
            if (p < 0.5) belowHalf++;
        }
        assertTrue(below10 >= 4 && below10 <= 30, "rejections at 10%: " + below10 + " of " + reps);
        assertTrue(belowHalf >= 55 && belowHalf <= 95, "p < 0.5: " + belowHalf + " of " + reps);
        double[][] r = correlated(1000, 0.25, 0.0, 0.5, new SplittableRandom(5));
        assertTrue(SharpeDifference.bootstrap(r[0], r[1], 5, 499, 1) < 0.01);
        assertTrue(SharpeDifference.hac(r[0], r[1]).pValue() < 0.01);
    }

    @Test
    void bootstrapIsSeededAndValidatesItsArguments() {
        double[][] r = correlated(300, 0.1, 0.0, 0.3, new SplittableRandom(3));
        assertEquals(SharpeDifference.bootstrap(r[0], r[1], 5, 99, 42), SharpeDifference.bootstrap(r[0], r[1], 5, 99, 42));
        assertThrows(IllegalArgumentException.class, () -> SharpeDifference.bootstrap(r[0], r[1], 0, 99, 1));
        assertThrows(IllegalArgumentException.class, () -> SharpeDifference.hac(r[0], new double[5]));
        assertEquals(7, SharpeDifference.defaultBlock(343));
    }

    @Test
    void aConstantSeriesHasNoPValue() {
        double[] flat = new double[50], r = SharpeRatiosTest.normal(50, 0.001, 0.01, 1);
        assertTrue(Double.isNaN(SharpeDifference.hac(flat, r).pValue()));
        assertTrue(Double.isNaN(SharpeDifference.bootstrap(flat, r, 3, 99, 1)));
    }

    private static double popSharpe(double[] r) {
        double m = 0, s = 0;
        for (double x : r) m += x;
        m /= r.length;
        for (double x : r) s += (x - m) * (x - m);
        return m / Math.sqrt(s / r.length);
    }

    /** Two unit-variance normal series with the given means (= Sharpe ratios) and correlation. */
    static double[][] correlated(int t, double mu1, double mu2, double rho, SplittableRandom rng) {
        double[][] r = new double[2][t];
        for (int i = 0; i < t; i++) {
            double z1 = gaussian(rng), z2 = gaussian(rng);
            r[0][i] = mu1 + z1;
            r[1][i] = mu2 + rho * z1 + Math.sqrt(1 - rho * rho) * z2;
        }
        return r;
    }
}
