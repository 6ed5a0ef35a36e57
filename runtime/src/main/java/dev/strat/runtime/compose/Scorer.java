package dev.strat.runtime.compose;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.RunSetup;

/**
 * Ranks the assets for a {@link Select}: one score per asset, higher is better. It sees prices
 * only through the decision's {@link History}, so it cannot read a bar after the decision bar.
 */
public interface Scorer {

    /** How the scorer is written, e.g. {@code momentum(lookback=60)}. */
    String label();

    /** Bars of history the scorer needs before its first decision. */
    default int warmup() {
        return 0;
    }

    /** Starts a run. A random scorer draws from {@code setup.random(owner + "/scorer")}. */
    default void reset(RunSetup setup, String owner) {
    }

    /** Writes one score per asset of {@code history} into {@code scores}; NaN ranks last. */
    void score(History history, double[] scores);
}
