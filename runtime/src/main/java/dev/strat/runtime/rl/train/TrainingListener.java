package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.algo.Losses;

/**
 * Cross-cutting concerns of training (guards, checkpoints, early stopping, progress), called by
 * the {@link Trainer} on its thread. Every callback defaults to doing nothing. A listener stops
 * training gracefully with {@link TrainingRun#stop} or abruptly by throwing a
 * {@link TrainingException}.
 *
 * <p>{@link #onStep} runs once per environment step: keep it to a few primitive operations.
 */
public interface TrainingListener {

    /** Training starts (or resumes); {@code run} stays valid until {@link #onEnd}. */
    default void onStart(TrainingRun run) {
    }

    /**
     * Episode {@code episode} (0-based) was reset with {@code seed}; {@code observation} is its
     * first observation (read only).
     */
    default void onEpisodeStart(long episode, long seed, float[] observation) {
    }

    /**
     * Step {@code step} (1-based, over the whole run) gave {@code reward} and the next
     * {@code observation} (read only).
     */
    default void onStep(long step, double reward, float[] observation) {
    }

    /** The agent finished a gradient update with these losses. */
    default void onUpdate(Losses losses) {
    }

    /** Episode {@code episode} (0-based) ended with reward sum {@code reward} after {@code length} steps. */
    default void onEpisodeEnd(long episode, double reward, int length) {
    }

    /** Epoch {@code epoch} (1-based) was validated at {@code metric}; {@code best} when it is a new best. */
    default void onEpoch(int epoch, double metric, boolean best) {
    }

    /** Training ended normally (the kept model is in place); not called when it failed. */
    default void onEnd(TrainingResult result) {
    }
}
