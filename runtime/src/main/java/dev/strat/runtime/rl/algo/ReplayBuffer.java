package dev.strat.runtime.rl.algo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fixed-capacity ring of transitions on primitive arrays, for the off-policy agents.
 *
 * <p>Each slot holds the observation, the action taken, the reward, the next observation and
 * a bootstrap mask: {@code done} is set for terminal steps only. A truncated step (time limit,
 * end of data) is stored as not done, so that the target still bootstraps from the next
 * observation, as SB3 does with {@code handle_timeout_termination}.
 *
 * <p>The arrays grow by doubling up to the capacity instead of being allocated whole: SB3's
 * default capacity of a million transitions of 641 floats would take 5 GB up front, while a
 * typical run stores far fewer. Once full, the oldest slot is overwritten.
 *
 * <p>{@link #sample} draws indices uniformly with replacement from the agent's stream (SB3
 * samples the same way) and writes the batch into caller-owned arrays, so an update allocates
 * nothing on the Java heap.
 */
public final class ReplayBuffer {

    private final int capacity;
    private final int obsDim;
    private final int actDim;
    private float[] obs;
    private float[] next;
    private float[] actions;
    private float[] rewards;
    private boolean[] done;
    private int allocated;
    private int size;
    private int head;

    public ReplayBuffer(int capacity, int obsDim, int actDim) {
        if (capacity < 1) throw new IllegalArgumentException("replay buffer capacity must be positive, got " + capacity);
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        resize(Math.min(capacity, 1024));
    }

    /** Stores one transition; {@code terminal} marks a step the target must not bootstrap past. */
    public void add(float[] observation, float[] action, double reward, float[] nextObservation, boolean terminal) {
        if (head == allocated) resize((int) Math.min(capacity, 2L * allocated));
        System.arraycopy(observation, 0, obs, head * obsDim, obsDim);
        System.arraycopy(nextObservation, 0, next, head * obsDim, obsDim);
        System.arraycopy(action, 0, actions, head * actDim, actDim);
        rewards[head] = (float) reward;
        done[head] = terminal;
        head = head + 1 == capacity ? 0 : head + 1;
        if (size < capacity) size++;
    }

    /**
     * Draws {@code batch} transitions and writes them row by row: observations and next
     * observations ({@code batch x obsDim}), actions ({@code batch x actDim}), rewards, and
     * {@code discount[b] = gamma} for a non-terminal transition, 0 for a terminal one.
     */
    public void sample(SplittableRandom random, int batch, double gamma, float[] obsOut, float[] actionOut, float[] rewardOut,
                       float[] nextOut, float[] discountOut) {
        if (size == 0) throw new IllegalStateException("cannot sample an empty replay buffer");
        float g = (float) gamma;
        for (int b = 0; b < batch; b++) {
            int i = random.nextInt(size);
            System.arraycopy(obs, i * obsDim, obsOut, b * obsDim, obsDim);
            System.arraycopy(next, i * obsDim, nextOut, b * obsDim, obsDim);
            System.arraycopy(actions, i * actDim, actionOut, b * actDim, actDim);
            rewardOut[b] = rewards[i];
            discountOut[b] = done[i] ? 0f : g;
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    private void resize(int slots) {
        if ((long) slots * Math.max(obsDim, 1) > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("replay buffer of " + slots + " x " + obsDim + " floats exceeds a Java array; lower the buffer size");
        }
        obs = obs == null ? new float[slots * obsDim] : Arrays.copyOf(obs, slots * obsDim);
        next = next == null ? new float[slots * obsDim] : Arrays.copyOf(next, slots * obsDim);
        actions = actions == null ? new float[slots * actDim] : Arrays.copyOf(actions, slots * actDim);
        rewards = rewards == null ? new float[slots] : Arrays.copyOf(rewards, slots);
        done = done == null ? new boolean[slots] : Arrays.copyOf(done, slots);
        allocated = slots;
    }
}
