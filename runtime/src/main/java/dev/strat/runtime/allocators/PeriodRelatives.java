package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;

/**
 * The price relatives of the period between two decisions. When the backtest decides every bar
 * this is {@code history.relative(0, i)}; when decisions are spaced (or a stage is asked twice at
 * one bar) it is the ratio of closes since the previous decision, so that online learners always
 * learn from the period their previous portfolio was actually exposed to.
 */
final class PeriodRelatives {

    private int lastBar = -1;

    void reset() {
        lastBar = -1;
    }

    /** True once a decision has been recorded, so a period relative exists. */
    boolean hasPrevious() {
        return lastBar >= 0;
    }

    /** Writes {@code close_now / close_lastDecision} for each asset into {@code out}. */
    void since(History history, double[] out) {
        int lag = history.now() - lastBar;
        int n = history.assets();
        if (lag == 1) {
            for (int i = 0; i < n; i++) out[i] = history.relative(0, i);
        } else {
            for (int i = 0; i < n; i++) out[i] = history.close(0, i) / history.close(lag, i);
        }
    }

    /** Records the decision bar. */
    void mark(History history) {
        lastBar = history.now();
    }
}
