package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/**
 * One entry of the {@code ta(indicators=[...])} feature: a {@link TaIndicator} of the standard
 * library, or a series computed elsewhere ({@link Computed}, e.g. a user indicator written in
 * JavaScript or Python). Either writes {@link #outputs()} values per asset.
 */
public sealed interface FeatureIndicator permits TaIndicator, FeatureIndicator.Computed {

    /** How it is shown in labels, e.g. {@code rsi(14)}. */
    String label();

    /** Values written per asset. */
    int outputs();

    /**
     * An indicator computed from the {@link History} view at each decision, so it sees bars up to
     * the decision bar only.
     */
    non-sealed interface Computed extends FeatureIndicator {

        /** Bars that must be visible at a decision, the decision bar included. */
        int warmup();

        /** Writes {@link #outputs()} values per asset, asset-major, to {@code out} (length assets * outputs). */
        void compute(History history, double[] out);
    }
}
