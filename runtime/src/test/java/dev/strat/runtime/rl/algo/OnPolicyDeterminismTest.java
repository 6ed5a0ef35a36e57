package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.nn.Compute;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SB3-style reproducibility: the same seed gives identical actions and rewards over two
 * rollouts with their updates, another seed differs; and a checkpoint restores an agent that
 * continues exactly as the original would have.
 */
class OnPolicyDeterminismTest {

    private static final SyntheticPortfolioEnv.Config PORTFOLIO = new SyntheticPortfolioEnv.Config(4, 100, 3, 2, null, 0.02, 5, 0.001);

    private static Env portfolio() {
        return new SyntheticPortfolioEnv(PORTFOLIO);
    }

    private static Env choice() {
        return new DriftChoiceEnv(50, 0.005, 0.01);
    }

    private static Ppo ppo(Env env, long seed) {
        return new Ppo(env.spec(), Ppo.Config.defaults().withNSteps(64).withBatchSize(16).withEpochs(3), seed, Compute.cpu());
    }

    private static A2c a2c(Env env, long seed) {
        return new A2c(env.spec(), A2c.Config.defaults(), seed, Compute.cpu());
    }

    @Test
    void ppoContinuousIsReproducible() {
        check(OnPolicyDeterminismTest::portfolio, seed -> ppo(portfolio(), seed), 128);
    }

    @Test
    void ppoDiscreteIsReproducible() {
        check(OnPolicyDeterminismTest::choice, seed -> ppo(choice(), seed), 128);
    }

    @Test
    void a2cContinuousIsReproducible() {
        check(OnPolicyDeterminismTest::portfolio, seed -> a2c(portfolio(), seed), 150);
    }

    @Test
    void a2cDiscreteIsReproducible() {
        check(OnPolicyDeterminismTest::choice, seed -> a2c(choice(), seed), 150);
    }

    private static void check(java.util.function.Supplier<Env> envs, LongFunction<OnPolicyAgent> agents, int steps) {
        List<Double> a = trace(envs.get(), agents.apply(11), steps);
        List<Double> b = trace(envs.get(), agents.apply(11), steps);
        List<Double> c = trace(envs.get(), agents.apply(12), steps);
        assertEquals(-1, firstDifference(a, b), "same seed, same actions and rewards; first difference at this index");
        assertNotEquals(a, c, "another seed explores differently");
    }

    private static int firstDifference(List<Double> a, List<Double> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) if (!a.get(i).equals(b.get(i))) return i;
        return a.size() == b.size() ? -1 : Math.min(a.size(), b.size());
    }

    /** Every action value and reward of {@code steps} exploring steps (two rollouts or more), then the losses. */
    private static List<Double> trace(Env env, OnPolicyAgent agent, int steps) {
        try (agent) {
            List<Double> out = new ArrayList<>();
            float[] obs = new float[env.spec().observationSize()];
            float[] next = new float[obs.length];
            float[] action = new float[env.spec().action().width()];
            env.reset(5, obs);
            for (int i = 0; i < steps; i++) {
                agent.act(obs, true, action);
                for (float x : action) out.add((double) x);
                Env.Step s = env.step(action, next);
                out.add(s.reward());
                agent.observe(obs, action, s.reward(), next, s.terminal(), s.truncated());
                if (s.done()) env.reset(5 + i, obs);
                else System.arraycopy(next, 0, obs, 0, obs.length);
            }
            assertTrue(agent.updates() >= 2, "at least two updates ran");
            out.addAll(agent.losses().values().values());
            return out;
        }
    }

    @Test
    void ppoCheckpointContinuesExactly() throws IOException {
        checkpoint(() -> ppo(portfolio(), 3), 64);
    }

    @Test
    void a2cCheckpointContinuesExactly() throws IOException {
        checkpoint(() -> a2c(portfolio(), 3), 5);
    }

    /**
     * Trains one rollout, saves, loads into a fresh agent of the same configuration, and runs a
     * second rollout with both: the weights, log std, optimiser state and counters must carry
     * over, or the second update (Adam and RMSprop depend on their moments) would differ.
     */
    private static void checkpoint(java.util.function.Supplier<OnPolicyAgent> agents, int rollout) throws IOException {
        try (OnPolicyAgent original = agents.get(); OnPolicyAgent restored = agents.get()) {
            Env env = portfolio();
            float[] obs = new float[env.spec().observationSize()];
            OnPolicyLearningTest.train(env, original, rollout);
            // The restored agent first diverges (one rollout on other data), so only the checkpoint can make it equal.
            OnPolicyLearningTest.train(new SyntheticPortfolioEnv(new SyntheticPortfolioEnv.Config(4, 100, 3, 2, new double[]{0.01, 0, 0, 0}, 0.02, 5, 0.001)),
                    restored, rollout);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.save(new DataOutputStream(bytes));
            restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(original.steps(), restored.steps());
            assertEquals(original.updates(), restored.updates());
            List<Double> a = trace(env, original, rollout);
            List<Double> b = trace(env, restored, rollout);
            assertEquals(-1, firstDifference(a, b), "the restored agent acts and learns as the original; first difference at this index");
            env.reset(1, obs);
        }
    }
}
