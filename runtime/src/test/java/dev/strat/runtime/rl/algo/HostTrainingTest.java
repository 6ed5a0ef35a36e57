package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.ObservationLayout;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.HostKernels;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.nn.Param;
import dev.strat.runtime.rl.nn.Tensors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;

import static dev.strat.runtime.rl.algo.OffPolicyTesting.fillBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The off-policy updates on Java kernels ({@link HostTraining}) against the same updates through
 * PyTorch: same seed, same batches, the same losses and weights after several updates, up to
 * float rounding (the products sum in another order).
 */
class HostTrainingTest {

    /** Sizes of the RL benchmark's small case, shrunk in batch: 13 observations, 4 actions. */
    private static final EnvSpec SPEC = new EnvSpec(ObservationLayout.flat(13), new ActionSpace.Continuous(4), 10);

    /** Builds with {@value HostKernels#KERNELS_PROPERTY} set to {@code kernels}. */
    static <A> A with(String kernels, Supplier<A> build) {
        String before = System.getProperty(HostKernels.KERNELS_PROPERTY);
        System.setProperty(HostKernels.KERNELS_PROPERTY, kernels);
        try {
            return build.get();
        } finally {
            if (before == null) System.clearProperty(HostKernels.KERNELS_PROPERTY);
            else System.setProperty(HostKernels.KERNELS_PROPERTY, before);
        }
    }

