package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.nn.Params;
import dev.strat.runtime.rl.nn.Tensors;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * What PPO and A2C share: the actor-critic, the rollout, acting and collecting, bootstrapping
 * and the update schedule (one {@link #train} per full rollout, inside {@link #observe}).
 *
 * <p>Randomness: the initial weights come from the seed; each rollout draws its action noise
 * and its minibatch order from two Java streams derived from the seed and the rollout's index,
 * so a run is reproducible and a run resumed from a checkpoint continues with the same streams.
 *
 * <p>Checkpoints hold the weights, the log std, the optimiser state and the counters, not the
 * rollout in progress: an agent loaded from a checkpoint written mid-rollout starts a fresh
 * rollout (SB3 does not save its rollout buffer either).
 */
abstract sealed class OnPolicyAgent implements Agent permits Ppo, A2c {

    /**
     * The settings PPO and A2C share.
     *
     * @param steps      environment steps per rollout
     * @param gamma      discount
     * @param gaeLambda  GAE lambda (1 gives n-step returns)
     * @param policyNet  the actor's network
     * @param valueNet   the critic's network
     * @param logStdInit initial log std of the Gaussian policy
     */
    record Settings(int steps, double gamma, double gaeLambda, NetSpec policyNet, NetSpec valueNet, double logStdInit) {
    }

    final EnvSpec spec;
    final NDManager manager;
    final ActorCritic nets;
    final RolloutBuffer buffer;
    private final Settings settings;
    private final long seed;
    private final NDArray lossSeed;
    private final float[] raw;
    private double pendingValue;
    private double pendingLogProb;
    private boolean pending;
    private Thread inferenceThread;
    long steps;
    long updates;
    long rollouts;
    Losses losses = Losses.NONE;
    SplittableRandom noise;
    SplittableRandom shuffle;

    OnPolicyAgent(EnvSpec spec, Settings settings, long seed, Compute compute) {
        this.spec = spec;
        this.settings = settings;
        this.seed = seed;
        this.manager = Compute.engine().newBaseManager(compute.device());
        ensureNoGrad();
        this.nets = new ActorCritic(manager, spec, settings.policyNet(), settings.valueNet(), settings.logStdInit(), new SplittableRandom(seed));
        this.buffer = new RolloutBuffer(settings.steps(), spec.observationSize(), spec.action());
        this.lossSeed = manager.ones(new Shape());
        this.raw = new float[spec.action().width()];
        streams();
    }

    @Override
    public EnvSpec spec() { return spec; }

    @Override
    public long updates() { return updates; }

    @Override
    public long steps() { return steps; }

    @Override
    public Losses losses() { return losses; }

    @Override
    public void act(float[] observation, boolean explore, float[] action) {
        ensureNoGrad();
        float[] out = nets.infer(manager, observation);
        ActionDistribution d = nets.distribution();
        if (explore) {
            pendingLogProb = d.sample(out, noise, raw);
            pendingValue = out[d.headSize()];
            pending = true;
            d.toEnvironment(raw, action);
        } else {
            d.mode(out, action);
        }
    }

    /**
     * Stores the step. The stored action is the one the last exploring {@link #act} sampled
     * (unclipped), not {@code action}, which is what the environment got.
     */
    @Override
    public void observe(float[] observation, float[] action, double reward, float[] next, boolean terminal, boolean truncated) {
        if (!pending) throw new IllegalStateException("observe() needs a preceding act(observation, true, action)");
        pending = false;
        boolean done = terminal || truncated;
        double bootstrap = truncated && !terminal ? value(next) : 0;
        buffer.add(observation, raw, reward, pendingValue, pendingLogProb, done, bootstrap);
        steps++;
        if (buffer.full()) {
            buffer.computeAdvantages(done ? 0 : value(next), settings.gamma(), settings.gaeLambda());
            train();
            nets.changed();
            buffer.clear();
            rollouts++;
            streams();
        }
    }

    /** The critic's value of one observation. */
    double value(float[] observation) {
        ensureNoGrad();
        return nets.infer(manager, observation)[nets.distribution().headSize()];
    }

    /** Runs the gradient updates of one full rollout and sets {@link #losses}. */
    abstract void train();

    abstract void saveOptimiser(DataOutputStream out) throws IOException;

    abstract void loadOptimiser(DataInputStream in) throws IOException;

    /** Back-propagates a scalar loss, recording the graph only while needed. */
    final void backward(NDArray loss) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) lossSeed, false, false);
    }

    /** Turns graph recording on for the calling thread (the loss of an update). */
    static void recordGraph(boolean on) {
        JniUtils.setGradMode(on);
    }

    private void ensureNoGrad() {
        // PyTorch's grad mode is per thread; the training loop may act from another thread than the one that built us.
        if (Thread.currentThread() != inferenceThread) {
            Tensors.noGrad();
            inferenceThread = Thread.currentThread();
        }
    }

    private void streams() {
        noise = new SplittableRandom(mix(seed, rollouts, 1));
        shuffle = new SplittableRandom(mix(seed, rollouts, 2));
    }

    private static long mix(long seed, long index, long tag) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + tag * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(algorithm());
        out.writeLong(steps);
        out.writeLong(updates);
        out.writeLong(rollouts);
        Params.save(out, nets.parameters());
        saveOptimiser(out);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        String algorithm = in.readUTF();
        if (!algorithm.equals(algorithm())) throw new IOException("checkpoint is for " + algorithm + ", not " + algorithm());
        steps = in.readLong();
        updates = in.readLong();
        rollouts = in.readLong();
        ensureNoGrad();
        Params.load(in, nets.parameters());
        loadOptimiser(in);
        nets.changed();
        buffer.clear();
        pending = false;
        losses = Losses.NONE;
        streams();
    }

    @Override
    public void close() {
        manager.close();
    }
}
