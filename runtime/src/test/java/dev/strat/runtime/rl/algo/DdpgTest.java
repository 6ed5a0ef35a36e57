package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static dev.strat.runtime.rl.algo.OffPolicyTesting.*;
import static org.junit.jupiter.api.Assertions.*;

class DdpgTest {

    @Test
    void criticAndActorLossesMatchHandComputation() {
        Ddpg.Config config = Ddpg.Config.defaults().withNets(NetSpec.Mlp.of(3), NetSpec.Mlp.of(3)).withBatch(2);
        try (Ddpg agent = new Ddpg(tinySpec(), config, 1, Compute.cpu())) {
            setPattern(agent.actor.parameters(), 0.1);
            setPattern(agent.actorTarget.parameters(), 0.7);
            setPattern(agent.critic.parameters(), 1.3);
            setPattern(agent.criticTarget.parameters(), 2.9);
            float[] obs = {0.5f, -1.0f, 0.2f, 0.8f};
            float[] next = {0.4f, -0.9f, -0.3f, 1.1f};
            float[] act = {0.3f, -0.6f};
            float[] rew = {0.05f, -0.02f};
            float[] disc = {0.99f, 0f};
            System.arraycopy(obs, 0, agent.batchObs, 0, 4);
            System.arraycopy(next, 0, agent.batchNext, 0, 4);
            System.arraycopy(act, 0, agent.batchActions, 0, 2);
            System.arraycopy(rew, 0, agent.batchRewards, 0, 2);
            System.arraycopy(disc, 0, agent.batchDiscounts, 0, 2);
            double critic = 0;
            double actor = 0;
            for (int b = 0; b < 2; b++) {
                double[] s = {obs[2 * b], obs[2 * b + 1]};
                double[] s2 = {next[2 * b], next[2 * b + 1]};
                double a2 = Math.tanh(mlp(agent.actorTarget.parameters(), s2, 2, 3, 1, false, 0)[0]);    // no smoothing noise
                double y = rew[b] + disc[b] * mlp(agent.criticTarget.parameters(), new double[] {s2[0], s2[1], a2}, 3, 3, 1, false, 0)[0];
                double q = mlp(agent.critic.parameters(), new double[] {s[0], s[1], act[b]}, 3, 3, 1, false, 0)[0];
                critic += (q - y) * (q - y) / 2;
                double a = Math.tanh(mlp(agent.actor.parameters(), s, 2, 3, 1, false, 0)[0]);
                actor -= mlp(agent.critic.parameters(), new double[] {s[0], s[1], a}, 3, 3, 1, false, 0)[0] / 2;
            }
            assertEquals(critic, agent.criticLossValue(), 1e-5 * Math.max(1, Math.abs(critic)));
            assertEquals(actor, agent.actorLossValue(), 1e-5 * Math.max(1, Math.abs(actor)));
        }
    }

    private static Ddpg.Config small() {
        return Ddpg.Config.defaults().withNets(NetSpec.Mlp.of(16, 16), NetSpec.Mlp.of(16, 16)).withBatch(32).withLearningStarts(50);
    }

    @Test
    void sameSeedGivesSameRunAndAnotherSeedDiffers() {
        assertSameSeedSameRun(seed -> new Ddpg(driftEnv(3).spec(), small(), seed, Compute.cpu()), driftEnv(3),
                agent -> assertEquals(250, agent.updates(), "an actor and critic update per step after learning starts"));
    }

    @Test
    void learnsToHoldTheDriftingAsset() {
        SyntheticPortfolioEnv env = learningEnv();
        Ddpg.Config config = Ddpg.Config.defaults().withNets(NetSpec.Mlp.of(32, 32), NetSpec.Mlp.of(32, 32)).withLearningStarts(200)
                .withGamma(0.9);
        assertLearnsToHoldTheDriftingAsset(seed -> new Ddpg(env.spec(), config, seed, Compute.cpu()), env, scaled(env, 100), 2500, 1, 2, 3);
    }

    @Test
    void saveAndLoadRestoreTheAgent() throws IOException {
        SyntheticPortfolioEnv env = driftEnv(3);
        assertSaveAndLoadRestore(seed -> new Ddpg(env.spec(), small(), seed, Compute.cpu()), env, agent -> 0);
    }
}
