package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/**
 * RiPO's covariance state: the N x N sample covariance (n - 1) of the last {@code window} log
 * returns, written row-major (all N * N entries, so a network sees the matrix whole).
 * Allocation-free: the returns go into a buffer sized on first use.
 */
final class CovarianceFeature implements Feature {

    private final int window;
    private double[] returns = new double[0];
    private double[] means = new double[0];

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
        }
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < window; k++) {
                final double r = Math.log(history.close(k, i) / history.close(k + 1, i));
                returns[i * window + k] = r;
                sum += r;
            }
            means[i] = sum / window;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < window; k++) {
                    s += (returns[i * window + k] - means[i]) * (returns[j * window + k] - means[j]);
                }
                final float c = (float) (s / (window - 1));
                out[offset + i * n + j] = c;
                out[offset + j * n + i] = c;
            }
        }
    }
}
