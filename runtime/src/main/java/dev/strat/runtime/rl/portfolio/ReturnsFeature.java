package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/**
 * Log returns {@code log(close_b / close_(b-1))} of every asset over the last {@code window}
 * bars, as a (window, assets + cash, 1) tensor, oldest bar first; cash earns 0.
 */
final class ReturnsFeature extends WindowFeature {

    ReturnsFeature(int window) {
        super("returns", window, 1);
    }

    /** {@code window} returns need one close more. */
    @Override
    public int warmup() { return window + 1; }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        final int n = history.assets();
        int k = offset;
        for (int row = 0; row < window; row++) {
            final int lag = window - 1 - row;
            for (int i = 0; i < n; i++) out[k++] = (float) Math.log(history.close(lag, i) / history.close(lag + 1, i));
            out[k++] = 0f;
        }
    }
}
