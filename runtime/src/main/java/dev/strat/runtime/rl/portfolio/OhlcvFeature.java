package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/**
 * The last {@code window} bars as a (window, assets + cash, 5) tensor, oldest bar first, with
 * channels open, high, low and close divided by the decision bar's close, then
 * {@code log(1 + volume)}. Close-only sources (no open, high or low) fall back to the close;
 * a missing volume reads 0. Cash's column is all zeros.
 */
final class OhlcvFeature extends WindowFeature {

    static final int CHANNELS = 5;

    OhlcvFeature(int window) {
        super("ohlcv", window, CHANNELS);
    }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        final int n = history.assets();
        int k = offset;
        for (int row = 0; row < window; row++) {
            final int lag = window - 1 - row;
            for (int i = 0; i < n; i++) {
                final double scale = 1 / history.close(0, i);
                final double c = history.close(lag, i);
                out[k++] = (float) (orClose(history.open(lag, i), c) * scale);
                out[k++] = (float) (orClose(history.high(lag, i), c) * scale);
                out[k++] = (float) (orClose(history.low(lag, i), c) * scale);
                out[k++] = (float) (c * scale);
                final double v = history.volume(lag, i);
                out[k++] = v >= 0 ? (float) Math.log1p(v) : 0f;
            }
            for (int ch = 0; ch < CHANNELS; ch++) out[k++] = 0f;
        }
    }

    private static double orClose(double x, double close) {
        return Double.isNaN(x) ? close : x;
    }
}
