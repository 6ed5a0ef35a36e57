package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.ObservationLayout;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.Mode;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.nn.Param;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PPO's and A2C's losses on a tiny case with known weights (2 inputs, one hidden layer of 2
 * tanh units), against the same formulas evaluated independently in double arithmetic.
 */
class OnPolicyLossTest {

    private static final NetSpec NET = new NetSpec.Mlp(List.of(2), Activation.TANH, false, 0);
    private static final double[][] X = {{0.5, -1.0}, {1.5, 0.2}, {-0.3, 0.8}, {0.1, 0.1}};
    private static final double[] ADV = {1.0, 0.8, -0.6, 0.5};
    private static final double[] RET = {0.2, -0.1, 0.4, 1.0};
    /** logp - logp_old: ratios 1.105 (inside the clip range), 1.65 (above, A > 0), 0.61 (below, A < 0), 0.67 (below, A > 0). */
    private static final double[] LOG_RATIO = {0.1, 0.5, -0.5, -0.4};
    private static final double CLIP = 0.2;
    private static final double ENT = 0.01;
    private static final double VF = 0.5;

    private static final double[][] A_W0 = {{0.4, -0.3}, {0.2, 0.5}};
    private static final double[] A_B0 = {0.1, -0.2};
    private static final double[][] A_W1_CONT = {{0.7, -0.4}, {-0.1, 0.9}};
    private static final double[] A_B1_CONT = {0.05, -0.15};
    private static final double[][] A_W1_DISC = {{0.7, -0.4}, {-0.1, 0.9}, {0.3, 0.3}};
    private static final double[] A_B1_DISC = {0.05, -0.15, 0.2};
    private static final double[][] C_W0 = {{-0.6, 0.1}, {0.3, 0.8}};
    private static final double[] C_B0 = {0.0, 0.25};
    private static final double[][] C_W1 = {{1.2, -0.7}};
    private static final double[] C_B1 = {0.1};
    private static final double[] LOG_STD = {-0.5, 0.3};
    private static final double[][] CONT_ACTIONS = {{0.2, -0.1}, {-0.5, 0.4}, {0.9, 0.0}, {0.1, 1.3}};
    private static final int[] DISC_ACTIONS = {0, 2, 1, 2};

    @Test
    void ppoContinuousLossMatchesHandComputation() {
        EnvSpec spec = new EnvSpec(ObservationLayout.flat(2), new ActionSpace.Continuous(2), 10);
        try (Ppo ppo = new Ppo(spec, ppoConfig(), 1, Compute.cpu())) {
            setWeights(ppo, true);
            double[] logp = new double[4];
            double[][] acts = new double[4][];
            for (int k = 0; k < 4; k++) {
                logp[k] = gaussianLogProb(mlp(A_W0, A_B0, A_W1_CONT, A_B1_CONT, X[k]), CONT_ACTIONS[k]);
                acts[k] = CONT_ACTIONS[k];
            }
            double entropy = 0;
            for (double s : LOG_STD) entropy += 0.5 + 0.5 * Math.log(2 * Math.PI) + s;
            checkPpo(ppo, batch(acts, logp), entropy);
        }
    }

    @Test
    void ppoDiscreteLossMatchesHandComputation() {
        EnvSpec spec = new EnvSpec(ObservationLayout.flat(2), new ActionSpace.Discrete(3), 10);
        try (Ppo ppo = new Ppo(spec, ppoConfig(), 1, Compute.cpu())) {
            setWeights(ppo, false);
            double[] logp = new double[4];
            double[][] acts = new double[4][];
            double entropy = 0;
            for (int k = 0; k < 4; k++) {
                double[] lsm = logSoftmax(mlp(A_W0, A_B0, A_W1_DISC, A_B1_DISC, X[k]));
                logp[k] = lsm[DISC_ACTIONS[k]];
                acts[k] = new double[3];
                acts[k][DISC_ACTIONS[k]] = 1;
                for (double l : lsm) entropy -= Math.exp(l) * l / 4;
            }
            checkPpo(ppo, batch(acts, logp), entropy);
        }
    }

    @Test
    void a2cContinuousAndDiscreteLossesMatchHandComputation() {
        for (boolean continuous : new boolean[]{true, false}) {
            ActionSpace space = continuous ? new ActionSpace.Continuous(2) : new ActionSpace.Discrete(3);
            EnvSpec spec = new EnvSpec(ObservationLayout.flat(2), space, 10);
            try (A2c a2c = new A2c(spec, A2c.Config.defaults().withNet(NET).withEntCoef(ENT), 1, Compute.cpu())) {
                setWeights(a2c, continuous);
                double[] logp = new double[4];
                double[][] acts = new double[4][];
                double entropy = 0;
                for (int k = 0; k < 4; k++) {
                    if (continuous) {
                        logp[k] = gaussianLogProb(mlp(A_W0, A_B0, A_W1_CONT, A_B1_CONT, X[k]), CONT_ACTIONS[k]);
                        acts[k] = CONT_ACTIONS[k];
                    } else {
                        double[] lsm = logSoftmax(mlp(A_W0, A_B0, A_W1_DISC, A_B1_DISC, X[k]));
                        logp[k] = lsm[DISC_ACTIONS[k]];
                        acts[k] = new double[3];
                        acts[k][DISC_ACTIONS[k]] = 1;
                        for (double l : lsm) entropy -= Math.exp(l) * l / 4;
                    }
                }
                if (continuous) for (double s : LOG_STD) entropy += 0.5 + 0.5 * Math.log(2 * Math.PI) + s;
                double policy = 0;
                for (int k = 0; k < 4; k++) policy -= ADV[k] * logp[k] / 4;
                double value = valueLoss();
                try (NDManager scope = a2c.manager.newSubManager()) {
                    A2c.Terms t = a2c.loss(scope, batch(acts, logp), Mode.EVAL);
                    assertEquals(policy, t.policy().getFloat(), 1e-5, "policy loss");
                    assertEquals(value, t.value().getFloat(), 1e-5, "value loss");
                    assertEquals(entropy, t.entropy().getFloat(), 1e-5, "entropy");
                    assertEquals(policy + VF * value - ENT * entropy, t.total().getFloat(), 1e-5, "total loss");
                }
            }
        }
    }

