package dev.strat.runtime.rl.algo;

import dev.strat.runtime.util.Gaussian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.Tensors;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * What DDPG, TD3 and SAC share: the replay buffer, SB3's schedule (uniform random actions for
 * the first {@code learningStarts} steps, then {@code gradientSteps} updates every
 * {@code trainEvery} steps once more than {@code learningStarts} transitions are stored), the
 * batch arrays an update reads, the seeded streams and the checkpoint header.
 *
 * <p>Streams: one {@link SplittableRandom} from the seed is split, in this order, into the
 * weight initialisation, the exploration and target noise, and the minibatch sampling
 * streams; nothing draws from PyTorch's generator.
 *
 * <p>Checkpoints hold weights, optimiser states and counters, not the replay buffer (it can
 * take gigabytes; a resumed run refills it) and not the random streams
 * ({@code SplittableRandom} exposes no state), so a resumed run acts identically in
 * evaluation but does not replay the original run's exploration.
 */
abstract class OffPolicyAgent implements Agent {

    protected final EnvSpec spec;
    protected final int obsDim;
    protected final int actDim;
    protected final NDManager root;
    protected final SplittableRandom initRandom;
    protected final SplittableRandom noiseRandom;
    protected final SplittableRandom sampleRandom;
    protected final ReplayBuffer buffer;
    protected final int batch;
    protected final double gamma;
    private final String algorithm;
    private final int learningStarts;
    private final int trainEvery;
    private final int gradientSteps;

    /** The minibatch of the next update, row-major; tests write them directly. */
    final float[] batchObs;
    final float[] batchActions;
    final float[] batchRewards;
    final float[] batchNext;
    final float[] batchDiscounts;
    /** A scalar 1, the seed gradient of a backward pass from a scalar loss. */
    protected final NDArray one;

    private float[] packed;
    protected long steps;
    protected long updates;
    protected Losses losses = Losses.NONE;

    OffPolicyAgent(String algorithm, EnvSpec spec, long seed, Compute compute, int bufferSize, int batch, int learningStarts,
                   double gamma, int trainEvery, int gradientSteps) {
        if (spec.action() instanceof ActionSpace.Discrete d) {
            throw new IllegalArgumentException(algorithm + " needs a continuous action space; this environment has a discrete one of "
                    + d.n() + " options (use ppo or a2c)");
        }
        if (batch < 1 || learningStarts < 0 || trainEvery < 1 || gradientSteps < 0) {
            throw new IllegalArgumentException(algorithm + ": batch and trainEvery must be positive, learningStarts and gradientSteps non-negative");
        }
        this.algorithm = algorithm;
        this.spec = spec;
        this.obsDim = spec.observationSize();
        this.actDim = spec.action().width();
        this.batch = batch;
        this.gamma = gamma;
        this.learningStarts = learningStarts;
        this.trainEvery = trainEvery;
        this.gradientSteps = gradientSteps;
        SplittableRandom master = new SplittableRandom(seed);
        this.initRandom = master.split();
        this.noiseRandom = master.split();
        this.sampleRandom = master.split();
        this.buffer = new ReplayBuffer(bufferSize, obsDim, actDim);
        this.batchObs = new float[batch * obsDim];
        this.batchActions = new float[batch * actDim];
        this.batchRewards = new float[batch];
        this.batchNext = new float[batch * obsDim];
        this.batchDiscounts = new float[batch];
        this.root = Compute.engine().newBaseManager(compute.device());
        Tensors.noGrad();
        this.one = root.create(1f);
    }

    @Override
    public final String algorithm() {
        return algorithm;
    }

    @Override
    public final EnvSpec spec() {
        return spec;
    }

    @Override
    public final void act(float[] observation, boolean explore, float[] action) {
        if (explore && steps < learningStarts) {
            for (int k = 0; k < actDim; k++) action[k] = (float) (noiseRandom.nextDouble() * 2 - 1);
            return;
        }
        Tensors.recording(false);
        try (NDManager scope = root.newSubManager()) {
            float[] out = policy(scope, observation, explore);
            System.arraycopy(out, 0, action, 0, actDim);
        }
        if (explore) explore(action);
    }

    /** The policy's action for one observation, read back as one array (deterministic for SAC too). */
    abstract float[] policy(NDManager scope, float[] observation, boolean explore);

    /** Adds exploration noise to the policy's action in place (TD3, DDPG); SAC samples in {@link #policy}. */
    void explore(float[] action) {
    }

