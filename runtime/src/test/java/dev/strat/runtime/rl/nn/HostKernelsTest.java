package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java passes over parameter memory against PyTorch's own operations. */
class HostKernelsTest {

    /** Not a multiple of the chunk size, so the last partial chunk is exercised too. */
    private static final int N = 10_001;

    private static NDManager root;

    @BeforeAll
    static void start() {
        root = NnFixture.root();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    private static float[] randoms(long seed, double scale, boolean positive) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[N];
        for (int i = 0; i < N; i++) v[i] = (float) (positive ? r.nextDouble() * scale : (r.nextDouble() * 2 - 1) * scale);
        return v;
    }

    @Test
    void theViewIsTheTensorsOwnMemory() {
        NDArray a = root.create(new float[] {1f, 2f, 3f}, new Shape(3));
        assertTrue(HostKernels.onHost(a));
        FloatBuffer view = HostKernels.view(a);
        view.put(1, 20f);
        assertArrayEquals(new float[] {1f, 20f, 3f}, a.toFloatArray(), "a write through the view reaches the tensor");
        a.muli(2f);
        assertEquals(40f, view.get(1), "an in-place tensor update is seen through the view");
    }

    @Test
    void writeFillsTheExistingStorage() {
        NDArray a = root.zeros(new Shape(2, 2));
        FloatBuffer before = HostKernels.view(a);
        Tensors.write(a, new float[] {1f, 2f, 3f, 4f});
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, a.toFloatArray());
        assertEquals(4f, before.get(3), "the same memory: views taken before the write see it");
        assertThrows(IllegalArgumentException.class, () -> Tensors.write(a, new float[3]));
    }

    /** Several steps of the Java Adam against the PyTorch engine's native adamUpdate on the same numbers. */
    @Test
    void adamMatchesTheNativeUpdate() {
        float[] w = randoms(1, 1, false);
        float[] m = new float[N];
        float[] v = new float[N];
        NDArray wNative = root.create(w.clone(), new Shape(N));
        NDArray mNative = root.zeros(new Shape(N));
        NDArray vNative = root.zeros(new Shape(N));
        NDArray wHost = root.create(w.clone(), new Shape(N));
        float[] ws = new float[N];
        float[] gs = new float[N];
        float lr = 0.01f;
        for (int t = 1; t <= 3; t++) {
            float[] g = randoms(10 + t, 3, false);
            float rate = (float) (lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t)));
            try (NDArray gNative = root.create(g, new Shape(N)); NDArray gHost = root.create(g, new Shape(N))) {
                wNative.getNDArrayInternal().adamUpdate(new NDList(wNative, gNative, mNative, vNative), new NDList(wNative),
                        lr, rate, 0f, 1f, -1f, 0.9f, 0.999f, 1e-8f, true, false);
                HostKernels.adam(HostKernels.view(wHost), HostKernels.view(gHost), m, v, ws, gs, rate, 0.9f, 0.999f, 1e-8f);
            }
            assertArrayEquals(mNative.toFloatArray(), m, 1e-6f, "first moment, step " + t);
            assertArrayEquals(vNative.toFloatArray(), v, 1e-5f, "second moment, step " + t);
            assertArrayEquals(wNative.toFloatArray(), wHost.toFloatArray(), 1e-6f, "weights, step " + t);
        }
        float[] moved = wHost.toFloatArray();
        double change = 0;
        for (int i = 0; i < N; i++) change += Math.abs(moved[i] - w[i]);
        assertTrue(change / N > 0.01, "three steps of size 0.01 moved the weights");
    }

    @Test
    void adamRefusesMismatchedSizes() {
        NDArray w = root.zeros(new Shape(4));
        NDArray g = root.zeros(new Shape(3));
        assertThrows(IllegalArgumentException.class, () -> HostKernels.adam(HostKernels.view(w), HostKernels.view(g),
                new float[4], new float[4], new float[4], new float[4], 0.1f, 0.9f, 0.999f, 1e-8f));
    }

    @Test
    void lerpMatchesTheNativeFormula() {
        float[] target = randoms(3, 2, false);
        float[] source = randoms(4, 2, false);
        NDArray t = root.create(target, new Shape(N));
        NDArray s = root.create(source, new Shape(N));
        HostKernels.lerp(HostKernels.view(t), HostKernels.view(s), 0.005f);
        float[] got = t.toFloatArray();
        for (int i = 0; i < N; i++) assertEquals(target[i] + 0.005f * (source[i] - target[i]), got[i], 1e-6f, "element " + i);
        assertArrayEquals(source, s.toFloatArray(), "the source is untouched");
    }

    @Test
    void aKeptViewMustBeTheTensorsOwnMemory() {
        NDArray a = root.create(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, new Shape(2, 3));
        java.nio.FloatBuffer view = HostKernels.aliasedView(a);
        view.put(4, 9f);
        assertEquals(9f, a.getFloat(1, 1), "writes through the view reach the tensor");
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 9f, 6f}, a.toFloatArray(), "the probe left the values as they were");
        NDArray transposed = a.transpose();   // a non-contiguous view: DJL would hand out a copy
        assertThrows(IllegalStateException.class, () -> HostKernels.aliasedView(transposed));
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 9f, 6f}, a.toFloatArray());
    }
}
