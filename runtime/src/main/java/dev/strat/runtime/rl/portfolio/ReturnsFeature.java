package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/**
 * Log returns {@code log(close_b / close_(b-1))} of every asset over the last {@code window}
 * bars, as a (window, assets + cash, 1) tensor, oldest bar first; cash earns 0.
 */
final class ReturnsFeature implements Feature {

    private final int window;

    ReturnsFeature(int window) {
        if (window < 1) throw new IllegalArgumentException("returns needs a window of at least 1, got " + window);
        this.window = window;
    }

    @Override
    public String label() { return "returns(window=" + window + ")"; }

    /** {@code window} returns need one close more. */
    @Override
    public int warmup() { return window + 1; }

    @Override
    public int width(int assets) { return window * (assets + 1); }

    @Override
    public int[] tensorShape(int assets) { return new int[] {window, 1}; }

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
