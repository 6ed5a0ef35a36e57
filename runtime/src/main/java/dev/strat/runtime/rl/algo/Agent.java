package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.EnvSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A learning agent. The training loop calls {@link #act} with {@code explore = true}, steps the
 * environment, then hands the transition to {@link #observe}; the agent stores it and updates
 * its networks on its own schedule (every step for TD3 and SAC, after each rollout for PPO and
 * A2C). Evaluation and backtests call {@code act(obs, false, ...)}, the deterministic policy,
 * which changes no state.
 *
 * <p>Agents own native memory (network weights, optimiser state) and must be closed.
 */
public interface Agent extends AutoCloseable {

    /** The algorithm's name: {@code td3}, {@code sac}, {@code ppo}, {@code a2c}, {@code ddpg}. */
    String algorithm();

    EnvSpec spec();

    /**
     * Writes the action for {@code observation} into {@code action}. With {@code explore} the
     * agent samples (noise, a stochastic policy) and remembers what the following
     * {@link #observe} needs; without it, it returns the deterministic policy's action.
     */
    void act(float[] observation, boolean explore, float[] action);

    /**
     * The transition that followed the last exploring {@link #act}: {@code action} is the action
     * the agent chose, {@code next} the observation after the step. May run gradient updates.
     */
    void observe(float[] observation, float[] action, double reward, float[] next, boolean terminal, boolean truncated);

    /** Gradient updates done so far. */
    long updates();

    /** Environment steps observed so far. */
    long steps();

    /** Losses of the latest update (empty before the first), for listeners and curves. */
    Losses losses();

    /** Switches training on or off for layers that care (dropout, batch norm). */
    default void training(boolean on) {
    }

    /** Writes weights, optimiser state and counters; {@link #load} restores them exactly. */
    void save(DataOutputStream out) throws IOException;

    /** Restores what {@link #save} wrote; the agent must have been built with the same configuration. */
    void load(DataInputStream in) throws IOException;

    /** The agent's whole state as bytes ({@link #save}), kept in memory to start a later window's training from it. */
    default byte[] snapshot() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            save(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Loads a {@link #snapshot()}; a state of another shape is an {@link IOException} from {@link #load}. */
    default void restore(byte[] state) throws IOException {
        try (DataInputStream data = new DataInputStream(new java.io.ByteArrayInputStream(state))) {
            load(data);
        }
    }

    @Override
    void close();
}