    private static <A extends OffPolicyAgent> void assertSameUpdates(A host, A torch, Function<A, List<? extends Net>> nets,
                                                                     ObjLongConsumer<A> fill, int updates) {
        for (int u = 0; u < updates; u++) {
            fill.accept(host, 100 + u);
            fill.accept(torch, 100 + u);
            host.updates++;
            torch.updates++;
            Losses a = OffPolicyTesting.runUpdate(host, false);
            Losses b = OffPolicyTesting.runUpdate(torch, false);
            assertEquals(b.values().keySet(), a.values().keySet(), "losses reported, update " + u);
            for (String loss : b.values().keySet()) {
                double want = b.values().get(loss);
                assertEquals(want, a.values().get(loss), 1e-4 * Math.max(1, Math.abs(want)), loss + ", update " + u);
            }
        }
        List<? extends Net> mine = nets.apply(host);
        List<? extends Net> theirs = nets.apply(torch);
        assertFalse(mine.isEmpty());
        for (int n = 0; n < mine.size(); n++) {
            assertSameParameters(mine.get(n).parameters(), theirs.get(n).parameters(), " after " + updates + " updates");
        }
        // acting on the Java copy of the actor, taken anew after the updates
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        float[] obs = new float[host.obsDim];
        float[] a = new float[host.actDim];
        float[] b = new float[host.actDim];
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < obs.length; i++) obs[i] = (float) (r.nextDouble() * 2 - 1);
            host.act(obs, false, a);
            torch.act(obs, false, b);
            org.junit.jupiter.api.Assertions.assertArrayEquals(b, a, 1e-5f, "action " + k + " after " + updates + " updates");
        }
    }

    /**
     * Every value of {@code mine} within 2e-5 of {@code theirs}: the optimisers' early steps are
     * about {@code lr * sign(g)}, so a wrong gradient would put them about 1e-3 apart.
     */
    private static void assertSameParameters(List<Param> mine, List<Param> theirs, String when) {
        assertEquals(theirs.size(), mine.size());
        for (int k = 0; k < mine.size(); k++) {
            float[] x = mine.get(k).value().toFloatArray();
            float[] y = theirs.get(k).value().toFloatArray();
            for (int i = 0; i < x.length; i++) {
                if (Math.abs(x[i] - y[i]) > 2e-5) fail(mine.get(k).name() + "[" + i + "]" + when + ": " + x[i] + " against PyTorch's " + y[i]);
            }
        }
    }

    private static Td3.Config td3(Activation activation) {
        NetSpec net = new NetSpec.Mlp(List.of(24, 20), activation, false, 0);
        return Td3.Config.defaults().withNets(net, net).withBatch(37);
    }

    @Test
    void td3OnJavaKernelsMovesTheNetworksAsPyTorchDoes() {
        for (Activation activation : new Activation[] {Activation.RELU, Activation.TANH, Activation.ELU}) {
            try (Td3 host = with("java", () -> new Td3(SPEC, td3(activation), 3, Compute.cpu()));
                 Td3 torch = with("torch", () -> new Td3(SPEC, td3(activation), 3, Compute.cpu()))) {
                assertTrue(host.onHostKernels());
                assertFalse(torch.onHostKernels());
                assertSameUpdates(host, torch, t -> List.of(t.actor, t.critic, t.actorTarget, t.criticTarget),
                        (t, seed) -> fillBatch(seed, t.batchDiscounts, t.batchObs, t.batchNext, t.batchActions, t.batchRewards, t.batchNoise), 6);
            }
        }
    }

    @Test
    void ddpgOnJavaKernelsMovesTheNetworksAsPyTorchDoes() {
        NetSpec net = NetSpec.Mlp.of(16, 8);
        Ddpg.Config config = Ddpg.Config.defaults().withNets(net, net).withBatch(9);
        try (Ddpg host = with("java", () -> new Ddpg(SPEC, config, 4, Compute.cpu()));
             Ddpg torch = with("torch", () -> new Ddpg(SPEC, config, 4, Compute.cpu()))) {
            assertTrue(host.onHostKernels());
            assertSameUpdates(host, torch, t -> List.of(t.actor, t.critic, t.actorTarget, t.criticTarget),
                    (t, seed) -> fillBatch(seed, t.batchDiscounts, t.batchObs, t.batchNext, t.batchActions, t.batchRewards), 4);
        }
    }

    @Test
    void sacOnJavaKernelsMovesTheNetworksAsPyTorchDoes() {
        for (boolean auto : new boolean[] {true, false}) {
            NetSpec net = NetSpec.Mlp.of(24, 20);
            Sac.Config base = Sac.Config.defaults().withNets(net, net).withBatch(37);
            Sac.Config config = auto ? base : base.withFixedEntropy(0.2);
            try (Sac host = with("java", () -> new Sac(SPEC, config, 5, Compute.cpu()));
                 Sac torch = with("torch", () -> new Sac(SPEC, config, 5, Compute.cpu()))) {
                assertTrue(host.onHostKernels());
                assertFalse(torch.onHostKernels());
                // two log stds beyond the clamp's bounds, where no gradient may pass
                for (Sac agent : List.of(host, torch)) {
                    List<Param> params = agent.actor.parameters();
                    Param bias = params.get(params.size() - 1);
                    float[] b = bias.value().toFloatArray();
                    b[4] = 4f;
                    b[5] = -30f;
                    Tensors.write(bias.value(), b);
                }
                assertSameUpdates(host, torch, t -> List.of(t.actor, t.critic, t.criticTarget),
                        (t, seed) -> fillBatch(seed, t.batchDiscounts, t.batchObs, t.batchNext, t.batchActions, t.batchRewards, t.batchEps, t.batchNextEps), 6);
                assertEquals(torch.logAlpha, host.logAlpha, 1e-6);
            }
        }
    }

    @Test
    void largeLayersAndAnExplicitChoiceOfPyTorchStayOnPyTorch() {
        NetSpec small = NetSpec.Mlp.of(255, 256);
        NetSpec large = NetSpec.Mlp.of(256, 256);
        try (Td3 a = with("auto", () -> new Td3(SPEC, Td3.Config.defaults().withNets(small, small).withBatch(4), 1, Compute.cpu()));
             Td3 b = with("auto", () -> new Td3(SPEC, Td3.Config.defaults().withNets(small, large).withBatch(4), 1, Compute.cpu()));
             Sac c = with("torch", () -> new Sac(SPEC, Sac.Config.defaults().withNets(small, small).withBatch(4), 1, Compute.cpu()))) {
            assertTrue(a.onHostKernels(), "255 x 256 weights: Java");
            assertFalse(b.onHostKernels(), "a 256 x 256 critic layer: PyTorch");
            assertFalse(c.onHostKernels(), "-Dstrat.rl.kernels=torch");
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> with("fast", HostKernels::vectorKernels));
        assertEquals("-Dstrat.rl.kernels must be auto, java or torch, not 'fast'", e.getMessage());
    }

    /**
     * PPO's and A2C's one-row pass (acting, bootstrapping) on Java kernels gives what the networks'
     * PyTorch modules give for the same weights, for continuous and discrete actions, before and
     * after updates changed the weights.
     */
    @Test
    void onPolicyAgentsActOnJavaKernelsAsTheirPyTorchModulesDo() {
        EnvSpec discrete = new EnvSpec(ObservationLayout.flat(13), new ActionSpace.Discrete(5), 10);
        NetSpec net = new NetSpec.Mlp(List.of(24, 20), Activation.TANH, false, 0);
        for (EnvSpec spec : List.of(SPEC, discrete)) {
            Ppo.Config ppo = Ppo.Config.defaults().withNets(net, net).withNSteps(16).withBatchSize(8);
            A2c.Config a2c = A2c.Config.defaults().withNets(net, net);
            try (Ppo p = with("java", () -> new Ppo(spec, ppo, 2, Compute.cpu()));
                 A2c a = with("java", () -> new A2c(spec, a2c, 2, Compute.cpu()))) {
                for (OnPolicyAgent agent : List.<OnPolicyAgent>of(p, a)) {
                    assertTrue(agent.nets.onHostKernels());
                    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
                    float[] obs = new float[13];
                    float[] action = new float[spec.action().width()];
                    for (int step = 0; step < 40; step++) {
                        for (int i = 0; i < obs.length; i++) obs[i] = (float) (r.nextDouble() * 2 - 1);
                        float[] host = agent.nets.infer(agent.manager, obs);
                        float[] torch;
                        try (var scope = agent.manager.newSubManager()) {
                            var x = scope.create(obs, new ai.djl.ndarray.types.Shape(1, 13));
                            torch = x.getManager().create(new float[0]).concat(agent.nets.actor().forward(x, dev.strat.runtime.rl.nn.Mode.EVAL).reshape(-1))
                                    .concat(agent.nets.critic().forward(x, dev.strat.runtime.rl.nn.Mode.EVAL).reshape(-1)).toFloatArray();
                        }
                        org.junit.jupiter.api.Assertions.assertArrayEquals(torch, host, 1e-5f, agent.algorithm() + " at step " + step);
                        agent.act(obs, true, action);
                        agent.observe(obs, action, 0.1 * ((step % 7) - 3), obs, false, false);
                    }
                    assertTrue(agent.updates() > 0, agent.algorithm() + ": updates ran between the compared passes");
                }
            }
        }
    }

    /**
     * PPO's minibatch step on Java kernels against PyTorch's: four steps on the same batches from
     * the same weights, continuous (Gaussian, with an entropy bonus) and discrete actions, give the
     * same loss terms and parameters (the log std included) up to rounding.
     */
    @Test
    void ppoStepsOnJavaKernelsMoveTheNetworksAsPyTorchDoes() {
        EnvSpec discrete = new EnvSpec(ObservationLayout.flat(13), new ActionSpace.Discrete(5), 10);
        NetSpec net = new NetSpec.Mlp(List.of(24, 20), Activation.TANH, false, 0);
        for (EnvSpec spec : List.of(SPEC, discrete)) {
            Ppo.Config config = Ppo.Config.defaults().withNets(net, net).withBatchSize(16).withEntCoef(0.5);   // large enough for the entropy's gradient to show
            try (Ppo host = with("java", () -> new Ppo(spec, config, 3, Compute.cpu()));
                 Ppo torch = with("torch", () -> new Ppo(spec, config, 3, Compute.cpu()))) {
                assertTrue(host.onHostKernels());
                assertFalse(torch.onHostKernels());
                java.util.SplittableRandom r = new java.util.SplittableRandom(4);
                int columns = spec.action().width() == 1 && spec.action() instanceof ActionSpace.Discrete d ? d.n() : spec.action().width();
                for (int step = 0; step < 4; step++) {
                    int rows = step == 3 ? 11 : 16;   // a last, shorter minibatch as a rollout's tail gives
                    float[][] obs = new float[rows][13];
                    float[][] actions = new float[rows][columns];
                    double[] old = new double[rows];
                    double[] adv = new double[rows];
                    double[] ret = new double[rows];
                    for (int b = 0; b < rows; b++) {
                        for (int i = 0; i < 13; i++) obs[b][i] = (float) (r.nextDouble() * 2 - 1);
                        if (spec == discrete) actions[b][r.nextInt(columns)] = 1f;
                        else for (int j = 0; j < columns; j++) actions[b][j] = (float) (r.nextDouble() * 2 - 1);
                        // old log-probabilities near the current ones, some far enough for the clip to bind
                        old[b] = (spec == discrete ? -1.6 : -4.5) + (r.nextDouble() - 0.5) * (b % 3 == 0 ? 1.5 : 0.1);
                        adv[b] = r.nextDouble() * 2 - 1;
                        ret[b] = r.nextDouble() * 2 - 1;
                    }
                    OnPolicyBatch batch = OnPolicyBatch.of(obs, actions, old, adv, ret);
                    float[] a = host.step(batch, dev.strat.runtime.rl.nn.Mode.train(new java.util.SplittableRandom(1)));
                    float[] b = torch.step(batch, dev.strat.runtime.rl.nn.Mode.train(new java.util.SplittableRandom(1)));
                    for (int k = 0; k < b.length; k++) assertEquals(b[k], a[k], 1e-4 * Math.max(1, Math.abs(b[k])), "term " + k + ", step " + step);
                }
                assertSameParameters(host.nets.parameters(), torch.nets.parameters(), "");
                assertEquals(4, host.updates());
            }
        }
    }

    /**
     * A2C on Java kernels against PyTorch: the same seed acting on the same observations through
     * three updates (RMSprop, clipped gradients) reports the same losses and ends with the same
     * parameters up to rounding, continuous and discrete.
     */
    @Test
    void a2cOnJavaKernelsMovesTheNetworksAsPyTorchDoes() {
        EnvSpec discrete = new EnvSpec(ObservationLayout.flat(13), new ActionSpace.Discrete(5), 10);
        NetSpec net = new NetSpec.Mlp(List.of(24, 20), Activation.TANH, false, 0);
        for (EnvSpec spec : List.of(SPEC, discrete)) {
            A2c.Config config = A2c.Config.defaults().withNets(net, net);
            try (A2c host = with("java", () -> new A2c(spec, config, 6, Compute.cpu()));
                 A2c torch = with("torch", () -> new A2c(spec, config, 6, Compute.cpu()))) {
                assertTrue(host.onHostKernels());
                assertFalse(torch.onHostKernels());
                java.util.SplittableRandom r = new java.util.SplittableRandom(2);
                float[] obs = new float[13];
                float[] a = new float[spec.action().width()];
                float[] b = new float[a.length];
                for (int step = 0; step < 15; step++) {
                    for (int i = 0; i < obs.length; i++) obs[i] = (float) (r.nextDouble() * 2 - 1);
                    host.act(obs, true, a);
                    torch.act(obs, true, b);
                    double reward = (step % 4) - 1.5;
                    host.observe(obs, a, reward, obs, false, step == 7);
                    torch.observe(obs, b, reward, obs, false, step == 7);
                    if (step % 5 == 4) {
                        for (String loss : torch.losses().values().keySet()) {
                            double want = torch.losses().values().get(loss);
                            assertEquals(want, host.losses().values().get(loss), 1e-4 * Math.max(1, Math.abs(want)), loss + " after step " + step);
                        }
                    }
                }
                assertEquals(3, host.updates());
                assertSameParameters(host.nets.parameters(), torch.nets.parameters(), "");
            }
        }
    }
}
