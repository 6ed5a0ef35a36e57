package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.ObservationLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static dev.strat.runtime.rl.nn.NnFixture.STRUCTURED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The seed alone fixes the initial weights and (with the same mode stream) the outputs. */
class DeterminismTest {

    private static NDManager root;

    @BeforeAll
    static void start() {
        root = NnFixture.root();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    private static final List<NetSpec> SPECS = List.of(
            NetSpec.Mlp.of(8, 4),
            new NetSpec.Mlp(List.of(8, 4), Activation.RELU, true, 0.3),
            new NetSpec.Cnn(List.of(3), 2, List.of(5), Activation.RELU),
            new NetSpec.GruAttention(4, 3),
            new NetSpec.Towers(List.of(
                    new NetSpec.Tower("t", new NetSpec.GruAttention(3, 2), 0, 36, new ObservationLayout(6, 3, 2, 0), 0),
                    new NetSpec.Tower("f", new NetSpec.Mlp(List.of(3), Activation.RELU, false, 0.2), 36, 40, ObservationLayout.flat(4), 2)),
                    List.of(4), Activation.RELU));

    private static float[] weights(Module net) {
        int n = (int) Params.count(net.parameters());
        float[] all = new float[n];
        int at = 0;
        for (Param p : net.parameters()) {
            float[] v = p.value().toFloatArray();
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        return all;
    }

    @Test
    void sameSeedSameWeightsAndOutputs() {
        float[] x = NnFixture.randoms(4 * STRUCTURED.size(), 3);
        for (NetSpec spec : SPECS) {
            Module a = NnFixture.build(root, spec, STRUCTURED, 3, 42);
            Module b = NnFixture.build(root, spec, STRUCTURED, 3, 42);
            assertEquals(a.parameters().stream().map(Param::name).toList(), b.parameters().stream().map(Param::name).toList());
            assertArrayEquals(weights(a), weights(b), spec.describe());
            assertArrayEquals(NnFixture.forward(root, a, x, 4, Mode.train(new SplittableRandom(5))).values(),
                    NnFixture.forward(root, b, x, 4, Mode.train(new SplittableRandom(5))).values(), spec.describe() + " training");
            assertArrayEquals(NnFixture.forward(root, a, x, 4, Mode.EVAL).values(),
                    NnFixture.forward(root, b, x, 4, Mode.EVAL).values(), spec.describe() + " eval");
        }
    }

    @Test
    void differentSeedDifferentWeights() {
        for (NetSpec spec : SPECS) {
            Module a = NnFixture.build(root, spec, STRUCTURED, 3, 42);
            Module b = NnFixture.build(root, spec, STRUCTURED, 3, 43);
            assertFalse(java.util.Arrays.equals(weights(a), weights(b)), spec.describe());
        }
    }

    @Test
    void dropoutMaskFollowsTheModeStream() {
        Module net = NnFixture.build(root, new NetSpec.Mlp(List.of(16), Activation.RELU, false, 0.5), ObservationLayout.flat(4), 2, 1);
        float[] x = NnFixture.randoms(8 * 4, 3);
        float[] a = NnFixture.forward(root, net, x, 8, Mode.train(new SplittableRandom(5))).values();
        float[] b = NnFixture.forward(root, net, x, 8, Mode.train(new SplittableRandom(6))).values();
        assertFalse(java.util.Arrays.equals(a, b), "different mask streams must drop different units");
    }
}
