package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/**
 * Closes of the last {@code window} bars relative to the decision bar's close
 * ({@code close_b / close_t}, so the newest row is all ones), as a (window, assets + cash, 1)
 * tensor, oldest bar first. Cash's price is constant, so its column is 1.
 */
final class PricesFeature extends WindowFeature {

    PricesFeature(int window) {
        super("prices", window, 1);
    }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        final int n = history.assets();
        int k = offset;
        for (int row = 0; row < window; row++) {
            final int lag = window - 1 - row;
            for (int i = 0; i < n; i++) out[k++] = (float) (history.close(lag, i) / history.close(0, i));
            out[k++] = 1f;
        }
    }
}
