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
        SyntheticPortfolioEnv env = driftEnv();
        try (Ppo agent = new Ppo(env.spec(), Ppo.Config.defaults().withNSteps(512).withLearningRate(1e-3), 3, Compute.cpu())) {
            train(env, agent, Integer.getInteger("strat.test.steps", 512 * 12));
            double w = averageWeight(env, agent, 0);
            System.out.println("ppo weight on drifting asset: " + w + ", losses " + agent.losses());
            assertTrue(w > 0.6, "PPO's deterministic policy holds " + w + " in the drifting asset (uniform is 0.25)");
        }
    }

    @Test
    void a2cLearnsToHoldTheDriftingAsset() {
        SyntheticPortfolioEnv env = driftEnv();
        try (A2c agent = new A2c(env.spec(), A2c.Config.defaults(), 3, Compute.cpu())) {
            train(env, agent, Integer.getInteger("strat.test.steps", 6000));
            double w = averageWeight(env, agent, 0);
            System.out.println("a2c weight on drifting asset: " + w + ", losses " + agent.losses());
            assertTrue(w > 0.6, "A2C's deterministic policy holds " + w + " in the drifting asset (uniform is 0.25)");
        }
    }

    @Test
    void ppoLearnsToPickTheDriftingAssetAmongDiscreteChoices() {
        DriftChoiceEnv env = new DriftChoiceEnv(100, 0.005, 0.01);
        try (Ppo agent = new Ppo(env.spec(), Ppo.Config.defaults().withNSteps(256).withLearningRate(1e-3), 3, Compute.cpu())) {
            train(env, agent, 256 * 12);
            double share = pickShare(env, agent);
            System.out.println("ppo picks the drifting asset " + share);
            assertTrue(share > 0.8, "PPO picks the drifting asset " + share + " of the time (chance is 1/3)");
        }
    }

    @Test
    void a2cLearnsToPickTheDriftingAssetAmongDiscreteChoices() {
        DriftChoiceEnv env = new DriftChoiceEnv(100, 0.01, 0.01);
        try (A2c agent = new A2c(env.spec(), A2c.Config.defaults(), 3, Compute.cpu())) {
            train(env, agent, 5000);
            double share = pickShare(env, agent);
            System.out.println("a2c picks the drifting asset " + share);
            assertTrue(share > 0.8, "A2C picks the drifting asset " + share + " of the time (chance is 1/3)");
        }
    }

    static void train(Env env, Agent agent, int steps) {
        OnPolicyBench.run(env, agent, steps);
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
