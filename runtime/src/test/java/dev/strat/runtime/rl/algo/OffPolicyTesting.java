package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.ObservationLayout;
import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.nn.Param;
import dev.strat.runtime.rl.nn.Tensors;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared drivers and plain-Java reference arithmetic for the off-policy agent tests. */
final class OffPolicyTesting {

    private OffPolicyTesting() {
    }

    /** The tiny hand-check space: 2 observations, 1 action. */
    static EnvSpec tinySpec() {
        return new EnvSpec(ObservationLayout.flat(2), new ActionSpace.Continuous(1), 10);
    }

    /** One asset of +0.003 per bar among zero-drift ones: the optimum holds asset 0. */
    static SyntheticPortfolioEnv driftEnv(int assets) {
        double[] drift = new double[assets];
        drift[0] = 0.003;
        return new SyntheticPortfolioEnv(new SyntheticPortfolioEnv.Config(assets, 200, 3, 0, drift, 0.01, 5, 0.0005));
    }

    /**
     * The learning-test task: one asset of +0.005 per bar among zero-drift ones, all with vol
     * 0.005, so the signal of a step is as large as its noise and the optimum (hold asset 0) is
     * learnable in a few thousand steps by every seed, not only lucky ones.
     */
    static SyntheticPortfolioEnv learningEnv() {
        return new SyntheticPortfolioEnv(new SyntheticPortfolioEnv.Config(3, 200, 3, 0, new double[] {0.005, 0, 0}, 0.005, 5, 0.0005));
    }

    /**
     * Rewards times {@code k}. Per-step log returns are of order 1e-3, so the deterministic
     * actor-critics' randomly initialised critics swamp them at first and some seeds lock into a
     * wrong corner of the squashed action; scaling the reward (RiPO uses 100) removes that.
     */
    static Env scaled(Env env, double k) {
        return new Env() {
            @Override
            public EnvSpec spec() { return env.spec(); }

            @Override
            public void reset(long seed, float[] observation) { env.reset(seed, observation); }

            @Override
            public Step step(float[] action, float[] observation) {
                Step s = env.step(action, observation);
                return new Step(s.reward() * k, s.terminal(), s.truncated());
            }
        };
    }

    /** Actions and rewards of a training run of {@code steps} environment steps. */
    record Trace(List<float[]> actions, List<Double> rewards) {
    }

    static Trace train(Agent agent, Env env, int steps, long envSeed) {
        int obsDim = env.spec().observationSize();
        float[] obs = new float[obsDim];
        float[] next = new float[obsDim];
        float[] action = new float[env.spec().action().width()];
        List<float[]> actions = new ArrayList<>();
        List<Double> rewards = new ArrayList<>();
        long episode = envSeed;
        env.reset(episode, obs);
        for (int t = 0; t < steps; t++) {
            agent.act(obs, true, action);
            Env.Step step = env.step(action, next);
            agent.observe(obs, action, step.reward(), next, step.terminal(), step.truncated());
            actions.add(action.clone());
            rewards.add(step.reward());
            if (step.done()) {
                env.reset(++episode, obs);
            } else {
                System.arraycopy(next, 0, obs, 0, obsDim);
            }
        }
        return new Trace(actions, rewards);
    }

    /** Mean softmax(scale * action) weight on asset 0 of the deterministic policy over one episode. */
    static double weightOnFirst(Agent agent, SyntheticPortfolioEnv env, long seed) {
        int obsDim = env.spec().observationSize();
        float[] obs = new float[obsDim];
        float[] action = new float[env.spec().action().width()];
        env.reset(seed, obs);
        double sum = 0;
        int n = 0;
        while (true) {
            agent.act(obs, false, action);
            double max = Double.NEGATIVE_INFINITY;
            for (float a : action) max = Math.max(max, env.config().scale() * a);
            double z = 0;
            for (float a : action) z += Math.exp(env.config().scale() * a - max);
            sum += Math.exp(env.config().scale() * action[0] - max) / z;
            n++;
            if (env.step(action, obs).done()) break;
        }
        return sum / n;
    }

