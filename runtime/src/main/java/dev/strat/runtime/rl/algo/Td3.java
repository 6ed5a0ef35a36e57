package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;

/**
 * Twin Delayed DDPG (Fujimoto, van Hoof and Meger 2018): twin critics whose minimum forms the
 * target, target policy smoothing with clipped Gaussian noise, and actor and target updates
 * every {@code policyDelay} critic updates. Continuous actions only.
 *
 * <p>Defaults are SB3's {@code TD3} except {@code actionNoise}: SB3 explores with no noise
 * unless given an action-noise object; 0.1 Gaussian is the paper's (and RL Zoo's) setting.
 */
public final class Td3 extends DeterministicActorCritic {

    /**
     * @param actor          the policy network (tanh output)
     * @param critic         each critic network (plain MLP, two of them batched as one)
     * @param learningRate   Adam's step size, actor and critics
     * @param buffer         replay capacity in transitions
     * @param batch          minibatch size
     * @param learningStarts steps of uniform random actions before learning
     * @param tau            Polyak coefficient of the target networks
     * @param gamma          discount
     * @param trainEvery     environment steps between training rounds
     * @param gradientSteps  updates per training round
     * @param policyDelay    critic updates per actor (and target) update
     * @param targetNoise    standard deviation of the target smoothing noise
     * @param noiseClip      bound of the target smoothing noise
     * @param actionNoise    standard deviation of the Gaussian exploration noise
     */
    public record Config(NetSpec actor, NetSpec critic, double learningRate, int buffer, int batch, int learningStarts, double tau,
                         double gamma, int trainEvery, int gradientSteps, int policyDelay, double targetNoise, double noiseClip,
                         double actionNoise) {

        /** SB3's TD3 defaults: mlp(400, 300) networks, lr 1e-3, batch 100, 100 learning starts. */
        public static Config defaults() {
            NetSpec net = NetSpec.Mlp.of(400, 300);
            return new Config(net, net, 1e-3, 1_000_000, 100, 100, 0.005, 0.99, 1, 1, 2, 0.2, 0.5, 0.1);
        }

        public Config withNets(NetSpec actor, NetSpec critic) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withLearningRate(double learningRate) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withBuffer(int buffer) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withBatch(int batch) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withLearningStarts(int learningStarts) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withTau(double tau) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withGamma(double gamma) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withTraining(int trainEvery, int gradientSteps) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withPolicyDelay(int policyDelay) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withTargetNoise(double targetNoise, double noiseClip) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        public Config withActionNoise(double actionNoise) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, policyDelay, targetNoise, noiseClip, actionNoise);
        }

        Settings settings() {
            return new Settings(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, 2,
                    policyDelay, targetNoise, noiseClip, actionNoise);
        }
    }

    private final Config config;

    public Td3(EnvSpec spec, Config config, long seed, Compute compute) {
        super("td3", spec, config.settings(), seed, compute);
        this.config = config;
    }

    public Config config() {
        return config;
    }
}
