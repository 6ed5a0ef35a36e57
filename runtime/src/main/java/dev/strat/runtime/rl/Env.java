package dev.strat.runtime.rl;

/**
 * A reinforcement-learning environment on plain arrays: the contract the training loop drives.
 * Implementations keep per-step work in Java arrays and never call native code; the agent alone
 * talks to the accelerator.
 *
 * <p>Single-threaded and stateful. {@link #reset} must make the episode depend only on the
 * environment's configuration and the seed.
 */
public interface Env {

    EnvSpec spec();

    /** Starts an episode and writes its first observation into {@code observation}. */
    void reset(long seed, float[] observation);

    /**
     * Applies {@code action} (length {@link ActionSpace#width()}), writes the next observation
     * into {@code observation} and returns the reward and whether the episode ended.
     */
    Step step(float[] action, float[] observation);

    /**
     * The result of one step.
     *
     * @param reward    the reward for the step
     * @param terminal  the episode ended for good (no bootstrapping past it)
     * @param truncated the episode was cut off (time limit, end of data); learners bootstrap
     */
    record Step(double reward, boolean terminal, boolean truncated) {
        public boolean done() { return terminal || truncated; }
    }
}
