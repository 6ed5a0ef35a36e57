package dev.strat.runtime.compose;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;

/**
 * Decides how much of each member a {@link Blend} executes. It sees the market only through the
 * decision's {@link History} and the members only through their {@link TrackRecord}, so it
 * cannot look past the decision bar.
 *
 * <p>Every {@link SwitchPolicy} is a blend policy too: in a blend it gives one-hot weights.
 */
public interface BlendPolicy {

    /** How the policy is written, e.g. {@code best(metric=sharpe, lookback=63)}. */
    String label();

    /** Bars of history the policy needs before its first decision. */
    default int warmup() {
        return 0;
    }

    /**
     * Starts a run over {@code members} members. A random policy draws from
     * {@code setup.random(owner + "/policy")}, so that its stream depends on the run's seed and
     * the owning stage's name only.
     *
     * @throws IllegalArgumentException when the policy does not fit that many members
     */
    void reset(RunSetup setup, String owner, int members);

    /**
     * Writes the weight of each member into {@code out} (one per member, finite, {@code >= 0},
     * summing to 1).
     */
    void weigh(History history, TrackRecord record, double[] out);

    /** Called after each executed step of the composite, for policies that learn. */
    default void observe(Outcome outcome) {
    }
}
