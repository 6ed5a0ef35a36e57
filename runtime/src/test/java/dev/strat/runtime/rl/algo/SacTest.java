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

class SacTest {

    private static Sac.Config tiny() {
        return Sac.Config.defaults().withNets(NetSpec.Mlp.of(3), NetSpec.Mlp.of(3)).withBatch(2);
    }

    @Test
    void lossesAndSquashedLogProbMatchHandComputation() {
        try (Sac agent = new Sac(tinySpec(), tiny(), 1, Compute.cpu())) {
            setPattern(agent.actor.parameters(), 0.1);
            setPattern(agent.critic.parameters(), 1.3);
            setPattern(agent.criticTarget.parameters(), 2.9);
            agent.logAlpha = Math.log(0.5);
            double alpha = 0.5;
            float[] obs = {0.5f, -1.0f, 0.2f, 0.8f};
            float[] next = {0.4f, -0.9f, -0.3f, 1.1f};
            float[] act = {0.3f, -0.6f};
            float[] rew = {0.05f, -0.02f};
            float[] disc = {0.99f, 0f};
            float[] eps = {1.2f, -0.7f};
            float[] nextEps = {-0.4f, 2.1f};
            System.arraycopy(obs, 0, agent.batchObs, 0, 4);
            System.arraycopy(next, 0, agent.batchNext, 0, 4);
            System.arraycopy(act, 0, agent.batchActions, 0, 2);
            System.arraycopy(rew, 0, agent.batchRewards, 0, 2);
            System.arraycopy(disc, 0, agent.batchDiscounts, 0, 2);
            System.arraycopy(eps, 0, agent.batchEps, 0, 2);
            System.arraycopy(nextEps, 0, agent.batchNextEps, 0, 2);

            double[] logp = new double[2];
            double[] a = new double[2];
            double critic = 0;
            double actor = 0;
            for (int b = 0; b < 2; b++) {
                double[] s = {obs[2 * b], obs[2 * b + 1]};
                double[] s2 = {next[2 * b], next[2 * b + 1]};
                double[] pi = squashed(agent, s, eps[b]);
                a[b] = pi[0];
                logp[b] = pi[1];
                double[] pi2 = squashed(agent, s2, nextEps[b]);
                double[] in2 = {s2[0], s2[1], pi2[0]};
                double q2 = Math.min(mlp(agent.criticTarget.parameters(), in2, 3, 3, 1, true, 0)[0],
                        mlp(agent.criticTarget.parameters(), in2, 3, 3, 1, true, 1)[0]);
                double y = rew[b] + disc[b] * (q2 - alpha * pi2[1]);
                double[] in = {s[0], s[1], act[b]};
                for (int k = 0; k < 2; k++) {
                    double q = mlp(agent.critic.parameters(), in, 3, 3, 1, true, k)[0];
                    critic += 0.5 * (q - y) * (q - y) / 2;
                }
                double[] inPi = {s[0], s[1], a[b]};
                double qPi = Math.min(mlp(agent.critic.parameters(), inPi, 3, 3, 1, true, 0)[0],
                        mlp(agent.critic.parameters(), inPi, 3, 3, 1, true, 1)[0]);
                actor += (alpha * logp[b] - qPi) / 2;
            }
            float[] gotLogp = agent.logProbValues();
            float[] gotA = agent.sampleValues();
            for (int b = 0; b < 2; b++) {
                assertEquals(logp[b], gotLogp[b], 1e-5, "log pi row " + b);
                assertEquals(a[b], gotA[b], 1e-6, "action row " + b);
            }
            double entropy = -Math.log(alpha) * ((logp[0] + logp[1]) / 2 - 1);   // target entropy -dim = -1
            assertEquals(entropy, agent.entropyLossValue(), 1e-5);
            assertEquals(critic, agent.criticLossValue(), 1e-5 * Math.max(1, Math.abs(critic)));
            assertEquals(actor, agent.actorLossValue(), 1e-5 * Math.max(1, Math.abs(actor)));
        }
    }

    /** {tanh(u), log pi} for one observation in double, the correction as log(1 - tanh(u)^2). */
    private static double[] squashed(Sac agent, double[] s, double eps) {
        double[] out = mlp(agent.actor.parameters(), s, 2, 3, 2, false, 0);
        double logStd = Math.max(-20, Math.min(2, out[1]));
        double u = out[0] + Math.exp(logStd) * eps;
        double a = Math.tanh(u);
        double logp = -0.5 * eps * eps - logStd - 0.5 * Math.log(2 * Math.PI) - Math.log(1 - a * a);
        return new double[] {a, logp};
    }

    private static Sac.Config small() {
        return Sac.Config.defaults().withNets(NetSpec.Mlp.of(16, 16), NetSpec.Mlp.of(16, 16)).withBatch(32).withLearningStarts(50);
    }

    /**
     * The update seeds backward with the losses' gradients instead of recording the losses: three
     * updates must move every network (and the temperature) exactly as autograd through the
     * written losses does, and report the same losses.
     */
    @Test
    void theSeededUpdateMovesTheNetworksAsAutogradThroughTheLossesDoes() {
        Sac.Config config = Sac.Config.defaults().withNets(NetSpec.Mlp.of(5, 4), NetSpec.Mlp.of(5, 4)).withBatch(6);
        try (Sac fast = new Sac(tinySpec(), config, 3, Compute.cpu()); Sac reference = new Sac(tinySpec(), config, 3, Compute.cpu())) {
            assertUpdatesMatchTheReference(fast, reference, s -> java.util.List.of(s.actor, s.critic, s.criticTarget),
                    (s, seed) -> fillBatch(seed, s.batchDiscounts, s.batchObs, s.batchNext, s.batchActions, s.batchRewards, s.batchEps,
                            s.batchNextEps));
            assertEquals(reference.alpha(), fast.alpha(), 1e-12, "the temperature");
        }
    }

    @Test
    void sameSeedGivesSameRunAndAnotherSeedDiffers() {
        assertSameSeedSameRun(seed -> new Sac(driftEnv(3).spec(), small(), seed, Compute.cpu()), driftEnv(3), agent -> {
            assertTrue(agent.updates() > 200);
            assertNotEquals(1.0, agent.alpha(), 1e-6, "the temperature is tuned");
        });
    }

    @Test
    void learnsToHoldTheDriftingAsset() {
        SyntheticPortfolioEnv env = driftEnv(3);
        Sac.Config config = Sac.Config.defaults().withNets(NetSpec.Mlp.of(32, 32), NetSpec.Mlp.of(32, 32)).withBatch(64)
                .withLearningRate(1e-3).withLearningStarts(200).withAutoEntropy(0.01, Double.NaN).withGamma(0.9);
        assertLearnsToHoldTheDriftingAsset(seed -> new Sac(env.spec(), config, seed, Compute.cpu()), env, env, 3000, 3);
    }

    @Test
    void saveAndLoadRestoreTheAgent() throws IOException {
        SyntheticPortfolioEnv env = driftEnv(3);
        assertSaveAndLoadRestore(seed -> new Sac(env.spec(), small(), seed, Compute.cpu()), env, Sac::alpha);
    }

    @Test
    void rejectsDiscreteActions() {
        EnvSpec spec = new EnvSpec(ObservationLayout.flat(3), new ActionSpace.Discrete(4), 10);
        assertThrows(IllegalArgumentException.class, () -> new Sac(spec, tiny(), 1, Compute.cpu()));
    }
}
