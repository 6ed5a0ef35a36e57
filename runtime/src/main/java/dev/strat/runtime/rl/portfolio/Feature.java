package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/**
 * One block of an observation, computed from market history up to the decision bar (never
 * later: {@link History} refuses to look ahead) and the account state.
 *
 * <p>Like Ta4j's unstable bars, every feature declares its warm-up: the bars of history it needs
 * before its values mean anything. Nothing trades before the largest warm-up of a strategy's
 * features has passed.
 */
public interface Feature {

    /** A label for checkpoints and docs, e.g. {@code returns(window=5)}. */
    String label();

    /**
     * Bars that must be visible at a decision, the decision bar included (the meaning of
     * {@code Stage.warmup()}): the first bar the feature can be written at is {@code warmup() - 1}.
     */
    int warmup();

    /** Floats written per decision for a market of {@code assets} risky assets. */
    int width(int assets);

    /**
     * For features that form the (window, columns, channels) tensor part of the observation:
     * the window and channels they contribute (columns are the assets, plus cash). Flat features
     * return {@code null}.
     */
    default int[] tensorShape(int assets) {
        return null;
    }

    /** Writes {@link #width(int)} values at {@code offset}. */
    void write(History history, AccountState account, float[] out, int offset);
}
