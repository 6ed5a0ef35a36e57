package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Adam;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.Mode;
import dev.strat.runtime.rl.nn.NetSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proximal Policy Optimisation (Schulman et al. 2017) with the clipped surrogate objective,
 * GAE(lambda) advantages, a value loss and an entropy bonus, as Stable-Baselines3 implements
 * it: rollouts of {@code nSteps}, then {@code epochs} passes over the rollout in shuffled
 * minibatches, advantages standardised per minibatch, gradients clipped by global norm, Adam
 * with epsilon 1e-5. Continuous actions use a diagonal Gaussian with a state-independent log
 * std; discrete actions a categorical. No value-function clipping and no target KL (SB3's
 * defaults).
 */
public final class Ppo extends OnPolicyAgent {

    /**
     * PPO's hyper-parameters; {@link #defaults()} are SB3's.
     *
     * @param nSteps             environment steps per rollout (2048)
     * @param batchSize          minibatch size (64)
     * @param epochs             passes over each rollout (10)
     * @param learningRate       Adam step size (3e-4)
     * @param gamma              discount (0.99)
     * @param gaeLambda          GAE lambda (0.95)
     * @param clipRange          surrogate clip epsilon (0.2)
     * @param entCoef            entropy bonus weight (0)
     * @param vfCoef             value loss weight (0.5)
     * @param maxGradNorm        global gradient norm limit (0.5)
     * @param normalizeAdvantage standardise advantages per minibatch (true)
     * @param policyNet          actor network (mlp(64, 64), tanh)
     * @param valueNet           critic network (mlp(64, 64), tanh)
     * @param logStdInit         initial log std of the Gaussian policy (0)
     */
    public record Config(int nSteps, int batchSize, int epochs, double learningRate, double gamma, double gaeLambda, double clipRange,
                         double entCoef, double vfCoef, double maxGradNorm, boolean normalizeAdvantage, NetSpec policyNet,
                         NetSpec valueNet, double logStdInit) {

        public Config {
            if (nSteps < 1 || batchSize < 1 || epochs < 1) throw new IllegalArgumentException("PPO needs positive nSteps, batchSize and epochs");
            if (!(learningRate > 0)) throw new IllegalArgumentException("PPO learning rate must be positive");
            if (!(clipRange > 0)) throw new IllegalArgumentException("PPO clip range must be positive");
        }

        public static Config defaults() {
            NetSpec mlp = new NetSpec.Mlp(List.of(64, 64), Activation.TANH, false, 0);
            return new Config(2048, 64, 10, 3e-4, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, mlp, mlp, 0.0);
        }

        public Config withNSteps(int v) { return new Config(v, batchSize, epochs, learningRate, gamma, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withBatchSize(int v) { return new Config(nSteps, v, epochs, learningRate, gamma, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withEpochs(int v) { return new Config(nSteps, batchSize, v, learningRate, gamma, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withLearningRate(double v) { return new Config(nSteps, batchSize, epochs, v, gamma, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withGamma(double v) { return new Config(nSteps, batchSize, epochs, learningRate, v, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withGaeLambda(double v) { return new Config(nSteps, batchSize, epochs, learningRate, gamma, v, clipRange, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withClipRange(double v) { return new Config(nSteps, batchSize, epochs, learningRate, gamma, gaeLambda, v, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withEntCoef(double v) { return new Config(nSteps, batchSize, epochs, learningRate, gamma, gaeLambda, clipRange, v, vfCoef, maxGradNorm, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withVfCoef(double v) { return new Config(nSteps, batchSize, epochs, learningRate, gamma, gaeLambda, clipRange, entCoef, v, maxGradNorm, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withMaxGradNorm(double v) { return new Config(nSteps, batchSize, epochs, learningRate, gamma, gaeLambda, clipRange, entCoef, vfCoef, v, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withNormalizeAdvantage(boolean v) { return new Config(nSteps, batchSize, epochs, learningRate, gamma, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm, v, policyNet, valueNet, logStdInit); }

        /** The same network for actor and critic. */
        public Config withNet(NetSpec v) { return new Config(nSteps, batchSize, epochs, learningRate, gamma, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, v, v, logStdInit); }

        public Config withNets(NetSpec policy, NetSpec value) { return new Config(nSteps, batchSize, epochs, learningRate, gamma, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, policy, value, logStdInit); }

        public Config withLogStdInit(double v) { return new Config(nSteps, batchSize, epochs, learningRate, gamma, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm, normalizeAdvantage, policyNet, valueNet, v); }

        Settings settings() {
            return new Settings(nSteps, gamma, gaeLambda, policyNet, valueNet, logStdInit);
        }
    }

    /** The differentiable terms of one minibatch (scalars owned by the caller's scope). */
    record Terms(NDArray total, NDArray policy, NDArray value, NDArray entropy, NDArray approxKl, NDArray clipFraction) {
    }

    private final Config config;
    private final Adam adam;
    /** The minibatch step on Java kernels, or null where it goes through PyTorch. */
    private final HostOnPolicyStep host;

    public Ppo(EnvSpec spec, Config config, long seed, Compute compute) {
        super(spec, config.settings(), seed, compute);
        this.config = config;
        this.adam = new Adam(manager, nets.parameters(), config.learningRate(), 0.9, 0.999, 1e-5);
        this.host = nets.onHostKernels()
                ? new HostOnPolicyStep(nets, spec.observationSize(), config.batchSize(), config.clipRange(), config.entCoef(), config.vfCoef(),
                        config.maxGradNorm())
                : null;
    }

    /** Whether minibatch steps run on Java kernels. */
    boolean onHostKernels() {
        return host != null;
    }

    public Config config() { return config; }

    @Override
    public String algorithm() { return "ppo"; }

    @Override
    void train() {
        Mode mode = Mode.train(shuffle);
        double[] sums = new double[6];
        int batches = 0;
        int size = buffer.size();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            int[] order = buffer.permutation(shuffle);
            for (int from = 0; from < size; from += config.batchSize()) {
                OnPolicyBatch batch = buffer.batch(order, from, Math.min(config.batchSize(), size - from), config.normalizeAdvantage());
                float[] terms = step(batch, mode);
                for (int k = 0; k < terms.length; k++) sums[k] += terms[k];
                batches++;
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        String[] names = {"loss", "policy", "value", "entropy", "approx_kl", "clip_fraction"};
        for (int k = 0; k < names.length; k++) values.put(names[k], sums[k] / batches);
        losses = new Losses(updates, values);
    }

    /** One gradient step on a minibatch; returns the loss terms (total, policy, value, entropy, approx KL, clip fraction). */
    float[] step(OnPolicyBatch batch, Mode mode) {
        if (host != null) {
            float[] terms = new float[6];
            adam.step(host.gradient(batch, terms));
            updates++;
            return terms;
        }
        try (NDManager scope = manager.newSubManager()) {
            Terms t;
            recordGraph(true);
            try {
                t = loss(scope, batch, mode);
                backward(t.total());
            } finally {
                recordGraph(false);
            }
            NDArray[] gradients = GradientClip.gradients(scope, nets.parameters());
            GradientClip.scale(gradients, GradientClip.coefficient(GradientClip.norm(gradients), config.maxGradNorm()));
            adam.step();
            updates++;
            return NDArrays.stack(new NDList(t.total(), t.policy(), t.value(), t.entropy(), t.approxKl(), t.clipFraction())).toFloatArray();
        }
    }

    /**
     * PPO's loss on a batch (SB3's {@code PPO.train}): with {@code r = exp(logp - logp_old)},
     * policy {@code -mean(min(r A, clip(r, 1 - eps, 1 + eps) A))}, value
     * {@code mean((R - V)^2)}, entropy the mean entropy, total
     * {@code policy - entCoef * entropy + vfCoef * value}. The batch's advantages are used as
     * given (standardised when the batch was built).
     */
    Terms loss(NDManager scope, OnPolicyBatch batch, Mode mode) {
        OnPolicyBatch.Tensors b = batch.upload(scope);
        NDArray observations = b.observations();
        NDArray oldLogProb = b.oldLogProbs();
        NDArray advantages = b.advantages();
        NDArray returns = b.returns();
        NDArray head = nets.actor().forward(observations, mode);
        NDArray[] lp = nets.distribution().logProbAndEntropy(scope, head, b.actions());
        NDArray logRatio = lp[0].sub(oldLogProb);
        NDArray ratio = logRatio.exp();
        float eps = (float) config.clipRange();
        NDArray surrogate = ratio.mul(advantages).minimum(ratio.clip(1 - eps, 1 + eps).mul(advantages));
        NDArray policy = surrogate.mean().neg();
        NDArray value = returns.sub(nets.critic().forward(observations, mode)).square().mean();
        NDArray entropy = lp[1];
        NDArray total = policy.add(value.mul((float) config.vfCoef()));
        if (config.entCoef() != 0) total = total.sub(entropy.mul((float) config.entCoef()));
        NDArray ratioMinusOne = ratio.sub(1f);
        NDArray approxKl = ratioMinusOne.sub(logRatio).mean();
        NDArray clipFraction = ratioMinusOne.abs().gt(eps).toType(DataType.FLOAT32, false).mean();
        return new Terms(total, policy, value, entropy, approxKl, clipFraction);
    }

    @Override
    void saveOptimiser(DataOutputStream out) throws IOException {
        adam.save(out);
    }

    @Override
    void loadOptimiser(DataInputStream in) throws IOException {
        adam.load(in);
    }
}
