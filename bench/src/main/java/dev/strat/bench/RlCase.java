package dev.strat.bench;

import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.algo.A2c;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.algo.Ddpg;
import dev.strat.runtime.rl.algo.Ppo;
import dev.strat.runtime.rl.algo.Sac;
import dev.strat.runtime.rl.algo.Td3;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One cell of the RL training benchmark ({@code shared/design/rl-benchmark.md}): an algorithm
 * with the benchmark's settings on one size of {@link SyntheticPortfolioEnv}, with
 * Stable-Baselines3's figure stored from one day (the fallback when the peer cannot run here).
 *
 * @param algorithm the agent
 * @param size      environment and network size
 */
public record RlCase(Algorithm algorithm, Size size) {

    /** Environment and network size. */
    public enum Size {
        /** 61 observations, MLP 64-64. */
        SMALL(SyntheticPortfolioEnv.Config.small(), List.of(64, 64)),
        /** 641 observations (about RiPO's state), MLP 400-300. */
        PAPER(SyntheticPortfolioEnv.Config.paper(), List.of(400, 300));

        private final SyntheticPortfolioEnv.Config env;
        private final List<Integer> hidden;

        Size(SyntheticPortfolioEnv.Config env, List<Integer> hidden) {
            this.env = env;
            this.hidden = hidden;
        }

        public SyntheticPortfolioEnv.Config env() {
            return env;
        }

        public List<Integer> hidden() {
            return hidden;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code small} or {@code paper}. */
        public static Size parse(String name) {
            for (Size s : values()) if (s.label().equals(name.trim().toLowerCase(Locale.ROOT))) return s;
            throw new IllegalArgumentException("unknown size '" + name + "'; use small or paper");
        }
    }

    /**
     * The algorithms, with SB3 2.4.1's steps per second stored from one day (2026-11-29, one
     * thread, median of three): only a fallback when the peer cannot run side by side
     * ({@link RlSideBySide}), since machine speed moves by tens of percent between days. NaN
     * where there is no figure (the peer has no DDPG).
     */
    public enum Algorithm {
        TD3(177, 43),
        SAC(100, 27),
        DDPG(Double.NaN, Double.NaN),
        PPO(726, 324),
        A2C(667, 345);

        /** Off-policy agents: random actions for this many steps before learning, not measured. */
        public static final int LEARNING_STARTS = 1_000;
        /** Off-policy measured steps (after learning starts) at scale 1. */
        public static final int OFF_POLICY_STEPS = 5_000;
        /** PPO measured rollouts (of {@link #PPO_ROLLOUT} steps, with their updates) at scale 1. */
        public static final int PPO_ROLLOUTS = 3;
        public static final int PPO_ROLLOUT = 2_048;
        /** A2C measured steps at scale 1 (5-step rollouts). */
        public static final int A2C_STEPS = 20_000;
        public static final int A2C_ROLLOUT = 5;

        private final double sb3Small;
        private final double sb3Paper;

        Algorithm(double sb3Small, double sb3Paper) {
            this.sb3Small = sb3Small;
            this.sb3Paper = sb3Paper;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean offPolicy() {
            return this == TD3 || this == SAC || this == DDPG;
        }

        /** Parses an algorithm's name ({@code td3, sac, ddpg, ppo, a2c}). */
        public static Algorithm parse(String name) {
            for (Algorithm a : values()) if (a.label().equals(name.trim().toLowerCase(Locale.ROOT))) return a;
            throw new IllegalArgumentException("unknown algorithm '" + name + "'; use "
                    + String.join(", ", Arrays.stream(values()).map(Algorithm::label).toList()));
        }
    }

    /** SB3's stored steps per second for this case (from {@link RlSideBySide#STORED_DATE}), NaN if unknown. */
    public double sb3() {
        return size == Size.SMALL ? algorithm.sb3Small : algorithm.sb3Paper;
    }

    public String label() {
        return algorithm.label() + " " + size.label();
    }

    /**
     * Steps not measured before the timed ones: the off-policy agents' random steps before
     * learning starts; one full update cycle of the on-policy agents, so the JIT has seen their
     * training path (SB3's measurement has no JIT to warm).
     */
    public int warmupSteps() {
        return switch (algorithm) {
            case TD3, SAC, DDPG -> Algorithm.LEARNING_STARTS;
            case PPO -> Algorithm.PPO_ROLLOUT;
            case A2C -> 2_000;
        };
    }

    /**
     * Timed steps at {@code scale} (1 = the design's counts); on-policy counts stay whole
     * rollouts, so every timed step's update is timed too.
     */
    public int measuredSteps(double scale) {
        if (!(scale > 0)) throw new IllegalArgumentException("the steps scale must be positive, got " + scale);
        return switch (algorithm) {
            case TD3, SAC, DDPG -> (int) Math.max(1, Math.round(Algorithm.OFF_POLICY_STEPS * scale));
            case PPO -> (int) Math.max(1, Math.round(Algorithm.PPO_ROLLOUTS * scale)) * Algorithm.PPO_ROLLOUT;
            case A2C -> (int) Math.max(1, Math.round(Algorithm.A2C_STEPS * scale / Algorithm.A2C_ROLLOUT)) * Algorithm.A2C_ROLLOUT;
        };
    }

    /** A fresh environment of this size. */
    public SyntheticPortfolioEnv env() {
        return new SyntheticPortfolioEnv(size.env());
    }

    /**
     * The agent with the benchmark's settings, every one set explicitly so that a change of an
     * algorithm's defaults does not silently change the benchmark: off-policy batch 100, one
     * gradient step per environment step, learning starts 1,000, buffer 1e6, ReLU MLPs; PPO
     * rollouts 2,048, 10 epochs, minibatch 64; A2C 5-step rollouts; on-policy nets tanh as in SB3.
     */
    public Agent agent(SyntheticPortfolioEnv env, long seed, Compute compute, int buffer) {
        NetSpec relu = NetSpec.Mlp.of(size.hidden.toArray(Integer[]::new));
        NetSpec tanh = new NetSpec.Mlp(size.hidden, Activation.TANH, false, 0);
        int starts = Algorithm.LEARNING_STARTS;
        return switch (algorithm) {
            case TD3 -> new Td3(env.spec(), Td3.Config.defaults().withNets(relu, relu).withBatch(100).withBuffer(buffer)
                    .withLearningStarts(starts).withTraining(1, 1), seed, compute);
            case SAC -> new Sac(env.spec(), Sac.Config.defaults().withNets(relu, relu).withBatch(100).withBuffer(buffer)
                    .withLearningStarts(starts).withTraining(1, 1), seed, compute);
            case DDPG -> new Ddpg(env.spec(), Ddpg.Config.defaults().withNets(relu, relu).withBatch(100).withBuffer(buffer)
                    .withLearningStarts(starts).withTraining(1, 1), seed, compute);
            case PPO -> new Ppo(env.spec(), Ppo.Config.defaults().withNet(tanh).withNSteps(Algorithm.PPO_ROLLOUT).withEpochs(10)
                    .withBatchSize(64), seed, compute);
            case A2C -> new A2c(env.spec(), A2c.Config.defaults().withNet(tanh).withNSteps(Algorithm.A2C_ROLLOUT), seed, compute);
        };
    }
}
