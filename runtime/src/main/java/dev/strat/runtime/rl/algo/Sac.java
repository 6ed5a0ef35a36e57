package dev.strat.runtime.rl.algo;

import dev.strat.runtime.util.Gaussian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Adam;
import dev.strat.runtime.rl.nn.Tensors;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Soft Actor-Critic (Haarnoja et al. 2018, with the automatic temperature of the second paper),
 * following SB3's {@code SAC}: twin critics and their Polyak-averaged targets, a tanh-squashed
 * Gaussian actor ({@link SquashedGaussian}), and per update, in SB3's order,
 *
 * <ol>
 *   <li>temperature loss {@code -log alpha * mean(log pi(a|s) + target entropy)} (auto only),
 *       with {@code alpha} for this update read before its step;</li>
 *   <li>critic loss {@code 0.5 sum_k mean (Q_k(s, a) - y)^2},
 *       {@code y = r + gamma (1 - terminal) (min_k Q'_k(s', a') - alpha log pi(a'|s'))};</li>
 *   <li>actor loss {@code mean(alpha log pi(a|s) - min_k Q_k(s, a))}, {@code a} resampled from
 *       the actor before the critic step, the critics' weights as updated;</li>
 *   <li>Polyak update of the target critics.</li>
 * </ol>
 *
 * The temperature is one scalar, so its Adam step runs in Java doubles (PyTorch's Adam formula)
 * and costs no native call. The actor has one output layer of {@code 2 dim} (mean, then log
 * std) where SB3 has two heads of {@code dim}: the same function, initialised alike.
 */
public final class Sac extends OffPolicyAgent {

    /**
     * @param actor              the policy network (outputs mean and log std)
     * @param critic             each critic network (plain MLP; two batched as one)
     * @param learningRate       Adam's step size for actor, critics and temperature
     * @param buffer             replay capacity in transitions
     * @param batch              minibatch size
     * @param learningStarts     steps of uniform random actions before learning
     * @param tau                Polyak coefficient of the target critics
     * @param gamma              discount
     * @param trainEvery         environment steps between training rounds
     * @param gradientSteps      updates per training round
     * @param autoEntropy        tune the temperature (SB3's {@code ent_coef="auto"})
     * @param entropyCoefficient the fixed temperature, or the initial one when tuned
     * @param targetEntropy      the tuned temperature's target entropy; NaN for {@code -dim}
     */
    public record Config(NetSpec actor, NetSpec critic, double learningRate, int buffer, int batch, int learningStarts, double tau,
                         double gamma, int trainEvery, int gradientSteps, boolean autoEntropy, double entropyCoefficient,
                         double targetEntropy) {

        public Config {
            if (!(entropyCoefficient > 0)) throw new IllegalArgumentException("sac: the entropy coefficient must be positive");
        }

        /** SB3's SAC defaults: mlp(256, 256), lr 3e-4, batch 256, 100 learning starts, auto temperature from 1. */
        public static Config defaults() {
            NetSpec net = NetSpec.Mlp.of(256, 256);
            return new Config(net, net, 3e-4, 1_000_000, 256, 100, 0.005, 0.99, 1, 1, true, 1.0, Double.NaN);
        }

        public Config withNets(NetSpec actor, NetSpec critic) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, autoEntropy, entropyCoefficient, targetEntropy);
        }

        public Config withLearningRate(double learningRate) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, autoEntropy, entropyCoefficient, targetEntropy);
        }

        public Config withBuffer(int buffer) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, autoEntropy, entropyCoefficient, targetEntropy);
        }

        public Config withBatch(int batch) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, autoEntropy, entropyCoefficient, targetEntropy);
        }

        public Config withLearningStarts(int learningStarts) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, autoEntropy, entropyCoefficient, targetEntropy);
        }

        public Config withTau(double tau) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, autoEntropy, entropyCoefficient, targetEntropy);
        }

        public Config withGamma(double gamma) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, autoEntropy, entropyCoefficient, targetEntropy);
        }

        public Config withTraining(int trainEvery, int gradientSteps) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, autoEntropy, entropyCoefficient, targetEntropy);
        }

        /** A fixed temperature (SB3's {@code ent_coef=0.1}, say). */
        public Config withFixedEntropy(double coefficient) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, false, coefficient, targetEntropy);
        }

        /** A tuned temperature from {@code initial} towards {@code target} entropy (NaN: {@code -dim}). */
        public Config withAutoEntropy(double initial, double target) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, true, initial, target);
        }
    }

    private final Config config;
    final Net actor;
    final StackedMlp critic;
    final StackedMlp criticTarget;
    private final Adam actorOptimiser;
    private final Adam criticOptimiser;
    private final float tau;
    private final NDArray alphaTensor;
    /** The actor loss's gradient with respect to each row's term: {@code 1 / B}. */
    private final NDArray rowMean;
    private final SquashedGaussian.Scalars scalars;
    private final double targetEntropy;
    /** Reparameterisation noise for the batch's observations and next observations (batch x action). */
    final float[] batchEps;
    final float[] batchNextEps;
    final float[] epsConstant;
    final float[] nextEpsConstant;
    private final double[] actNoise;
    // The temperature's log and its Adam moments, in Java.
    double logAlpha;
    private double alphaMean;
    private double alphaVariance;
    private long alphaSteps;
    /** The update on Java kernels, or null where it goes through PyTorch ({@link HostTraining}). */
    private final HostSacUpdate host;

    public Sac(EnvSpec spec, Config config, long seed, Compute compute) {
        super("sac", spec, seed, compute, config.buffer(), config.batch(), config.learningStarts(), config.gamma(), config.trainEvery(),
                config.gradientSteps());
        if (!(config.tau() > 0 && config.tau() <= 1)) throw new IllegalArgumentException("sac: tau must be in (0, 1]");
        this.config = config;
        this.actor = Net.build(config.actor(), root, "actor", spec.observation(), 2 * actDim, Activation.IDENTITY, initRandom);
        this.critic = Net.critics(config.critic(), root, "critic", 2, obsDim + actDim, initRandom);
        this.criticTarget = Net.critics(config.critic(), root, "critic_target", 2, obsDim + actDim, initRandom.split());
        critic.splitInputAt(obsDim);
        criticTarget.copyFrom(critic);
        this.actorOptimiser = new Adam(root, actor.trainable(), config.learningRate());
        this.criticOptimiser = new Adam(root, critic.trainable(), config.learningRate());
        this.tau = (float) config.tau();
        this.logAlpha = Math.log(config.entropyCoefficient());
        this.alphaTensor = root.create((float) config.entropyCoefficient());
        this.rowMean = root.full(new Shape(config.batch(), 1), 1f / config.batch());
        this.scalars = SquashedGaussian.Scalars.on(root);
        this.targetEntropy = Double.isNaN(config.targetEntropy()) ? -actDim : config.targetEntropy();
        this.batchEps = new float[batch * actDim];
        this.batchNextEps = new float[batch * actDim];
        this.epsConstant = new float[batch];
        this.nextEpsConstant = new float[batch];
        this.actNoise = new double[actDim];
        this.host = HostTraining.applies(compute, actor, critic, criticTarget)
                ? new HostSacUpdate(this, (StackedMlp) actor, critic, criticTarget, actorOptimiser, criticOptimiser)
                : null;
    }

    /** Whether updates run on Java kernels. */
    boolean onHostKernels() {
        return host != null;
    }

    public Config config() {
        return config;
    }

    /** The current temperature. */
    public double alpha() {
        return Math.exp(logAlpha);
    }

    @Override
    float[] policy(NDManager scope, float[] observation, boolean explore) {
        float[] out = host != null ? host.act(observation) : actor.infer(scope.create(observation, new Shape(1, obsDim))).toFloatArray();
        float[] action = new float[actDim];
        if (explore) {
            for (int j = 0; j < actDim; j++) actNoise[j] = Gaussian.next(noiseRandom);
            SquashedGaussian.sample(out, actDim, actNoise, action);
        } else {
            for (int j = 0; j < actDim; j++) action[j] = (float) Math.tanh(out[j]);
        }
        return action;
    }

    @Override
    void drawNoise() {
        for (int i = 0; i < batchEps.length; i++) batchEps[i] = (float) Gaussian.next(noiseRandom);
        for (int i = 0; i < batchNextEps.length; i++) batchNextEps[i] = (float) Gaussian.next(noiseRandom);
    }

    /** The batch tensors and the actor's sample on the observations, shared by the losses of one update. */
    private record Step(NDList batch, SquashedGaussian.Sample pi) {
        NDArray obs() { return batch.get(0); }
        NDArray actions() { return batch.get(1); }
        NDArray next() { return batch.get(2); }
        NDArray rewards() { return batch.get(3); }
        NDArray discounts() { return batch.get(4); }
        NDArray nextEps() { return batch.get(7); }
        NDArray nextConstant() { return batch.get(8); }
    }

    private Step begin(NDManager scope) {
        noiseConstants();
        NDList t = batchTensors(scope, new float[][] {batchEps, epsConstant, batchNextEps, nextEpsConstant}, new int[] {actDim, 1, actDim, 1});
        Tensors.recording(true);
        SquashedGaussian.Sample pi = SquashedGaussian.sample(actor.forward(t.get(0)), actDim, t.get(5), t.get(6), scalars);
        Tensors.recording(false);
        return new Step(t, pi);
    }

    /** The log-probability's per-row constants of this update's noise. */
    private void noiseConstants() {
        for (int b = 0; b < batch; b++) {
            epsConstant[b] = SquashedGaussian.noiseConstant(batchEps, b, actDim);
            nextEpsConstant[b] = SquashedGaussian.noiseConstant(batchNextEps, b, actDim);
        }
    }

    @Override
    Losses update(NDManager scope) {
        return host != null ? hostUpdate() : update(scope, false);
    }

    /** {@link #update} on Java kernels: the same steps, in the same order, and the same reports. */
    private Losses hostUpdate() {
        noiseConstants();
        double meanLogProb = host.sample();
        Map<String, Double> values = new LinkedHashMap<>();
        double alpha = Math.exp(logAlpha);
        if (config.autoEntropy()) {
            values.put("entropy", -logAlpha * (meanLogProb + targetEntropy));
            stepTemperature(-(meanLogProb + targetEntropy));
        }
        HostSacUpdate.Result r = host.step((float) alpha);
        criticTarget.softUpdateFrom(critic, tau);
        values.put("critic", r.criticLoss());
        values.put("actor", r.actorLoss());
        values.put("alpha", alpha);
        return new Losses(updates, values);
    }

    @Override
    Losses referenceUpdate(NDManager scope) {
        return update(scope, true);
    }

    /**
     * One update. Unless {@code throughLosses}, the losses' gradients with respect to the
     * networks' outputs seed backward directly, so autograd records the networks, not the losses'
     * last operations (five native calls fewer per update): the critic loss, the mean over both
     * critics and rows (SB3's 0.5 * sum of the two means), has the gradient {@code (Q_k - y) / B};
     * the actor loss, the mean over rows of {@code alpha log pi - min_k Q_k}, {@code 1 / B} per row.
     */
    private Losses update(NDManager scope, boolean throughLosses) {
        if (host != null) host.weightsChanged();
        Step step = begin(scope);
        float[] logProbs = step.pi().logProb().toFloatArray();
        double meanLogProb = 0;
        for (float v : logProbs) meanLogProb += v;
        meanLogProb /= logProbs.length;
        Map<String, Double> values = new LinkedHashMap<>();
        double alpha = Math.exp(logAlpha);
        Tensors.write(alphaTensor, new float[] {(float) alpha});
        if (config.autoEntropy()) {
            values.put("entropy", -logAlpha * (meanLogProb + targetEntropy));
            stepTemperature(-(meanLogProb + targetEntropy));
        }
        double criticLoss;
        double actorLoss;
        if (throughLosses) {
            NDArray loss = criticLoss(step);
            Tensors.backward(loss, one);
            Tensors.recording(false);
            criticOptimiser.step();
            criticLoss = scalar(loss);
            Tensors.recording(true);
            NDArray actor = actorLoss(step);
            Tensors.backward(actor, one);
            Tensors.recording(false);
            actorOptimiser.step();
            actorLoss = scalar(actor);
        } else {
            NDArray y = target(step);
            Tensors.recording(true);
            NDArray q = critic.forward(step.obs().concat(step.actions(), 1));
            Tensors.recording(false);
            criticLoss = backwardSquaredError(q, y, 1f / batch) / (2.0 * batch);
            criticOptimiser.step();
            Tensors.recording(true);
            NDArray perRow = actorLossPerRow(step);
            Tensors.recording(false);
            actorLoss = backwardRows(perRow, rowMean);
            actorOptimiser.step();
        }
        criticTarget.softUpdateFrom(critic, tau);
        values.put("critic", criticLoss);
        values.put("actor", actorLoss);
        values.put("alpha", alpha);
        return new Losses(updates, values);
    }

    /** One Adam step on log alpha with gradient {@code g} (PyTorch's Adam, default betas and eps). */
    private void stepTemperature(double g) {
        alphaSteps++;
        alphaMean = 0.9 * alphaMean + 0.1 * g;
        alphaVariance = 0.999 * alphaVariance + 0.001 * g * g;
        double mHat = alphaMean / (1 - Math.pow(0.9, alphaSteps));
        double vHat = alphaVariance / (1 - Math.pow(0.999, alphaSteps));
        logAlpha -= config.learningRate() * mHat / (Math.sqrt(vHat) + 1e-8);
    }

    /** The critic loss with grad mode on at return; {@code alphaTensor} holds this update's alpha. */
    NDArray criticLoss(Step step) {
        NDArray y = target(step);
        Tensors.recording(true);
        NDArray q = critic.forward(step.obs().concat(step.actions(), 1));
        return q.sub(y).square().mean();
    }

    /** The soft target {@code y} (B, 1), without recording (grad mode is off when this returns). */
    NDArray target(Step step) {
        Tensors.recording(false);
        SquashedGaussian.Sample nextPi = SquashedGaussian.sample(actor.forward(step.next()), actDim, step.nextEps(), step.nextConstant(), scalars);
        NDArray nextQ = criticTarget.infer(step.next().concat(nextPi.action(), 1)).min(new int[] {0}, false);
        NDArray soft = nextQ.subi(nextPi.logProb().muli(alphaTensor));
        return soft.muli(step.discounts()).addi(step.rewards());
    }

    /** {@code mean(alpha log pi - min_k Q_k(s, a~pi))} through detached critic weights. */
    NDArray actorLoss(Step step) {
        return actorLossPerRow(step).mean();
    }

    /** Each row's {@code alpha log pi - min_k Q_k(s, a~pi)} (B, 1), critic weights detached. */
    NDArray actorLossPerRow(Step step) {
        NDArray q = critic.forwardDetached(step.obs(), step.pi().action()).min(new int[] {0}, false);
        return step.pi().logProb().mul(alphaTensor).subi(q);
    }

    // --- package-private views for the hand-check tests ---

    /** log pi of the actor's sample on the batch observations with {@link #batchEps}. */
    float[] logProbValues() {
        try (NDManager scope = root.newSubManager()) {
            return begin(scope).pi().logProb().toFloatArray();
        }
    }

    /** Squashed actions of the actor's sample on the batch observations. */
    float[] sampleValues() {
        try (NDManager scope = root.newSubManager()) {
            return begin(scope).pi().action().toFloatArray();
        }
    }

    double criticLossValue() {
        Tensors.write(alphaTensor, new float[] {(float) Math.exp(logAlpha)});
        try (NDManager scope = root.newSubManager()) {
            return scalar(criticLoss(begin(scope)));
        } finally {
            Tensors.recording(false);
        }
    }

    double actorLossValue() {
        Tensors.write(alphaTensor, new float[] {(float) Math.exp(logAlpha)});
        try (NDManager scope = root.newSubManager()) {
            return scalar(actorLoss(begin(scope)));
        }
    }

    /** The temperature loss {@code -log alpha * mean(log pi + target entropy)} on the batch. */
    double entropyLossValue() {
        try (NDManager scope = root.newSubManager()) {
            return -logAlpha * (scalar(begin(scope).pi().logProb().mean()) + targetEntropy);
        }
    }

    @Override
    void saveState(DataOutputStream out) throws IOException {
        actor.save(out);
        critic.save(out);
        criticTarget.save(out);
        actorOptimiser.save(out);
        criticOptimiser.save(out);
        out.writeDouble(logAlpha);
        out.writeDouble(alphaMean);
        out.writeDouble(alphaVariance);
        out.writeLong(alphaSteps);
    }

    @Override
    void loadState(DataInputStream in) throws IOException {
        actor.load(in);
        critic.load(in);
        criticTarget.load(in);
        actorOptimiser.load(in);
        criticOptimiser.load(in);
        logAlpha = in.readDouble();
        alphaMean = in.readDouble();
        alphaVariance = in.readDouble();
        alphaSteps = in.readLong();
        if (host != null) host.weightsChanged();
    }
}
