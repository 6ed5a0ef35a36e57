package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** RiPO's covariance state on the shared estimator: the same numbers as before, and no look-ahead. */
class CovarianceFeatureTest {

    private static final int WINDOW = 21;

    /** The feature as it was written before the risk layer: two passes over log returns, lag order. */
    private static double[] plain(History h, int window, int n) {
        double[] r = new double[window * n], mean = new double[n], cov = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < window; k++) {
                r[i * window + k] = Math.log(h.close(k, i) / h.close(k + 1, i));
                mean[i] += r[i * window + k];
            }
            mean[i] /= window;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < window; k++) s += (r[i * window + k] - mean[i]) * (r[j * window + k] - mean[j]);
                cov[i * n + j] = s / (window - 1);
            }
        }
        return cov;
    }

    @Test
    void writesTheSampleCovarianceOfLogReturns() {
        MarketData market = Fixtures.market();
        int n = market.assets();
        Feature f = Features.covariance(WINDOW);
        AccountState account = Fixtures.account(n);
        for (int t : new int[] {WINDOW + 1, 200, 650}) {
            float[] out = NoLookAheadTest.write(f, market, t, account);
            double[] expected = plain(History.cursor(market, t).view(), WINDOW, n);
            for (int i = 0; i < n * n; i++) {
                // float output: the double estimates agree to 1e-12, the floats to their own rounding
                assertEquals((float) expected[i], out[i], Math.ulp((float) expected[i]), "bar " + t + " entry " + i);
            }
        }
    }

    @Test
    void barTIsUnchangedWhenLaterBarsChange() {
        MarketData market = Fixtures.market();
        AccountState account = Fixtures.account(market.assets());
        Feature shared = Features.covariance(WINDOW);
        for (int t : new int[] {WINDOW + 1, 90, 400}) {
            float[] real = NoLookAheadTest.write(Features.covariance(WINDOW), market, t, account);
            assertArrayEquals(real, NoLookAheadTest.write(shared, Fixtures.garbageAfter(market, t, 17 * t), t, account), "garbage after bar " + t);
            assertArrayEquals(real, NoLookAheadTest.write(shared, market.slice(0, t + 1), t, account), "cut after bar " + t);
            // the perturbation is real: reaching the decision bar it shows
            assertFalse(java.util.Arrays.equals(real, NoLookAheadTest.write(shared, Fixtures.garbageAfter(market, t - 1, 3), t, account)));
        }
    }
}
