package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/**
 * HADAPS's volatility state, one value per asset: the sample standard deviation (n - 1) of the
 * last {@code window} closes times the sign of the decision bar's return.
 *
 * <p>With {@code relative} (the default of {@link Features#volatility(int)}) the deviation is
 * divided by the decision bar's close: HADAPS uses raw price units, which grow with the price
 * level, so a normaliser fitted on one period misreads another and assets at different prices
 * are not comparable. {@link Features#volatilityRaw(int)} keeps the paper's form.
 */
final class VolatilityFeature implements Feature {

    private final int window;
    private final boolean relative;

    VolatilityFeature(int window, boolean relative) {
        if (window < 2) throw new IllegalArgumentException("volatility needs a window of at least 2, got " + window);
        this.window = window;
        this.relative = relative;
    }

    @Override
    public String label() { return (relative ? "volatility" : "volatility_raw") + "(window=" + window + ")"; }

    /** The window's closes; the day's return needs the close before, which window >= 2 covers. */
    @Override
    public int warmup() { return window; }

    @Override
    public int width(int assets) { return assets; }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        final int n = history.assets();
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (int lag = 0; lag < window; lag++) mean += history.close(lag, i);
            mean /= window;
            double ss = 0;
            for (int lag = 0; lag < window; lag++) {
                final double d = history.close(lag, i) - mean;
                ss += d * d;
            }
            double std = Math.sqrt(ss / (window - 1));
            final double now = history.close(0, i);
            if (relative) std /= now;
            out[offset + i] = (float) (std * Math.signum(now - history.close(1, i)));
        }
    }
}
