package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.ObservationLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static dev.strat.runtime.rl.nn.NnFixture.STRUCTURED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayersShapeTest {

    private static NDManager root;

    @BeforeAll
    static void start() {
        root = NnFixture.root();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    private static Shape shapeOf(NetSpec spec, ObservationLayout layout, int outputs, int batch, boolean training) {
        Module net = NnFixture.build(root, spec, layout, outputs, 1);
        assertEquals(outputs, net.outputSize(), spec.describe() + " declared output size");
        Mode mode = training ? Mode.train(new SplittableRandom(3)) : Mode.EVAL;
        NnFixture.Result r = NnFixture.forward(root, net, NnFixture.randoms(batch * layout.size(), 2), batch, mode);
        for (float v : r.values()) assertTrue(Float.isFinite(v), spec.describe() + " gives a non-finite value");
        return r.shape();
    }

    @Test
    void mlpShapes() {
        assertEquals(new Shape(5, 3), shapeOf(NetSpec.Mlp.of(8, 4), ObservationLayout.flat(7), 3, 5, false));
        NetSpec.Mlp regular = new NetSpec.Mlp(List.of(8, 4), Activation.LEAKY_RELU, true, 0.2);
        assertEquals(new Shape(5, 3), shapeOf(regular, ObservationLayout.flat(7), 3, 5, true));
        assertEquals(new Shape(1, 3), shapeOf(regular, ObservationLayout.flat(7), 3, 1, false));
        NetSpec.Mlp dropoutOnly = new NetSpec.Mlp(List.of(6), Activation.TANH, false, 0.5);
        assertEquals(new Shape(4, 2), shapeOf(dropoutOnly, ObservationLayout.flat(3), 2, 4, true));
    }

    @Test
    void regularisedMlpHasBatchNormStatesAndLinearNames() {
        Module net = NnFixture.build(root, new NetSpec.Mlp(List.of(8, 4), Activation.RELU, true, 0.1), ObservationLayout.flat(7), 3, 1);
        List<String> names = net.parameters().stream().map(Param::name).toList();
        assertEquals(List.of("net.bn0.gamma", "net.bn0.beta", "net.0.weight", "net.0.bias", "net.bn1.gamma", "net.bn1.beta",
                "net.1.weight", "net.1.bias", "net.bn2.gamma", "net.bn2.beta", "net.2.weight", "net.2.bias"), names);
        assertEquals(List.of("net.bn0.running_mean", "net.bn0.running_var", "net.bn1.running_mean", "net.bn1.running_var",
                "net.bn2.running_mean", "net.bn2.running_var"), net.states().stream().map(Param::name).toList());
    }

    @Test
    void batchNormRefusesTrainingOnOneRow() {
        Module net = NnFixture.build(root, new NetSpec.Mlp(List.of(4), Activation.RELU, true, 0), ObservationLayout.flat(3), 2, 1);
        assertThrows(IllegalArgumentException.class,
                () -> NnFixture.forward(root, net, new float[3], 1, Mode.train(new SplittableRandom(1))));
    }

    @Test
    void cnnShapes() {
        NetSpec.Cnn cnn = new NetSpec.Cnn(List.of(4, 5), 2, List.of(8), Activation.RELU);
        assertEquals(new Shape(2, 3), shapeOf(cnn, STRUCTURED, 3, 2, false));
        ObservationLayout noFlat = new ObservationLayout(5, 4, 3, 0);
        assertEquals(new Shape(3, 1), shapeOf(new NetSpec.Cnn(List.of(2), 5, List.of(), Activation.TANH), noFlat, 1, 3, true));
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> NnFixture.build(root, new NetSpec.Cnn(List.of(2, 2), 4, List.of(), Activation.RELU), STRUCTURED, 1, 1));
        assertTrue(small.getMessage().contains("window"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NnFixture.build(root, cnn, ObservationLayout.flat(10), 1, 1));
    }

    @Test
    void gruAttentionShapes() {
        NetSpec.GruAttention gru = new NetSpec.GruAttention(5, 4);
        // One score per column.
        assertEquals(new Shape(2, 3), shapeOf(gru, STRUCTURED, 3, 2, false));
        // A value head over the flattened attention output and the flat part.
        assertEquals(new Shape(2, 1), shapeOf(gru, STRUCTURED, 1, 2, true));
        assertEquals(new Shape(1, 7), shapeOf(gru, new ObservationLayout(4, 2, 1, 0), 7, 1, false));
        assertThrows(IllegalArgumentException.class, () -> NnFixture.build(root, gru, ObservationLayout.flat(10), 1, 1));
    }

    @Test
    void gruAttentionScoresLieInTanhRange() {
        Module net = NnFixture.build(root, new NetSpec.GruAttention(5, 4), STRUCTURED, 3, 4);
        for (float v : NnFixture.forward(root, net, NnFixture.randoms(4 * 40, 9), 4, Mode.EVAL).values()) {
            assertTrue(v > -1 && v < 1, "score " + v);
        }
    }

    @Test
    void towersShapes() {
        ObservationLayout tensor = new ObservationLayout(6, 3, 2, 0);
        NetSpec.Tower conv = new NetSpec.Tower("conv", new NetSpec.Cnn(List.of(3), 3, List.of(6), Activation.RELU), 0, 36, tensor, 0);
        NetSpec.Tower flat = new NetSpec.Tower("flat", NetSpec.Mlp.of(5, 4), 36, 40, ObservationLayout.flat(4), 0);
        NetSpec.Tower gru = new NetSpec.Tower("gru", new NetSpec.GruAttention(4, 3), 0, 36, tensor, 3);
        // With a head: tower widths 6 + 4 + 3 feed an MLP of width 8 to 2 outputs.
        NetSpec.Towers headed = new NetSpec.Towers(List.of(conv, flat, gru), List.of(8), Activation.RELU);
        Module net = NnFixture.build(root, headed, STRUCTURED, 2, 1);
        assertEquals(new Shape(3, 2), shapeOf(headed, STRUCTURED, 2, 3, true));
        assertTrue(net.parameters().stream().anyMatch(p -> p.name().equals("net.head.0.weight")));
        // Without a head: outputs are the towers' outputs side by side (HADAPS' class + asset towers).
        NetSpec.Tower a = new NetSpec.Tower("a", new NetSpec.Mlp(List.of(4), Activation.LEAKY_RELU, true, 0.1), 36, 40,
                ObservationLayout.flat(4), 2);
        NetSpec.Tower b = new NetSpec.Tower("b", NetSpec.Mlp.of(4), 0, 36, ObservationLayout.flat(36), 3);
        NetSpec.Towers headless = new NetSpec.Towers(List.of(a, b), List.of(), Activation.RELU);
        assertEquals(new Shape(4, 5), shapeOf(headless, STRUCTURED, 5, 4, true));
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> NnFixture.build(root, headless, STRUCTURED, 6, 1));
        assertTrue(mismatch.getMessage().contains("6 outputs"), mismatch.getMessage());
        NetSpec.Tower tooFar = new NetSpec.Tower("far", NetSpec.Mlp.of(4), 38, 42, ObservationLayout.flat(4), 1);
        assertThrows(IllegalArgumentException.class,
                () -> NnFixture.build(root, new NetSpec.Towers(List.of(tooFar), List.of(), Activation.RELU), STRUCTURED, 1, 1));
    }

    @Test
    void towersSliceTheirOwnInputs() {
        // Tower b reads only the last 4 inputs: changing the first 36 must not move its outputs.
        NetSpec.Tower a = new NetSpec.Tower("a", NetSpec.Mlp.of(4), 0, 36, ObservationLayout.flat(36), 2);
        NetSpec.Tower b = new NetSpec.Tower("b", NetSpec.Mlp.of(4), 36, 40, ObservationLayout.flat(4), 3);
        Module net = NnFixture.build(root, new NetSpec.Towers(List.of(a, b), List.of(), Activation.RELU), STRUCTURED, 5, 1);
        float[] x = NnFixture.randoms(40, 5);
        float[] y1 = NnFixture.forward(root, net, x, 1, Mode.EVAL).values();
        for (int i = 0; i < 36; i++) x[i] += 0.5f;
        float[] y2 = NnFixture.forward(root, net, x, 1, Mode.EVAL).values();
        assertTrue(y1[0] != y2[0] || y1[1] != y2[1], "tower a must see its slice");
        for (int i = 2; i < 5; i++) assertEquals(y1[i], y2[i], "tower b must not see tower a's slice");
    }
}
