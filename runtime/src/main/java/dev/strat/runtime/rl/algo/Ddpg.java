package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;

/**
 * Deep Deterministic Policy Gradient (Lillicrap et al. 2016): one critic, a deterministic tanh
 * actor, target networks with Polyak averaging, Gaussian exploration noise. As in SB3, this is
 * TD3 with one critic, no target smoothing and an actor update after every critic update.
 *
 * <p>Defaults are SB3's {@code DDPG} except {@code actionNoise} (SB3 has none unless given;
 * 0.1 Gaussian here, as RL Zoo uses; the paper's Ornstein-Uhlenbeck noise is not offered).
 */
public final class Ddpg extends DeterministicActorCritic {

    /**
     * @param actor          the policy network (tanh output)
     * @param critic         the critic network (plain MLP)
     * @param learningRate   Adam's step size, actor and critic
     * @param buffer         replay capacity in transitions
     * @param batch          minibatch size
     * @param learningStarts steps of uniform random actions before learning
     * @param tau            Polyak coefficient of the target networks
     * @param gamma          discount
     * @param trainEvery     environment steps between training rounds
     * @param gradientSteps  updates per training round
     * @param actionNoise    standard deviation of the Gaussian exploration noise
     */
    public record Config(NetSpec actor, NetSpec critic, double learningRate, int buffer, int batch, int learningStarts, double tau,
                         double gamma, int trainEvery, int gradientSteps, double actionNoise) {

        /** SB3's DDPG defaults: mlp(400, 300) networks, lr 1e-3, batch 100, 100 learning starts. */
        public static Config defaults() {
            NetSpec net = NetSpec.Mlp.of(400, 300);
            return new Config(net, net, 1e-3, 1_000_000, 100, 100, 0.005, 0.99, 1, 1, 0.1);
        }

        public Config withNets(NetSpec actor, NetSpec critic) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, actionNoise);
        }

        public Config withLearningRate(double learningRate) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, actionNoise);
        }

        public Config withBuffer(int buffer) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, actionNoise);
        }

        public Config withBatch(int batch) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, actionNoise);
        }

        public Config withLearningStarts(int learningStarts) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, actionNoise);
        }

        public Config withTau(double tau) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, actionNoise);
        }

        public Config withGamma(double gamma) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, actionNoise);
        }

        public Config withTraining(int trainEvery, int gradientSteps) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, actionNoise);
        }

        public Config withActionNoise(double actionNoise) {
            return new Config(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, actionNoise);
        }

        Settings settings() {
            return new Settings(actor, critic, learningRate, buffer, batch, learningStarts, tau, gamma, trainEvery, gradientSteps, 1, 1, 0, 0,
                    actionNoise);
        }
    }

    private final Config config;

    public Ddpg(EnvSpec spec, Config config, long seed, Compute compute) {
        super("ddpg", spec, config.settings(), seed, compute);
        this.config = config;
    }

    public Config config() {
        return config;
    }
}
