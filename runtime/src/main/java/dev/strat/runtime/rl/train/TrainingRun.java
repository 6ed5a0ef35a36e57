package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.algo.Agent;

/**
 * A running training as listeners see it: counters, the best epoch so far, and a way to stop.
 * Valid only during {@link Trainer#train}; single-threaded like the trainer.
 */
public interface TrainingRun {

    TrainingConfig config();

    Agent agent();

    EnvSpec spec();

    /** The validation metric's name. */
    String metricName();

    /** Epochs finished. */
    int epoch();

    /** Episodes finished. */
    long episodes();

    /** Environment steps done. */
    long steps();

    /** The best epoch so far (1-based), or 0. */
    int bestEpoch();

    /** The best metric so far, or negative infinity. */
    double bestMetric();

    /** A snapshot of the history so far. */
    TrainingHistory history();

    /**
     * The state to resume from now: saves the agent (a copy of its weights, so call it at epoch
     * ends, not every step).
     */
    TrainingState state();

    /** Asks the trainer to stop after the current callback; {@code reason} ends up in the result. */
    void stop(String reason);
}
