package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.ObservationLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Autograd gradients of every module type against central finite differences of
 * {@code sum(output * c)} in float32 (relative tolerance 1e-2, absolute floor 1e-3). Smooth
 * activations (tanh) keep the differences away from ReLU kinks.
 */
class GradientCheckTest {

    private static final double EPS = 1e-2;
    private static final int BATCH = 3;
    private static NDManager root;

    @BeforeAll
    static void start() {
        root = NnFixture.root();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    private static void check(NetSpec spec, ObservationLayout layout, int outputs, Supplier<Mode> mode) {
        check(spec, layout, outputs, mode, BATCH);
    }

    private static void check(NetSpec spec, ObservationLayout layout, int outputs, Supplier<Mode> mode, int batch) {
        Module net = NnFixture.build(root, spec, layout, outputs, 11);
        float[] x = NnFixture.randoms(batch * layout.size(), 12);
        float[] c = NnFixture.randoms(batch * outputs, 13);
        float[][] analytic = NnFixture.gradients(root, net, x, batch, c, mode.get());
        List<Param> params = net.parameters();
        SplittableRandom pick = new SplittableRandom(14);
        int compared = 0;
        double largest = 0;
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            float[] v = p.value().toFloatArray();
            // Every element of small tensors, a sample of 6 of larger ones.
            int samples = Math.min(v.length, 6);
            for (int s = 0; s < samples; s++) {
                int i = v.length <= 6 ? s : pick.nextInt(v.length);
                float original = v[i];
                v[i] = (float) (original + EPS);
                p.value().set(v);
                double plus = NnFixture.loss(root, net, x, batch, c, mode.get());
                v[i] = (float) (original - EPS);
                p.value().set(v);
                double minus = NnFixture.loss(root, net, x, batch, c, mode.get());
                v[i] = original;
                p.value().set(v);
                double numeric = (plus - minus) / (2 * EPS);
                double a = analytic[k][i];
                largest = Math.max(largest, Math.abs(a));
                if (Math.abs(a - numeric) > 1e-2 * Math.max(Math.abs(a), Math.abs(numeric)) + 1e-3) {
                    fail(spec.describe() + ": d loss / d " + p.name() + "[" + i + "] autograd " + a + " vs finite difference " + numeric);
                }
                compared++;
            }
        }
        assertTrue(compared > 0 && largest > 1e-2, spec.describe() + ": gradients too small to check anything (" + largest + ")");
    }

    private static Mode eval() {
        return Mode.EVAL;
    }

    /** The same dropout mask on every pass, so finite differences see a fixed function. */
    private static Mode fixedMask() {
        return Mode.train(new SplittableRandom(21));
    }

    @Test
    void linearMlp() {
        check(new NetSpec.Mlp(List.of(5, 4), Activation.TANH, false, 0), ObservationLayout.flat(4), 2, GradientCheckTest::eval);
    }

    @Test
    void batchNormOnBatchStatistics() {
        // Eight rows: on three, normalising by the batch's own spread is so curved that a 1e-2
        // step's finite difference is off by several percent (a 3e-3 step agrees).
        check(new NetSpec.Mlp(List.of(5), Activation.TANH, true, 0), ObservationLayout.flat(4), 2, GradientCheckTest::fixedMask, 8);
    }

    @Test
    void batchNormOnRunningStatistics() {
        check(new NetSpec.Mlp(List.of(5), Activation.TANH, true, 0), ObservationLayout.flat(4), 2, GradientCheckTest::eval);
    }

    @Test
    void dropout() {
        check(new NetSpec.Mlp(List.of(6, 5), Activation.TANH, false, 0.3), ObservationLayout.flat(4), 2, GradientCheckTest::fixedMask);
    }

    @Test
    void cnn() {
        check(new NetSpec.Cnn(List.of(3, 2), 2, List.of(4), Activation.TANH), new ObservationLayout(4, 2, 2, 2), 2,
                GradientCheckTest::eval);
    }

    @Test
    void gruAttentionScores() {
        check(new NetSpec.GruAttention(3, 2), new ObservationLayout(4, 3, 2, 0), 3, GradientCheckTest::eval);
    }

    @Test
    void gruAttentionFlattenedHead() {
        check(new NetSpec.GruAttention(3, 2), new ObservationLayout(3, 2, 2, 2), 1, GradientCheckTest::eval);
    }

    @Test
    void towersWithHead() {
        ObservationLayout tensor = new ObservationLayout(3, 2, 1, 0);
        NetSpec.Tower conv = new NetSpec.Tower("conv", new NetSpec.Cnn(List.of(2), 2, List.of(3), Activation.TANH), 0, 6, tensor, 0);
        NetSpec.Tower flat = new NetSpec.Tower("flat", new NetSpec.Mlp(List.of(3), Activation.TANH, false, 0), 6, 9,
                ObservationLayout.flat(3), 2);
        check(new NetSpec.Towers(List.of(conv, flat), List.of(4), Activation.TANH), new ObservationLayout(3, 2, 1, 3), 2,
                GradientCheckTest::eval);
    }
}
