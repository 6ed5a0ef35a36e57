package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.Mode;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.nn.RmsProp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Advantage actor-critic (Mnih et al. 2016, synchronous, one environment) as Stable-Baselines3
 * implements it: {@code nSteps}-step rollouts, GAE(lambda) advantages (lambda 1: n-step returns
 * bootstrapped from the critic), one gradient step per rollout on loss
 * {@code -mean(A logp) - entCoef * entropy + vfCoef * mean((R - V)^2)}, gradients clipped by
 * global norm, RMSprop (alpha 0.99, eps 1e-5). No advantage standardisation.
 */
public final class A2c extends OnPolicyAgent {

    /**
     * A2C's hyper-parameters; {@link #defaults()} are SB3's.
     *
     * @param nSteps             steps per rollout (5)
     * @param learningRate       RMSprop step size (7e-4)
     * @param gamma              discount (0.99)
     * @param gaeLambda          GAE lambda (1)
     * @param entCoef            entropy bonus weight (0)
     * @param vfCoef             value loss weight (0.5)
     * @param maxGradNorm        global gradient norm limit (0.5)
     * @param rmsAlpha           RMSprop smoothing (0.99)
     * @param rmsEpsilon         RMSprop epsilon (1e-5)
     * @param normalizeAdvantage standardise advantages (false)
     * @param policyNet          actor network (mlp(64, 64), tanh)
     * @param valueNet           critic network (mlp(64, 64), tanh)
     * @param logStdInit         initial log std of the Gaussian policy (0)
     */
    public record Config(int nSteps, double learningRate, double gamma, double gaeLambda, double entCoef, double vfCoef, double maxGradNorm,
                         double rmsAlpha, double rmsEpsilon, boolean normalizeAdvantage, NetSpec policyNet, NetSpec valueNet,
                         double logStdInit) {

        public Config {
            if (nSteps < 1) throw new IllegalArgumentException("A2C needs at least one step per rollout");
            if (!(learningRate > 0)) throw new IllegalArgumentException("A2C learning rate must be positive");
        }

        public static Config defaults() {
            NetSpec mlp = new NetSpec.Mlp(List.of(64, 64), Activation.TANH, false, 0);
            return new Config(5, 7e-4, 0.99, 1.0, 0.0, 0.5, 0.5, 0.99, 1e-5, false, mlp, mlp, 0.0);
        }

        public Config withNSteps(int v) { return new Config(v, learningRate, gamma, gaeLambda, entCoef, vfCoef, maxGradNorm, rmsAlpha, rmsEpsilon, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withLearningRate(double v) { return new Config(nSteps, v, gamma, gaeLambda, entCoef, vfCoef, maxGradNorm, rmsAlpha, rmsEpsilon, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withGamma(double v) { return new Config(nSteps, learningRate, v, gaeLambda, entCoef, vfCoef, maxGradNorm, rmsAlpha, rmsEpsilon, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withGaeLambda(double v) { return new Config(nSteps, learningRate, gamma, v, entCoef, vfCoef, maxGradNorm, rmsAlpha, rmsEpsilon, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withEntCoef(double v) { return new Config(nSteps, learningRate, gamma, gaeLambda, v, vfCoef, maxGradNorm, rmsAlpha, rmsEpsilon, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withVfCoef(double v) { return new Config(nSteps, learningRate, gamma, gaeLambda, entCoef, v, maxGradNorm, rmsAlpha, rmsEpsilon, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withMaxGradNorm(double v) { return new Config(nSteps, learningRate, gamma, gaeLambda, entCoef, vfCoef, v, rmsAlpha, rmsEpsilon, normalizeAdvantage, policyNet, valueNet, logStdInit); }

        public Config withNormalizeAdvantage(boolean v) { return new Config(nSteps, learningRate, gamma, gaeLambda, entCoef, vfCoef, maxGradNorm, rmsAlpha, rmsEpsilon, v, policyNet, valueNet, logStdInit); }

        /** The same network for actor and critic. */
        public Config withNets(NetSpec policy, NetSpec value) { return new Config(nSteps, learningRate, gamma, gaeLambda, entCoef, vfCoef, maxGradNorm, rmsAlpha, rmsEpsilon, normalizeAdvantage, policy, value, logStdInit); }
        public Config withNet(NetSpec v) { return new Config(nSteps, learningRate, gamma, gaeLambda, entCoef, vfCoef, maxGradNorm, rmsAlpha, rmsEpsilon, normalizeAdvantage, v, v, logStdInit); }

        public Config withLogStdInit(double v) { return new Config(nSteps, learningRate, gamma, gaeLambda, entCoef, vfCoef, maxGradNorm, rmsAlpha, rmsEpsilon, normalizeAdvantage, policyNet, valueNet, v); }

        Settings settings() {
            return new Settings(nSteps, gamma, gaeLambda, policyNet, valueNet, logStdInit);
        }
    }

    /** The differentiable terms of one update (scalars owned by the caller's scope). */
    record Terms(NDArray total, NDArray policy, NDArray value, NDArray entropy) {
    }

    private final Config config;
    private final RmsProp rmsProp;
    /** The loss's gradient on Java kernels, or null where it goes through PyTorch. */
    private final HostOnPolicyStep host;

    public A2c(EnvSpec spec, Config config, long seed, Compute compute) {
        super(spec, config.settings(), seed, compute);
        this.config = config;
        this.rmsProp = new RmsProp(manager, nets.parameters(), config.learningRate(), config.rmsAlpha(), config.rmsEpsilon());
        this.host = nets.onHostKernels()
                ? new HostOnPolicyStep(nets, spec.observationSize(), config.nSteps(), Double.NaN, config.entCoef(), config.vfCoef(),
                        config.maxGradNorm())
                : null;
    }

    /** Whether updates run on Java kernels. */
    boolean onHostKernels() {
        return host != null;
    }

    public Config config() { return config; }

    @Override
    public String algorithm() { return "a2c"; }

    @Override
    void train() {
        OnPolicyBatch batch = buffer.all(config.normalizeAdvantage());
        if (host != null) {
            float[] terms = new float[4];
            rmsProp.step(host.gradient(batch, terms));
            updates++;
            report(terms);
            return;
        }
        try (NDManager scope = manager.newSubManager()) {
            Terms t;
            recordGraph(true);
            try {
                t = loss(scope, batch, Mode.train(shuffle));
                backward(t.total());
            } finally {
                recordGraph(false);
            }
            NDArray[] gradients = GradientClip.gradients(scope, nets.parameters());
            double norm = GradientClip.norm(gradients);
            rmsProp.step(gradients, GradientClip.coefficient(norm, config.maxGradNorm()));
            updates++;
            report(NDArrays.stack(new NDList(t.total(), t.policy(), t.value(), t.entropy())).toFloatArray());
        }
    }

    /** Sets {@link #losses} from the terms total, policy, value and entropy. */
    private void report(float[] v) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", (double) v[0]);
        values.put("policy", (double) v[1]);
        values.put("value", (double) v[2]);
        values.put("entropy", (double) v[3]);
        losses = new Losses(updates, values);
    }

    /**
     * A2C's loss on a batch (SB3's {@code A2C.train}): policy {@code -mean(A logp)}, value
     * {@code mean((R - V)^2)}, entropy the mean entropy, total
     * {@code policy - entCoef * entropy + vfCoef * value}.
     */
    Terms loss(NDManager scope, OnPolicyBatch batch, Mode mode) {
        OnPolicyBatch.Tensors b = batch.upload(scope);
        NDArray observations = b.observations();
        NDArray advantages = b.advantages();
        NDArray returns = b.returns();
        NDArray head = nets.actor().forward(observations, mode);
        NDArray[] lp = nets.distribution().logProbAndEntropy(scope, head, b.actions());
        NDArray policy = advantages.mul(lp[0]).mean().neg();
        NDArray value = returns.sub(nets.critic().forward(observations, mode)).square().mean();
        NDArray entropy = lp[1];
        NDArray total = policy.add(value.mul((float) config.vfCoef()));
        if (config.entCoef() != 0) total = total.sub(entropy.mul((float) config.entCoef()));
        return new Terms(total, policy, value, entropy);
    }

    @Override
    void saveOptimiser(DataOutputStream out) throws IOException {
        rmsProp.save(out);
    }

    @Override
    void loadOptimiser(DataInputStream in) throws IOException {
        rmsProp.load(in);
    }
}