    @Override
    public final void observe(float[] observation, float[] action, double reward, float[] next, boolean terminal, boolean truncated) {
        buffer.add(observation, action, reward, next, terminal);
        steps++;
        if (steps > learningStarts && steps % trainEvery == 0) {
            for (int g = 0; g < gradientSteps; g++) {
                buffer.sample(sampleRandom, batch, gamma, batchObs, batchActions, batchRewards, batchNext, batchDiscounts);
                drawNoise();
                updates++;
                try (NDManager scope = root.newSubManager()) {
                    losses = update(scope);
                } finally {
                    Tensors.recording(false);
                }
            }
        }
    }

    /** Draws the update's noise arrays (target smoothing, reparameterisation) from the noise stream. */
    abstract void drawNoise();

    /** One gradient step on the batch arrays; {@link #updates} already counts it. */
    abstract Losses update(NDManager scope);

    /**
     * Back-propagates a squared-error loss from the recorded output {@code q} without recording
     * the loss: the seed is {@code scale (q - y)}, the loss's gradient with respect to {@code q}
     * for a loss of {@code scale / 2} times the summed squares. Returns the summed squares
     * {@code sum (q - y)^2}. Grad mode must be off.
     */
    static double backwardSquaredError(NDArray q, NDArray y, float scale) {
        NDArray error = q.sub(y);
        double squares = 0;
        for (float e : error.toFloatArray()) squares += (double) e * e;
        Tensors.backward(q, error.muli(scale));
        return squares;
    }

    /**
     * Back-propagates from the recorded rows {@code rows} with the seed {@code seed} (a loss's
     * gradient with respect to each row) and returns the rows' mean. Grad mode must be off.
     */
    static double backwardRows(NDArray rows, NDArray seed) {
        float[] values = rows.toFloatArray();
        Tensors.backward(rows, seed);
        double sum = 0;
        for (float v : values) sum += v;
        return sum / values.length;
    }

    /**
     * The same update as its losses are written, through autograd from the losses down (for
     * tests: {@link #update} must move the networks exactly as this does).
     */
    abstract Losses referenceUpdate(NDManager scope);

    @Override
    public final long updates() {
        return updates;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final Losses losses() {
        return losses;
    }

    @Override
    public final void save(DataOutputStream out) throws IOException {
        out.writeUTF(algorithm);
        out.writeLong(steps);
        out.writeLong(updates);
        saveState(out);
    }

    @Override
    public final void load(DataInputStream in) throws IOException {
        String name = in.readUTF();
        if (!name.equals(algorithm)) throw new IOException("checkpoint is for " + name + ", not " + algorithm);
        steps = in.readLong();
        updates = in.readLong();
        loadState(in);
    }

    abstract void saveState(DataOutputStream out) throws IOException;

    abstract void loadState(DataInputStream in) throws IOException;

    @Override
    public void close() {
        root.close();
    }

    /**
     * The batch as tensors: observations, actions, next observations, rewards (B, 1),
     * discounts (B, 1), then the subclass's {@code extras} (B, width each), all column views of
     * one tensor made by one copy from Java, so an update pays one allocation, not seven.
     */
    final NDList batchTensors(NDManager scope, float[][] extras, int[] widths) {
        int row = 2 * obsDim + actDim + 2;
        for (int w : widths) row += w;
        if (packed == null || packed.length != batch * row) packed = new float[batch * row];
        int p = 0;
        for (int b = 0; b < batch; b++) {
            System.arraycopy(batchObs, b * obsDim, packed, p, obsDim);
            p += obsDim;
            System.arraycopy(batchActions, b * actDim, packed, p, actDim);
            p += actDim;
            System.arraycopy(batchNext, b * obsDim, packed, p, obsDim);
            p += obsDim;
            packed[p++] = batchRewards[b];
            packed[p++] = batchDiscounts[b];
            for (int e = 0; e < extras.length; e++) {
                System.arraycopy(extras[e], b * widths[e], packed, p, widths[e]);
                p += widths[e];
            }
        }
        long[] points = new long[4 + extras.length];
        long at = 0;
        int[] all = new int[5 + extras.length];
        all[0] = obsDim;
        all[1] = actDim;
        all[2] = obsDim;
        all[3] = 1;
        all[4] = 1;
        System.arraycopy(widths, 0, all, 5, widths.length);
        for (int k = 0; k < points.length; k++) {
            at += all[k];
            points[k] = at;
        }
        return scope.create(packed, new Shape(batch, row)).split(points, 1);
    }

    /** A (rows, cols) tensor of {@code values} in {@code scope}. */
    static NDArray matrix(NDManager scope, float[] values, int rows, int cols) {
        return scope.create(values, new Shape(rows, cols));
    }


    /** Reads a scalar tensor. */
    static double scalar(NDArray a) {
        return a.toFloatArray()[0];
    }
}
