package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;
import dev.strat.runtime.risk.Covariance;

/**
 * RiPO's covariance state: the N x N sample covariance (divisor {@code window - 1},
 * {@link Covariance#sample}, numpy/pandas) of the last {@code window} log returns
 * {@code log(close_t / close_t-1)}, written row-major as floats (all N * N entries, so a network
 * sees the matrix whole). Allocation-free: the returns, means and covariance go into buffers sized
 * on first use.
 */
final class CovarianceFeature implements Feature {

    private final int window;
    private double[] returns = new double[0];   // window x N, oldest first
    private double[] means = new double[0];
    private double[] cov = new double[0];

    CovarianceFeature(int window) {
        if (window < 2) throw new IllegalArgumentException("covariance needs a window of at least 2, got " + window);
        this.window = window;
    }

    @Override
    public String label() { return "covariance(window=" + window + ")"; }

    @Override
    public int warmup() { return window + 1; }

    @Override
    public int width(int assets) { return assets * assets; }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        final int n = history.assets();
        if (returns.length != window * n) {
            returns = new double[window * n];
            means = new double[n];
            cov = new double[n * n];
        }
        for (int k = 0; k < window; k++) {
            final int row = (window - 1 - k) * n;
            for (int i = 0; i < n; i++) returns[row + i] = Math.log(history.close(k, i) / history.close(k + 1, i));
        }
        Covariance.sample(returns, window, n, means, cov);
        for (int i = 0; i < n * n; i++) out[offset + i] = (float) cov[i];
    }
}
