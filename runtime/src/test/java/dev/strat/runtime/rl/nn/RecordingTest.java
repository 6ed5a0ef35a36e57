package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.strat.runtime.rl.ObservationLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-thread autograd recording: parallel seeds train side by side, each as it would alone. */
class RecordingTest {

    private static final NetSpec SPEC = new NetSpec.Mlp(List.of(8), Activation.TANH, true, 0.2);

    /** Trains a fresh network for 50 steps on one thread; returns its final weights. */
    private static float[] train(long seed) {
        try (NDManager root = NnFixture.root()) {
            Module net = NnFixture.build(root, SPEC, ObservationLayout.flat(3), 2, seed);
            Adam adam = new Adam(root, net.parameters(), 1e-2);
            SplittableRandom random = new SplittableRandom(seed);
            float[] x = NnFixture.randoms(4 * 3, seed);
            for (int step = 0; step < 50; step++) {
                try (NDManager scope = root.newSubManager(); Tensors.Recording recording = Tensors.record()) {
                    NDArray y = net.forward(scope.create(x, new Shape(4, 3)), Mode.train(random));
                    Tensors.backward(y.square().mean());
                }
                adam.step();
            }
            assertFalse(JniUtils.isGradMode(), "recording ends with the thread's previous mode");
            float[] w = net.parameters().get(2).value().toFloatArray();
            return w;
        }
    }

    @Test
    void threadsTrainInParallelAsTheyWouldAlone() throws Exception {
        float[] alone1 = train(1);
        float[] alone2 = train(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<float[]> a = pool.submit(() -> train(1));
            Future<float[]> b = pool.submit(() -> train(2));
            assertArrayEquals(alone1, a.get());
            assertArrayEquals(alone2, b.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void recordingRestoresThePreviousMode() {
        Tensors.noGrad();
        try (Tensors.Recording outer = Tensors.record()) {
            assertTrue(JniUtils.isGradMode());
            try (Tensors.Recording inner = Tensors.record()) {
                assertTrue(JniUtils.isGradMode());
            }
            assertTrue(JniUtils.isGradMode(), "an inner recording leaves the outer one on");
        }
        assertFalse(JniUtils.isGradMode());
    }
}
