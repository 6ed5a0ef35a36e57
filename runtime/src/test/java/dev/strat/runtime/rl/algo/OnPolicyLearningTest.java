package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.nn.Compute;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** PPO and A2C learn small tasks whose optimum is known, within a bounded number of steps. */
class OnPolicyLearningTest {

    /** Three assets, asset 0 drifts +0.3 % per bar, vol 1 %: the best policy holds asset 0. */
    static SyntheticPortfolioEnv driftEnv() {
        return new SyntheticPortfolioEnv(new SyntheticPortfolioEnv.Config(3, 200, 2, 0, new double[]{0.003, 0, 0}, 0.01, 5, 0.0005));
    }

    @Test
    void ppoLearnsToHoldTheDriftingAsset() {
        double w = ppoContinuous(3);
        assertTrue(w > 0.6, "PPO's deterministic policy holds " + w + " in the drifting asset (uniform is 0.25)");
    }

    @Test
    void a2cLearnsToHoldTheDriftingAsset() {
        double w = a2cContinuous(3);
        assertTrue(w > 0.6, "A2C's deterministic policy holds " + w + " in the drifting asset (uniform is 0.25)");
    }

    @Test
    void ppoLearnsToPickTheDriftingAssetAmongDiscreteChoices() {
        double share = ppoDiscrete(3);
        assertTrue(share > 0.8, "PPO picks the drifting asset " + share + " of the time (chance is 1/3)");
    }

    @Test
    void a2cLearnsToPickTheDriftingAssetAmongDiscreteChoices() {
        double share = a2cDiscrete(3);
        assertTrue(share > 0.8, "A2C picks the drifting asset " + share + " of the time (chance is 1/3)");
    }

    /** PPO (SB3 defaults but 256-step rollouts and lr 1e-3) after 8,192 steps: average weight on the drifting asset. */
    static double ppoContinuous(long seed) {
        SyntheticPortfolioEnv env = driftEnv();
        try (Ppo agent = new Ppo(env.spec(), Ppo.Config.defaults().withNSteps(256).withLearningRate(1e-3), seed, Compute.cpu())) {
            train(env, agent, 256 * 32);
            return averageWeight(env, agent, 0);
        }
    }

    /** A2C (SB3 defaults) after 6,000 steps: average weight on the drifting asset. */
    static double a2cContinuous(long seed) {
        SyntheticPortfolioEnv env = driftEnv();
        try (A2c agent = new A2c(env.spec(), A2c.Config.defaults(), seed, Compute.cpu())) {
            train(env, agent, 6000);
            return averageWeight(env, agent, 0);
        }
    }

    /** PPO (256-step rollouts, lr 1e-3) after 4,096 steps: share of evaluation steps on the drifting asset. */
    static double ppoDiscrete(long seed) {
        DriftChoiceEnv env = new DriftChoiceEnv(100, 0.01, 0.01);
        try (Ppo agent = new Ppo(env.spec(), Ppo.Config.defaults().withNSteps(256).withLearningRate(1e-3), seed, Compute.cpu())) {
            train(env, agent, 256 * 16);
            return pickShare(env, agent);
        }
    }

    /** A2C (SB3 defaults) after 5,000 steps: share of evaluation steps on the drifting asset. */
    static double a2cDiscrete(long seed) {
        DriftChoiceEnv env = new DriftChoiceEnv(100, 0.01, 0.01);
        try (A2c agent = new A2c(env.spec(), A2c.Config.defaults(), seed, Compute.cpu())) {
            train(env, agent, 5000);
            return pickShare(env, agent);
        }
    }

    /** Steps {@code agent} through episodes of {@code env} (the first reset with seed 7, then 8, 9, ...). */
    static void train(Env env, Agent agent, int steps) {
        float[] obs = new float[env.spec().observationSize()];
        float[] next = new float[obs.length];
        float[] action = new float[env.spec().action().width()];
        long episode = 7;
        env.reset(episode, obs);
        for (int i = 0; i < steps; i++) {
            agent.act(obs, true, action);
            Env.Step s = env.step(action, next);
            agent.observe(obs, action, s.reward(), next, s.terminal(), s.truncated());
            if (s.done()) env.reset(++episode, obs);
            else System.arraycopy(next, 0, obs, 0, obs.length);
        }
    }

    /** The deterministic policy's average softmax weight on {@code asset} over one evaluation episode. */
    static double averageWeight(SyntheticPortfolioEnv env, Agent agent, int asset) {
        float[] obs = new float[env.spec().observationSize()];
        float[] action = new float[env.spec().action().width()];
        env.reset(999, obs);
        double sum = 0;
        int n = 0;
        double scale = env.config().scale();
        while (true) {
            agent.act(obs, false, action);
            double max = Double.NEGATIVE_INFINITY;
            for (float a : action) max = Math.max(max, scale * a);
            double z = 0;
            for (float a : action) z += Math.exp(scale * a - max);
            sum += Math.exp(scale * action[asset] - max) / z;
            n++;
            if (env.step(action, obs).done()) return sum / n;
        }
    }

    static double pickShare(DriftChoiceEnv env, Agent agent) {
        float[] obs = new float[env.spec().observationSize()];
        float[] action = new float[1];
        env.reset(999, obs);
        int picks = 0;
        int n = 0;
        while (true) {
            agent.act(obs, false, action);
            if (action[0] == 0) picks++;
            n++;
            if (env.step(action, obs).done()) return (double) picks / n;
        }
    }
}
