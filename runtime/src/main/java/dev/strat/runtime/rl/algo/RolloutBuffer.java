package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.ActionSpace;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The on-policy rollout of PPO and A2C on primitive arrays: observations, actions, rewards,
 * value estimates, log-probabilities and episode ends of {@code capacity} consecutive steps,
 * and the GAE(lambda) advantages and returns computed from them in plain Java.
 *
 * <p>Bootstrapping follows Stable-Baselines3. A terminal step contributes no value beyond it.
 * A truncated step (time limit, end of data) ends the episode too, but its reward is raised
 * by {@code gamma * V(next observation)} so that the cut-off future still counts; the caller
 * passes that value as {@code bootstrap}. The step that fills the rollout bootstraps from
 * {@code V(next observation)} unless it ended an episode.
 *
 * <p>Actions are stored as the policy sampled them (unclipped for continuous spaces, the
 * option index for discrete ones); in minibatches a discrete action becomes a one-hot row so
 * that its log-probability is one product on the accelerator.
 */
final class RolloutBuffer {

    private final int capacity;
    private final int observationSize;
    private final int actionWidth;
    private final int actionColumns;
    private final boolean discrete;
    private final float[] observations;
    private final float[] actions;
    private final double[] rewards;
    private final double[] bootstraps;
    private final double[] values;
    private final double[] logProbs;
    private final boolean[] dones;
    private final double[] advantages;
    private final double[] returns;
    private int size;

    RolloutBuffer(int capacity, int observationSize, ActionSpace space) {
        if (capacity < 1) throw new IllegalArgumentException("a rollout needs at least one step");
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.actionWidth = space.width();
        this.discrete = space instanceof ActionSpace.Discrete;
        this.actionColumns = space instanceof ActionSpace.Discrete d ? d.n() : space.width();
        this.observations = new float[capacity * observationSize];
        this.actions = new float[capacity * actionWidth];
        this.rewards = new double[capacity];
        this.bootstraps = new double[capacity];
        this.values = new double[capacity];
        this.logProbs = new double[capacity];
        this.dones = new boolean[capacity];
        this.advantages = new double[capacity];
        this.returns = new double[capacity];
    }

    int capacity() { return capacity; }

    int size() { return size; }

    boolean full() { return size == capacity; }

    /** Columns an action takes in a minibatch row: the action width, or n for a one-hot choice. */
    int actionColumns() { return actionColumns; }

    /**
     * Appends one step.
     *
     * @param done      the episode ended after this step (terminal or truncated)
     * @param bootstrap {@code V(next observation)} when the step was truncated, else 0
     */
    void add(float[] observation, float[] action, double reward, double value, double logProb, boolean done, double bootstrap) {
        if (full()) throw new IllegalStateException("rollout is full");
        System.arraycopy(observation, 0, observations, size * observationSize, observationSize);
        System.arraycopy(action, 0, actions, size * actionWidth, actionWidth);
        rewards[size] = reward;
        values[size] = value;
        logProbs[size] = logProb;
        dones[size] = done;
        bootstraps[size] = bootstrap;
        size++;
    }

    /**
     * GAE(lambda) over the stored steps (SB3's {@code compute_returns_and_advantage}).
     *
     * @param lastValue {@code V(observation after the last step)}; ignored when that step ended an episode
     */
    void computeAdvantages(double lastValue, double gamma, double lambda) {
        double gae = 0;
        for (int i = size - 1; i >= 0; i--) {
            double next = i == size - 1 ? lastValue : values[i + 1];
            double live = dones[i] ? 0 : 1;
            double reward = rewards[i] + gamma * bootstraps[i];
            double delta = reward + gamma * next * live - values[i];
            gae = delta + gamma * lambda * live * gae;
            advantages[i] = gae;
            returns[i] = gae + values[i];
        }
    }

    double advantage(int i) { return advantages[i]; }

    double returnOf(int i) { return returns[i]; }

    void clear() {
        size = 0;
    }

    /** A permutation of {@code 0 .. size-1} from {@code random} (Fisher-Yates). */
    int[] permutation(SplittableRandom random) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) p[i] = i;
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Fills {@code batch} with the steps {@code order[from .. from + count - 1]}; with
     * {@code normalise} the advantages are standardised within the batch as SB3 does
     * ({@code (a - mean) / (std + 1e-8)}, std with Bessel's correction, only for more than one).
     */
    OnPolicyBatch batch(int[] order, int from, int count, boolean normalise) {
        OnPolicyBatch b = new OnPolicyBatch(count, observationSize, actionColumns);
        double mean = 0;
        for (int k = 0; k < count; k++) mean += advantages[order[from + k]];
        mean /= count;
        double var = 0;
        for (int k = 0; k < count; k++) {
            double d = advantages[order[from + k]] - mean;
            var += d * d;
        }
        boolean norm = normalise && count > 1;
        double scale = norm ? 1 / (Math.sqrt(var / (count - 1)) + 1e-8) : 1;
        double shift = norm ? mean : 0;
        for (int k = 0; k < count; k++) {
            int i = order[from + k];
            float[] row = b.data();
            int off = k * b.width();
            System.arraycopy(observations, i * observationSize, row, off, observationSize);
            off += observationSize;
            if (discrete) {
                Arrays.fill(row, off, off + actionColumns, 0f);
                row[off + (int) actions[i]] = 1f;
            } else {
                System.arraycopy(actions, i * actionWidth, row, off, actionWidth);
            }
            off += actionColumns;
            row[off] = (float) logProbs[i];
            row[off + 1] = (float) ((advantages[i] - shift) * scale);
            row[off + 2] = (float) returns[i];
        }
        return b;
    }

    /** All steps in order, advantages as computed (A2C). */
    OnPolicyBatch all(boolean normalise) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) order[i] = i;
        return batch(order, 0, size, normalise);
    }
}
