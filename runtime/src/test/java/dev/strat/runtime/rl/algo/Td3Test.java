package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.ObservationLayout;
import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static dev.strat.runtime.rl.algo.OffPolicyTesting.*;
import static org.junit.jupiter.api.Assertions.*;

class Td3Test {

    private static Td3.Config tiny() {
        return Td3.Config.defaults().withNets(NetSpec.Mlp.of(3), NetSpec.Mlp.of(3)).withBatch(2);
    }

    @Test
    void criticAndActorLossesMatchHandComputation() {
        try (Td3 agent = new Td3(tinySpec(), tiny(), 1, Compute.cpu())) {
            setPattern(agent.actor.parameters(), 0.1);
            setPattern(agent.actorTarget.parameters(), 0.7);
            setPattern(agent.critic.parameters(), 1.3);
            setPattern(agent.criticTarget.parameters(), 2.9);
            float[] obs = {0.5f, -1.0f, 0.2f, 0.8f};
            float[] next = {0.4f, -0.9f, -0.3f, 1.1f};
            float[] act = {0.3f, -0.6f};
            float[] rew = {0.05f, -0.02f};
            float[] disc = {0.99f, 0f};
            float[] noise = {0.5f, -0.4f};     // 0.5 + target action exceeds 1 on some weights: clip exercised
            System.arraycopy(obs, 0, agent.batchObs, 0, 4);
            System.arraycopy(next, 0, agent.batchNext, 0, 4);
            System.arraycopy(act, 0, agent.batchActions, 0, 2);
            System.arraycopy(rew, 0, agent.batchRewards, 0, 2);
            System.arraycopy(disc, 0, agent.batchDiscounts, 0, 2);
            System.arraycopy(noise, 0, agent.batchNoise, 0, 2);

            double critic = 0;
            double actor = 0;
            for (int b = 0; b < 2; b++) {
                double[] s = {obs[2 * b], obs[2 * b + 1]};
                double[] s2 = {next[2 * b], next[2 * b + 1]};
                double a2 = Math.tanh(mlp(agent.actorTarget.parameters(), s2, 2, 3, 1, false, 0)[0]) + noise[b];
                a2 = Math.max(-1, Math.min(1, a2));
                double[] in2 = {s2[0], s2[1], a2};
                double q2 = Math.min(mlp(agent.criticTarget.parameters(), in2, 3, 3, 1, true, 0)[0],
                        mlp(agent.criticTarget.parameters(), in2, 3, 3, 1, true, 1)[0]);
                double y = rew[b] + disc[b] * q2;
                double[] in = {s[0], s[1], act[b]};
                for (int k = 0; k < 2; k++) {
                    double q = mlp(agent.critic.parameters(), in, 3, 3, 1, true, k)[0];
                    critic += (q - y) * (q - y) / 2;    // mean over the batch, summed over critics
                }
                double a = Math.tanh(mlp(agent.actor.parameters(), s, 2, 3, 1, false, 0)[0]);
                actor -= mlp(agent.critic.parameters(), new double[] {s[0], s[1], a}, 3, 3, 1, true, 0)[0] / 2;
            }
            assertEquals(critic, agent.criticLossValue(), 1e-5 * Math.max(1, Math.abs(critic)));
            assertEquals(actor, agent.actorLossValue(), 1e-5 * Math.max(1, Math.abs(actor)));
            assertNotEquals(0, critic, 1e-3);
        }
    }

    /**
     * The update seeds backward with the losses' gradients instead of recording the losses: three
     * updates (two with an actor step) must move every network exactly as autograd through the
     * written losses does, and report the same losses.
     */
    @Test
    void theSeededUpdateMovesTheNetworksAsAutogradThroughTheLossesDoes() {
        Td3.Config config = Td3.Config.defaults().withNets(NetSpec.Mlp.of(5, 4), NetSpec.Mlp.of(5, 4)).withBatch(6);
        try (Td3 fast = new Td3(tinySpec(), config, 3, Compute.cpu()); Td3 reference = new Td3(tinySpec(), config, 3, Compute.cpu())) {
            assertUpdatesMatchTheReference(fast, reference, t -> java.util.List.of(t.actor, t.critic, t.actorTarget, t.criticTarget),
                    (t, seed) -> fillBatch(seed, t.batchDiscounts, t.batchObs, t.batchNext, t.batchActions, t.batchRewards, t.batchNoise));
        }
    }

    private static Td3.Config small() {
        return Td3.Config.defaults().withNets(NetSpec.Mlp.of(16, 16), NetSpec.Mlp.of(16, 16)).withBatch(32).withLearningStarts(50);
    }

    @Test
    void sameSeedGivesSameRunAndAnotherSeedDiffers() {
        assertSameSeedSameRun(seed -> new Td3(driftEnv(3).spec(), small(), seed, Compute.cpu()), driftEnv(3),
                agent -> assertTrue(agent.updates() > 200));
    }

    @Test
    void learnsToHoldTheDriftingAsset() {
        SyntheticPortfolioEnv env = learningEnv();
        Td3.Config config = Td3.Config.defaults().withNets(NetSpec.Mlp.of(32, 32), NetSpec.Mlp.of(32, 32)).withLearningStarts(200)
                .withGamma(0.9);
        // 2,500 steps leave about one seed in twenty holding half or less, on PyTorch's kernels and
        // on Java's alike (measured over seeds 1-40: 2 of 40 each, different seeds), so four of five must learn
        assertMostLearnToHoldTheDriftingAsset(seed -> new Td3(env.spec(), config, seed, Compute.cpu()), env, scaled(env, 100), 2500, 4,
                1, 2, 3, 4, 5);
    }

    @Test
    void saveAndLoadRestoreTheAgent() throws IOException {
        SyntheticPortfolioEnv env = driftEnv(3);
        assertSaveAndLoadRestore(seed -> new Td3(env.spec(), small(), seed, Compute.cpu()), env, agent -> 0);
    }

    @Test
    void updatesLeaveNoTensorsBehind() {
        SyntheticPortfolioEnv env = driftEnv(3);
        try (Td3 agent = new Td3(env.spec(), small(), 7, Compute.cpu())) {
            train(agent, env, 80, 2);
            int before = agent.root.getManagedArrays().size();
            train(agent, env, 60, 3);
            assertEquals(before, agent.root.getManagedArrays().size(), "tensors owned by the agent's manager");
        }
        try (Sac agent = new Sac(env.spec(), Sac.Config.defaults().withNets(NetSpec.Mlp.of(8), NetSpec.Mlp.of(8)).withBatch(16)
                .withLearningStarts(20), 7, Compute.cpu())) {
            train(agent, env, 40, 2);
            int before = agent.root.getManagedArrays().size();
            train(agent, env, 60, 3);
            assertEquals(before, agent.root.getManagedArrays().size(), "tensors owned by the agent's manager");
        }
    }

    @Test
    void rejectsDiscreteActions() {
        EnvSpec spec = new EnvSpec(ObservationLayout.flat(3), new ActionSpace.Discrete(4), 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Td3(spec, tiny(), 1, Compute.cpu()));
        assertTrue(e.getMessage().contains("continuous"), e.getMessage());
    }
}