    private static Ppo.Config ppoConfig() {
        return Ppo.Config.defaults().withNet(NET).withEntCoef(ENT).withVfCoef(VF).withClipRange(CLIP);
    }

    private static void checkPpo(Ppo ppo, OnPolicyBatch batch, double entropy) {
        double policy = 0;
        double kl = 0;
        double clipped = 0;
        for (int k = 0; k < 4; k++) {
            double r = Math.exp(LOG_RATIO[k]);
            double bounded = Math.max(1 - CLIP, Math.min(1 + CLIP, r));
            policy -= Math.min(r * ADV[k], bounded * ADV[k]) / 4;
            kl += (r - 1 - Math.log(r)) / 4;
            if (Math.abs(r - 1) > CLIP) clipped += 0.25;
        }
        // The cases really cover both sides: the first is unclipped, the second and third clipped.
        assertEquals(0.75, clipped);
        double value = valueLoss();
        try (NDManager scope = ppo.manager.newSubManager()) {
            Ppo.Terms t = ppo.loss(scope, batch, Mode.EVAL);
            assertEquals(policy, t.policy().getFloat(), 1e-5, "clipped surrogate");
            assertEquals(value, t.value().getFloat(), 1e-5, "value loss");
            assertEquals(entropy, t.entropy().getFloat(), 1e-5, "entropy");
            assertEquals(policy + VF * value - ENT * entropy, t.total().getFloat(), 1e-5, "total loss");
            assertEquals(kl, t.approxKl().getFloat(), 1e-5, "approximate KL");
            assertEquals(0.75, t.clipFraction().getFloat(), 1e-6, "clip fraction");
        }
    }

    private static double valueLoss() {
        double value = 0;
        for (int k = 0; k < 4; k++) {
            double v = mlp(C_W0, C_B0, C_W1, C_B1, X[k])[0];
            value += (RET[k] - v) * (RET[k] - v) / 4;
        }
        return value;
    }

    /** A batch whose old log-probabilities make the ratios exp(LOG_RATIO). */
    private static OnPolicyBatch batch(double[][] actions, double[] logp) {
        float[][] obs = new float[4][];
        float[][] acts = new float[4][];
        double[] old = new double[4];
        for (int k = 0; k < 4; k++) {
            obs[k] = new float[]{(float) X[k][0], (float) X[k][1]};
            acts[k] = new float[actions[k].length];
            for (int i = 0; i < acts[k].length; i++) acts[k][i] = (float) actions[k][i];
            old[k] = logp[k] - LOG_RATIO[k];
        }
        return OnPolicyBatch.of(obs, acts, old, ADV, RET);
    }

    private static void setWeights(OnPolicyAgent agent, boolean continuous) {
        List<Param> p = agent.nets.parameters();
        set(p.get(0), A_W0);
        set(p.get(1), A_B0);
        set(p.get(2), continuous ? A_W1_CONT : A_W1_DISC);
        set(p.get(3), continuous ? A_B1_CONT : A_B1_DISC);
        set(p.get(4), C_W0);
        set(p.get(5), C_B0);
        set(p.get(6), C_W1);
        set(p.get(7), C_B1);
        if (continuous) set(p.get(8), LOG_STD);
        assertEquals(continuous ? 9 : 8, p.size());
        agent.nets.changed();
    }

    private static void set(Param p, double[][] m) {
        float[] v = new float[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) for (int c = 0; c < m[0].length; c++) v[r * m[0].length + c] = (float) m[r][c];
        assertEquals(v.length, p.value().size(), p.name());
        p.value().set(v);
    }

    private static void set(Param p, double[] b) {
        set(p, new double[][]{b});
    }

    private static double[] mlp(double[][] w0, double[] b0, double[][] w1, double[] b1, double[] x) {
        double[] h = new double[w0.length];
        for (int i = 0; i < h.length; i++) {
            double s = b0[i];
            for (int j = 0; j < x.length; j++) s += w0[i][j] * (float) x[j];
            h[i] = Math.tanh(s);
        }
        double[] out = new double[w1.length];
        for (int i = 0; i < out.length; i++) {
            double s = b1[i];
            for (int j = 0; j < h.length; j++) s += w1[i][j] * h[j];
            out[i] = s;
        }
        return out;
    }

    private static double gaussianLogProb(double[] mean, double[] action) {
        double lp = 0;
        for (int i = 0; i < mean.length; i++) {
            double z = (action[i] - mean[i]) / Math.exp(LOG_STD[i]);
            lp += -0.5 * z * z - LOG_STD[i] - 0.5 * Math.log(2 * Math.PI);
        }
        return lp;
    }

    private static double[] logSoftmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) max = Math.max(max, l);
        double sum = 0;
        for (double l : logits) sum += Math.exp(l - max);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) out[i] = logits[i] - max - Math.log(sum);
        return out;
    }
}
