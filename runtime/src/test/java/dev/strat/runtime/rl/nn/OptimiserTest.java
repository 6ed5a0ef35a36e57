package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.ObservationLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Adam steps, Polyak averaging and checkpoints against hand computations. */
class OptimiserTest {

    private static NDManager root;

    @BeforeAll
    static void start() {
        root = NnFixture.root();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    /** Accumulates the gradient of {@code sum((w - target)^2)}, i.e. {@code 2 (w - target)}. */
    private static void quadraticGradient(Param w, float[] target) {
        try (NDManager scope = root.newSubManager()) {
            NDArray t = scope.create(target, new Shape(target.length));
            try (Tensors.Recording recording = Tensors.record()) {
                Tensors.backward(t.sub(w.value()).square().sum());
            }
        }
    }

    @Test
    void adamMatchesAHandComputedUpdate() {
        float[] start = {1f, -2f, 0.5f};
        float[] target = {0f, 0f, 3f};
        Param w = new Param("w", Tensors.parameter(root, start.clone(), new Shape(3)));
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        Adam adam = new Adam(root, List.of(w), lr);
        double[] m = new double[3];
        double[] v = new double[3];
        double[] expected = {start[0], start[1], start[2]};
        for (int t = 1; t <= 3; t++) {
            quadraticGradient(w, target);
            adam.step();
            for (int i = 0; i < 3; i++) {
                double g = 2 * (expected[i] - target[i]);
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                expected[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            float[] got = w.value().toFloatArray();
            for (int i = 0; i < 3; i++) assertEquals(expected[i], got[i], 1e-5, "step " + t + " element " + i);
            if (t == 1) {
                // The first Adam step is lr * sign(g) whatever the gradient's size.
                assertArrayEquals(new float[] {0.9f, -1.9f, 0.6f}, got, 1e-5f);
            }
        }
        assertEquals(3, adam.steps());
        try (NDArray g = w.value().getGradient()) {
            assertArrayEquals(new float[3], g.toFloatArray(), "a step leaves the gradient zeroed");
        }
    }

    @Test
    void adamCheckpointResumesTheSameTrajectory() throws IOException {
        float[] target = {1f, 2f};
        Param a = new Param("w", Tensors.parameter(root, new float[] {0f, 0f}, new Shape(2)));
        Param b = new Param("w", Tensors.parameter(root, new float[] {0f, 0f}, new Shape(2)));
        Adam first = new Adam(root, List.of(a), 0.05);
        quadraticGradient(a, target);
        first.step();
        quadraticGradient(a, target);
        first.step();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Params.save(out, List.of(a));
            first.save(out);
        }
        Adam second = new Adam(root, List.of(b), 0.05);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Params.load(in, List.of(b));
            second.load(in);
        }
        quadraticGradient(a, target);
        first.step();
        quadraticGradient(b, target);
        second.step();
        assertArrayEquals(a.value().toFloatArray(), b.value().toFloatArray());
        assertEquals(3, second.steps());
    }

    @Test
    void softUpdateMovesTauOfTheWay() {
        Param s = new Param("p", root.create(new float[] {1f, 2f, -4f}));
        Param t = new Param("p", root.create(new float[] {3f, 0f, 4f}));
        Params.softUpdate(List.of(s), List.of(t), 0.25);
        // 0.75 * target + 0.25 * source
        assertArrayEquals(new float[] {2.5f, 0.5f, 2f}, t.value().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {1f, 2f, -4f}, s.value().toFloatArray(), "the source is untouched");
        Params.softUpdate(List.of(s), List.of(t), 1.0);
        assertArrayEquals(s.value().toFloatArray(), t.value().toFloatArray(), 1e-6f);
    }

    @Test
    void saveLoadRoundTripIsExactWithStates() throws IOException {
        NetSpec spec = new NetSpec.Mlp(List.of(6, 4), Activation.RELU, true, 0.1);
        Module a = NnFixture.build(root, spec, ObservationLayout.flat(5), 2, 1);
        Module b = NnFixture.build(root, spec, ObservationLayout.flat(5), 2, 2);
        // Move a's running statistics off their initial values.
        NnFixture.forward(root, a, NnFixture.randoms(8 * 5, 3), 8, Mode.train(new java.util.SplittableRandom(1)));
        List<Param> all = new ArrayList<>(a.parameters());
        all.addAll(a.states());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Params.save(out, all);
        }
        List<Param> into = new ArrayList<>(b.parameters());
        into.addAll(b.states());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Params.load(in, into);
        }
        for (int k = 0; k < all.size(); k++) {
            assertArrayEquals(all.get(k).value().toFloatArray(), into.get(k).value().toFloatArray(), all.get(k).name());
        }
        float[] x = NnFixture.randoms(3 * 5, 4);
        assertArrayEquals(NnFixture.forward(root, a, x, 3, Mode.EVAL).values(), NnFixture.forward(root, b, x, 3, Mode.EVAL).values());
        // A checkpoint of another architecture is refused by name.
        Module other = NnFixture.build(root, NetSpec.Mlp.of(6, 4), ObservationLayout.flat(5), 2, 1);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThrows(IOException.class, () -> Params.load(in, other.parameters()));
        }
    }

    @Test
    void copyMakesTheTargetEqual() {
        Module a = NnFixture.build(root, new NetSpec.GruAttention(3, 2), NnFixture.STRUCTURED, 3, 1);
        Module b = NnFixture.build(root, new NetSpec.GruAttention(3, 2), NnFixture.STRUCTURED, 3, 2);
        Params.copy(a.parameters(), b.parameters());
        float[] x = NnFixture.randoms(2 * 40, 4);
        assertArrayEquals(NnFixture.forward(root, a, x, 2, Mode.EVAL).values(), NnFixture.forward(root, b, x, 2, Mode.EVAL).values());
    }
}
