package dev.strat.runtime.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.strat.runtime.data.BarRange;

import java.util.Objects;
import java.util.Optional;

/**
 * One run of an experiment as plain data: which program, experiment, strategy, seed and window,
 * and the window's bar ranges. It names everything a worker needs besides the program and its
 * market, so it is the unit a (local or distributed) {@link RunExecutor} schedules; it round-trips
 * through JSON with a plain Jackson mapper.
 *
 * @param programHash hash of the program text (empty when the experiment was not built from one)
 * @param experiment  the experiment's name
 * @param strategy    the strategy's name
 * @param seed        the run's seed
 * @param window      index of the protocol window, or {@link #ALL_WINDOWS} for a strategy that does
 *                    not learn and runs once over every window's test range
 * @param train       bars to train on, null when the run trains nothing
 * @param valid       bars to validate on, null when there are none
 * @param test        decision bars {@code [from, to)}; wealth is valued through bar {@code to}
 */
public record RunSpec(String programHash, String experiment, String strategy, long seed, int window, BarRange train,
                      BarRange valid, BarRange test) {

    /** The window index of a run over the whole concatenated test span. */
    public static final int ALL_WINDOWS = -1;

    public RunSpec {
        Objects.requireNonNull(programHash, "programHash");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(test, "test");
        if (window < ALL_WINDOWS) throw new IllegalArgumentException("bad window index " + window);
    }

    /** The train range, if the run trains. */
    @JsonIgnore
    public Optional<BarRange> trainRange() {
        return Optional.ofNullable(train);
    }

    /** The validation range, if any. */
    @JsonIgnore
    public Optional<BarRange> validRange() {
        return Optional.ofNullable(valid);
    }

    /** A short name for messages: {@code 'rl' seed 2 window 3}. */
    public String describe() {
        return "'" + strategy + "' seed " + seed + (window == ALL_WINDOWS ? "" : " window " + window);
    }
}
