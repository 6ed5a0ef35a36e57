package dev.strat.runtime.allocators;

import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeanVarianceTest {

    private static final int WINDOW = 60;

    /** Two assets with positive drift and different, correlated wiggles. */
    private static MarketData drifting(double driftA, double driftB) {
        double[][] rows = new double[WINDOW + 1][2];
        rows[0] = new double[]{100, 50};
        for (int k = 1; k <= WINDOW; k++) {
            double ra = driftA + 0.010 * Math.sin(k) + 0.004 * Math.cos(2.7 * k);
            double rb = driftB + 0.008 * Math.cos(1.3 * k) + 0.003 * Math.sin(k);
            rows[k] = new double[]{rows[k - 1][0] * (1 + ra), rows[k - 1][1] * (1 + rb)};
        }
        return Drive.market(rows);
    }

    @Test
    void matchesTheClosedFormWhenBoundsAreInactive() {
        MarketData m = drifting(0.002, 0.0015);
        double lambda = 100;
        // closed form: with cash as the zero-return asset the budget is slack for the risky part,
        // w = Σ^{-1} mu / lambda and cash = 1 - sum w
        double[][] r = new double[WINDOW][2];
        double[] mu = new double[2];
        for (int k = 0; k < WINDOW; k++) {
            for (int i = 0; i < 2; i++) {
                r[k][i] = m.relative(WINDOW - k, i) - 1;
                mu[i] += r[k][i] / WINDOW;
            }
        }
        double[][] s = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < WINDOW; k++) s[i][j] += (r[k][i] - mu[i]) * (r[k][j] - mu[j]) / (WINDOW - 1);
            }
        }
        double ridge = MeanVariance.RIDGE * (s[0][0] + s[1][1]) / 2 + MeanVariance.RIDGE_FLOOR;
        s[0][0] += ridge;
        s[1][1] += ridge;
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double wa = (s[1][1] * mu[0] - s[0][1] * mu[1]) / det / lambda;
        double wb = (s[0][0] * mu[1] - s[1][0] * mu[0]) / det / lambda;
        assertTrue(wa > 0.05 && wb > 0.05 && wa + wb < 0.95, "test case must leave the bounds inactive: " + wa + ", " + wb);

        MeanVariance mvo = new MeanVariance("mvo", WINDOW, lambda, 1.0);
        assertEquals(WINDOW + 1, mvo.warmup());
        double[] w = Drive.run(mvo, m, WINDOW, WINDOW)[0];
        assertArrayEquals(new double[]{wa, wb, 1 - wa - wb}, w, 1e-8);
    }

    @Test
    void respectsTheWeightCap() {
        MarketData m = drifting(0.004, 0.003);
        double[] w = Drive.run(new MeanVariance("mvo", WINDOW, 1, 0.3), m, WINDOW, WINDOW)[0];
        Drive.assertValid(w);
        assertEquals(0.3, w[0], 1e-6);
        assertEquals(0.3, w[1], 1e-6);
        assertEquals(0.4, w[2], 1e-6);
    }

    @Test
    void holdsCashWhenEveryAssetLoses() {
        MarketData m = drifting(-0.003, -0.004);
        double[] w = Drive.run(new MeanVariance("mvo", WINDOW, 1, 1), m, WINDOW, WINDOW)[0];
        assertArrayEquals(new double[]{0, 0, 1}, w, 1e-6);
    }

    @Test
    void reusedConvexBuilderAgreesWithAFreshModelOnRandomMarkets() {
        // the fast path (one ConvexSolver builder, factors overwritten, warm-started) must give the
        // general model's answer at every decision, with and without a binding weight cap
        double[][] settings = {{5, 1.0}, {1, 0.25}, {50, 1.0}, {0.5, 0.4}};
        for (int c = 0; c < settings.length; c++) {
            MarketData market = Drive.random(6, 160, 40 + c);
            MeanVariance fast = new MeanVariance("mvo", 30, settings[c][0], settings[c][1]);
            MeanVariance reference = new MeanVariance("mvo", 30, settings[c][0], settings[c][1]);
            dev.strat.runtime.pipeline.RunSetup setup = new dev.strat.runtime.pipeline.RunSetup(market.symbols(), market.frequency(), 1L, 31, 159);
            fast.reset(setup);
            reference.reset(setup);
            dev.strat.runtime.data.History.Cursor cursor = dev.strat.runtime.data.History.cursor(market, 31);
            dev.strat.runtime.data.History history = cursor.view();
            double[] current = new double[7];
            current[6] = 1;
            double[] a = new double[7], e = new double[7];
            for (int t = 31; t < 159; t++) {
                cursor.advanceTo(t);
                fast.propose(new dev.strat.runtime.pipeline.Decision(history, t - 31, current, current, 1.0), a);
                reference.proposeWithModel(history, e);
                Drive.assertValid(a);
                for (int i = 0; i < 6; i++) assertTrue(a[i] <= settings[c][1] + 1e-9, "cap");
                // the programme can be nearly flat (small lambda): equally good portfolios may
                // differ, so compare what is optimised; the weights must agree where it is curved
                double ua = reference.utility(a), ue = reference.utility(e);
                assertTrue(ua >= ue - 1e-10, "setting " + c + " bar " + t + ": utility " + ua + " < model's " + ue);
                if (settings[c][0] >= 5) assertArrayEquals(e, a, 1e-5, "setting " + c + " bar " + t);
            }
            assertEquals(0, fast.fallbacks(), "setting " + c + ": the builder failed and the model decided");
        }
    }

    /** The estimate the class made before it moved onto the risk layer, written out plainly. */
    private static double[] plainRidgedSample(dev.strat.runtime.data.History h, int window, int n) {
        double[] r = new double[window * n], mu = new double[n], s = new double[n * n];
        for (int k = 0; k < window; k++) {
            for (int i = 0; i < n; i++) {
                r[k * n + i] = h.relative(k, i) - 1.0;
                mu[i] += r[k * n + i];
            }
        }
        for (int i = 0; i < n; i++) mu[i] /= window;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < window; k++) s[i * n + j] += (r[k * n + i] - mu[i]) * (r[k * n + j] - mu[j]);
                s[i * n + j] /= window - 1;
            }
            trace += s[i * n + i];
        }
        for (int i = 0; i < n; i++) s[i * n + i] += MeanVariance.RIDGE * trace / n + MeanVariance.RIDGE_FLOOR;
        return s;
    }

    @Test
    void sharedEstimatorGivesTheFormerSampleCovarianceAndLedoitWolfOnRequest() {
        MarketData market = Drive.random(8, 120, 7);
        int n = 8, window = 40, t = 100;
        dev.strat.runtime.pipeline.RunSetup setup = new dev.strat.runtime.pipeline.RunSetup(market.symbols(), market.frequency(), 1L, window + 1, 119);
        dev.strat.runtime.data.History h = dev.strat.runtime.data.History.cursor(market, t).view();
        MeanVariance sample = new MeanVariance("mvo", window, 5, 1);
        sample.reset(setup);
        sample.estimate(h);
        double[] plain = plainRidgedSample(h, window, n);
        double scale = 0;
        for (double v : plain) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < n * n; i++) assertEquals(plain[i], sample.covariance()[i], 1e-12 * scale, "entry " + i);

        MeanVariance shrunk = new MeanVariance("mvo", window, 5, 1, dev.strat.runtime.risk.CovarianceEstimator.LEDOIT_WOLF);
        shrunk.reset(setup);
        shrunk.estimate(h);
        double[] x = new double[window * n], mean = new double[n], lw = new double[n * n];
        for (int k = 0; k < window; k++) for (int i = 0; i < n; i++) x[(window - 1 - k) * n + i] = h.relative(k, i) - 1.0;
        double s = dev.strat.runtime.risk.Covariance.ledoitWolf(x, window, n, mean, lw);
        assertTrue(s > 0 && s < 1, "a real shrinkage: " + s);
        double trace = 0;
        for (int i = 0; i < n; i++) trace += lw[i * n + i];
        for (int i = 0; i < n; i++) lw[i * n + i] += MeanVariance.RIDGE * trace / n + MeanVariance.RIDGE_FLOOR;
        assertArrayEquals(lw, shrunk.covariance(), 0.0);
        // and the choice shows in the portfolio
        double[] a = Drive.run(new MeanVariance("mvo", window, 500, 1), market, t, t)[0];
        double[] b = Drive.run(new MeanVariance("mvo", window, 500, 1, dev.strat.runtime.risk.CovarianceEstimator.LEDOIT_WOLF), market, t, t)[0];
        Drive.assertValid(b);
        double diff = 0;
        for (int i = 0; i <= n; i++) diff += Math.abs(a[i] - b[i]);
        assertTrue(diff > 1e-3, "ledoit_wolf changed nothing: " + java.util.Arrays.toString(a) + " vs " + java.util.Arrays.toString(b));
    }
}