    /**
     * SB3-style determinism: agents of seed 7, 7 and 8 train 300 steps on {@code env}; the two
     * of seed 7 must act and earn identically, seed 8 differently. {@code firstRun} checks the
     * first agent after its run.
     */
    static <A extends Agent> void assertSameSeedSameRun(LongFunction<A> agentOfSeed, Env env, Consumer<A> firstRun) {
        Trace a;
        Trace b;
        Trace c;
        try (A agent = agentOfSeed.apply(7)) {
            a = train(agent, env, 300, 11);
            firstRun.accept(agent);
        }
        try (A agent = agentOfSeed.apply(7)) {
            b = train(agent, env, 300, 11);
        }
        try (A agent = agentOfSeed.apply(8)) {
            c = train(agent, env, 300, 11);
        }
        for (int t = 0; t < 300; t++) assertArrayEquals(a.actions().get(t), b.actions().get(t), "step " + t);
        assertEquals(a.rewards(), b.rewards());
        assertNotEquals(a.rewards(), c.rewards());
    }

    /**
     * Three updates of {@code fast} ({@link OffPolicyAgent#update}) and of {@code reference}
     * ({@link OffPolicyAgent#referenceUpdate}), two agents of one seed, on the same minibatches
     * ({@code fill} writes the one for a seed into an agent): the same losses, and every network
     * of {@code nets} with the same weights after each update; the first network moved.
     */
    static <A extends OffPolicyAgent> void assertUpdatesMatchTheReference(A fast, A reference, java.util.function.Function<A, List<? extends Net>> nets,
                                                                          java.util.function.ObjLongConsumer<A> fill) {
        float[] before = nets.apply(fast).get(0).parameters().get(0).value().toFloatArray();
        for (int u = 0; u < 3; u++) {
            fill.accept(fast, 100 + u);
            fill.accept(reference, 100 + u);
            Losses a = runUpdate(fast, false);
            Losses b = runUpdate(reference, true);
            assertEquals(b.values().keySet(), a.values().keySet(), "losses reported, update " + u);
            for (String loss : b.values().keySet()) assertEquals(b.values().get(loss), a.values().get(loss), 1e-5, loss + ", update " + u);
            fast.updates++;
            reference.updates++;
            List<? extends Net> mine = nets.apply(fast);
            List<? extends Net> theirs = nets.apply(reference);
            for (int n = 0; n < mine.size(); n++) {
                for (int k = 0; k < mine.get(n).parameters().size(); k++) {
                    Param p = mine.get(n).parameters().get(k);
                    assertArrayEquals(theirs.get(n).parameters().get(k).value().toFloatArray(), p.value().toFloatArray(), 1e-6f,
                            p.name() + " after update " + u);
                }
            }
        }
        assertFalse(Arrays.equals(before, nets.apply(fast).get(0).parameters().get(0).value().toFloatArray()), "the first network moved");
    }

    /** One update of {@code agent} on its batch arrays (its {@link OffPolicyAgent#referenceUpdate} when {@code reference}). */
    static Losses runUpdate(OffPolicyAgent agent, boolean reference) {
        try (var scope = agent.root.newSubManager()) {
            return reference ? agent.referenceUpdate(scope) : agent.update(scope);
        } finally {
            Tensors.recording(false);
        }
    }

