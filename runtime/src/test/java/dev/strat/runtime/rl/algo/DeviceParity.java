package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.ObservationLayout;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.nn.Tensors;
import dev.strat.runtime.util.Gaussian;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One update of an agent on two devices (or two managers of one device) from the same weights
 * and the same batch, and how far the results differ.
 *
 * <p>Same weights: both agents are built from one seed, and every initial weight is drawn in Java
 * ({@code SplittableRandom}), never by PyTorch, so the two start bit for bit equal wherever they
 * live ({@link #compare} checks it). Same batch: the off-policy batch arrays are written directly
 * and the noise comes from the agents' own identically seeded Java streams; PPO's rollout is
 * written into both buffers from one set of arrays.
 */
final class DeviceParity {

    /** 32 observations, 4 actions: small enough for a test, wide enough to use real matrix kernels. */
    static final EnvSpec SPEC = new EnvSpec(ObservationLayout.flat(32), new ActionSpace.Continuous(4), 100);
    static final NetSpec NET = NetSpec.Mlp.of(64, 64);
    static final int BATCH = 64;
    static final long SEED = 17;

    private DeviceParity() {
    }

    /**
     * How two agents' parameters and losses differ after the same update.
     *
     * @param algorithm     the agent
     * @param startEqual    whether every parameter was bit for bit equal before the update
     * @param tensors       parameter tensors compared
     * @param elements      parameter values compared
     * @param maxAbs        largest absolute difference of a parameter value after the update
     * @param fractionOver  share of values that differ by more than 1e-5
     * @param lossMaxRel    largest relative difference of a reported loss
     * @param losses        the first agent's losses
     * @param moved         largest change of a parameter value of the first agent by the update (0 would make the comparison empty)
     */
    record Result(String algorithm, boolean startEqual, int tensors, long elements, double maxAbs, double fractionOver,
                  double lossMaxRel, Map<String, Double> losses, double moved) {

        boolean identical() {
            return startEqual && maxAbs == 0 && lossMaxRel == 0;
        }

        String json() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "{\"algorithm\":\"%s\",\"startEqual\":%b,\"tensors\":%d,\"elements\":%d,"
                    + "\"maxAbsDiff\":%.3e,\"fractionOver1e-5\":%.3e,\"lossMaxRelDiff\":%.3e,\"moved\":%.3e,\"losses\":{",
                    algorithm, startEqual, tensors, elements, maxAbs, fractionOver, lossMaxRel, moved));
            int k = 0;
            for (var e : losses.entrySet()) {
                s.append(k++ == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.6g", e.getKey(), e.getValue()));
            }
            return s.append("}}").toString();
        }
    }

    static Td3 td3(Compute compute) {
        return new Td3(SPEC, Td3.Config.defaults().withNets(NET, NET).withBatch(BATCH).withBuffer(1_000).withLearningStarts(0), SEED, compute);
    }

    static Sac sac(Compute compute) {
        return new Sac(SPEC, Sac.Config.defaults().withNets(NET, NET).withBatch(BATCH).withBuffer(1_000).withLearningStarts(0), SEED, compute);
    }

    static Ppo ppo(Compute compute) {
        return new Ppo(SPEC, Ppo.Config.defaults().withNet(NET).withNSteps(128).withBatchSize(BATCH).withEpochs(1), SEED, compute);
    }

    /** TD3: two updates (its policy delay is 2), so the critic, actor and both Polyak averages all run. */
    static Result td3(Compute a, Compute b) {
        return offPolicy("td3", DeviceParity::td3, a, b, 2);
    }

    /** SAC: one update (critics, actor, temperature, critic target). */
    static Result sac(Compute a, Compute b) {
        return offPolicy("sac", DeviceParity::sac, a, b, 1);
    }

    /** PPO: one rollout of 128 steps, one epoch of two minibatches of 64. */
    static Result ppo(Compute a, Compute b) {
        try (Ppo x = ppo(a); Ppo y = ppo(b)) {
            Map<String, float[]> before = TensorCensus.of(x).values();
            boolean startEqual = equal(before, TensorCensus.of(y).values());
            fillRollout(x, y);
            x.train();
            y.train();
            return result("ppo", startEqual, before, x, y);
        }
    }

    private static <A extends OffPolicyAgent> Result offPolicy(String name, java.util.function.Function<Compute, A> make,
                                                              Compute a, Compute b, int updates) {
        try (A x = make.apply(a); A y = make.apply(b)) {
            Map<String, float[]> before = TensorCensus.of(x).values();
            boolean startEqual = equal(before, TensorCensus.of(y).values());
            SplittableRandom data = new SplittableRandom(99);
            for (int u = 0; u < updates; u++) {
                long batchSeed = data.nextLong();
                update(x, batchSeed);
                update(y, batchSeed);
            }
            return result(name, startEqual, before, x, y);
        }
    }

    /** Writes a batch drawn from {@code seed} into the agent's batch arrays and runs one update as {@code observe} would. */
    static void update(OffPolicyAgent agent, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        fill(agent.batchObs, r, 1);
        fill(agent.batchActions, r, 1);
        for (int i = 0; i < agent.batchRewards.length; i++) agent.batchRewards[i] = (float) (0.1 * Gaussian.next(r));
        fill(agent.batchNext, r, 1);
        for (int i = 0; i < agent.batchDiscounts.length; i++) agent.batchDiscounts[i] = r.nextInt(10) == 0 ? 0f : 0.99f;
        agent.drawNoise();
        agent.updates++;
        try (NDManager scope = agent.root.newSubManager()) {
            agent.losses = agent.update(scope);
        } finally {
            Tensors.recording(false);
        }
    }

    /** The same 128-step rollout in both PPO buffers: actions sampled from the first agent's policy, so ratios start at 1. */
    private static void fillRollout(Ppo x, Ppo y) {
        SplittableRandom r = new SplittableRandom(5);
        int obsDim = SPEC.observationSize();
        float[] obs = new float[obsDim];
        float[] raw = new float[SPEC.action().width()];
        while (!x.buffer.full()) {
            fill(obs, r, 1);
            float[] head = x.nets.infer(x.manager, obs);
            double logProb = x.nets.distribution().sample(head, r, raw);
            double value = head[x.nets.distribution().headSize()];
            double reward = 0.1 * Gaussian.next(r);
            boolean done = r.nextInt(50) == 0;
            x.buffer.add(obs, raw, reward, value, logProb, done, 0);
            y.buffer.add(obs, raw, reward, value, logProb, done, 0);
        }
        x.buffer.computeAdvantages(0, 0.99, 0.95);
        y.buffer.computeAdvantages(0, 0.99, 0.95);
    }

    private static void fill(float[] values, SplittableRandom r, double scale) {
        for (int i = 0; i < values.length; i++) values[i] = (float) (scale * (2 * r.nextDouble() - 1));
    }

    private static Result result(String name, boolean startEqual, Map<String, float[]> before, Agent x, Agent y) {
        Map<String, float[]> a = TensorCensus.of(x).values();
        double moved = 0;
        for (String key : before.keySet()) {
            float[] u = before.get(key);
            float[] v = a.get(key);
            for (int i = 0; i < u.length; i++) moved = Math.max(moved, Math.abs((double) u[i] - v[i]));
        }
        Map<String, float[]> b = TensorCensus.of(y).values();
        if (!a.keySet().equals(b.keySet())) throw new AssertionError("the two agents hold different parameters: " + a.keySet() + " / " + b.keySet());
        long elements = 0;
        long over = 0;
        double maxAbs = 0;
        for (String key : a.keySet()) {
            float[] u = a.get(key);
            float[] v = b.get(key);
            for (int i = 0; i < u.length; i++) {
                double d = Math.abs((double) u[i] - v[i]);
                if (!(d <= maxAbs)) maxAbs = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                if (d > 1e-5) over++;
            }
            elements += u.length;
        }
        double lossMaxRel = 0;
        Map<String, Double> lx = new LinkedHashMap<>(x.losses().values());
        Map<String, Double> ly = y.losses().values();
        for (var e : lx.entrySet()) {
            double p = e.getValue();
            double q = ly.getOrDefault(e.getKey(), Double.NaN);
            double rel = p == q ? 0 : Math.abs(p - q) / Math.max(1e-12, Math.max(Math.abs(p), Math.abs(q)));
            lossMaxRel = Math.max(lossMaxRel, Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel);
        }
        return new Result(name, startEqual, a.size(), elements, maxAbs, elements == 0 ? 0 : (double) over / elements, lossMaxRel, lx, moved);
    }

    private static boolean equal(Map<String, float[]> a, Map<String, float[]> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (String k : a.keySet()) if (!java.util.Arrays.equals(a.get(k), b.get(k))) return false;
        return true;
    }
}