    /** Fills every minibatch array of {@code arrays} from {@code seed}; discounts 0 on every third row, else 0.99. */
    static void fillBatch(long seed, float[] discounts, float[]... arrays) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (float[] a : arrays) for (int i = 0; i < a.length; i++) a[i] = (float) (r.nextDouble() * 2 - 1);
        for (int i = 0; i < discounts.length; i++) discounts[i] = i % 3 == 0 ? 0f : 0.99f;
    }

    /**
     * Each seed's agent, trained {@code steps} steps on {@code trainOn}, puts more than 0.8 of its
     * weight on {@code env}'s drifting asset 0 (uniform would be 1 / (assets + 1)).
     */
    static void assertLearnsToHoldTheDriftingAsset(LongFunction<? extends Agent> agentOfSeed, SyntheticPortfolioEnv env, Env trainOn,
                                                   int steps, long... seeds) {
        assertMostLearnToHoldTheDriftingAsset(agentOfSeed, env, trainOn, steps, seeds.length, seeds);
    }

    /**
     * As {@link #assertLearnsToHoldTheDriftingAsset}, for an agent that fails on a few seeds in
     * any implementation: at least {@code atLeast} of the seeds' agents learn.
     */
    static void assertMostLearnToHoldTheDriftingAsset(LongFunction<? extends Agent> agentOfSeed, SyntheticPortfolioEnv env, Env trainOn,
                                                      int steps, int atLeast, long... seeds) {
        int learned = 0;
        StringBuilder report = new StringBuilder();
        for (long seed : seeds) {
            try (Agent agent = agentOfSeed.apply(seed)) {
                double before = weightOnFirst(agent, env, 999);
                train(agent, trainOn, steps, 1);
                double after = weightOnFirst(agent, env, 999);
                if (after > 0.8) learned++;
                report.append(String.format(java.util.Locale.ROOT, "%n  seed %d: weight on the drifting asset %.3f (before training %.3f)", seed, after, before));
            }
        }
        assertTrue(learned >= atLeast, learned + " of " + seeds.length + " seeds learned, " + atLeast + " needed:" + report);
    }

    /**
     * An agent of seed 7 trained 120 steps (70 updates after 50 learning starts) is saved and
     * loaded into one of seed 99: the loaded agent acts as the saved one did (and differently
     * before loading), with the same counters and the same {@code state} (a value beyond the
     * networks, such as SAC's temperature; {@code agent -> 0} for none).
     */
    static <A extends Agent> void assertSaveAndLoadRestore(LongFunction<A> agentOfSeed, SyntheticPortfolioEnv env, ToDoubleFunction<A> state)
            throws IOException {
        float[] obs = new float[env.spec().observationSize()];
        env.reset(5, obs);
        int width = env.spec().action().width();
        float[] expected = new float[width];
        byte[] bytes;
        double expectedState;
        try (A agent = agentOfSeed.apply(7)) {
            train(agent, env, 120, 2);
            agent.act(obs, false, expected);
            expectedState = state.applyAsDouble(agent);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            agent.save(new DataOutputStream(out));
            bytes = out.toByteArray();
        }
        try (A other = agentOfSeed.apply(99)) {
            float[] before = new float[width];
            other.act(obs, false, before);
            assertFalse(Arrays.equals(expected, before), "another seed acts differently before loading");
            other.load(new DataInputStream(new ByteArrayInputStream(bytes)));
            float[] after = new float[width];
            other.act(obs, false, after);
            assertArrayEquals(expected, after);
            assertEquals(120, other.steps());
            assertEquals(70, other.updates());
            assertEquals(expectedState, state.applyAsDouble(other));
        }
    }

    /** Sets every parameter to a fixed, distinct pattern (so hand checks see known weights). */
    static void setPattern(List<Param> params, double offset) {
        int index = 0;
        for (Param p : params) {
            float[] v = new float[(int) p.value().size()];
            for (int i = 0; i < v.length; i++) v[i] = (float) (0.5 * Math.sin(1.7 * index++ + offset));
            Tensors.write(p.value(), v);
        }
    }

    static float[] values(List<Param> params, int k) {
        return params.get(k).value().toFloatArray();
    }

    /** One dense layer in double: {@code w} (out, in) row-major, or (in, out) of member {@code m} when {@code stacked}. */
    static double[] dense(double[] x, float[] w, float[] b, int in, int out, boolean stacked, int m, boolean relu) {
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = b[(stacked ? m * out : 0) + o];
            for (int i = 0; i < in; i++) {
                s += x[i] * (stacked ? w[m * in * out + i * out + o] : w[o * in + i]);
            }
            y[o] = relu ? Math.max(0, s) : s;
        }
        return y;
    }

    /** A one-hidden-layer MLP from a parameter list (w0, b0, w1, b1). */
    static double[] mlp(List<Param> params, double[] x, int in, int hidden, int out, boolean stacked, int member) {
        double[] h = dense(x, values(params, 0), values(params, 1), in, hidden, stacked, member, true);
        return dense(h, values(params, 2), values(params, 3), hidden, out, stacked, member, false);
    }

    static double mean(int n, IntToDoubleFunction f) {
        double s = 0;
        for (int i = 0; i < n; i++) s += f.applyAsDouble(i);
        return s / n;
    }
}
