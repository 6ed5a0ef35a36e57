package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.Init;
import dev.strat.runtime.rl.nn.Tensors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class StackedMlpTest {

    @Test
    void parameterViewsShareTheFlatStorage() {
        try (NDManager m = Compute.engine().newBaseManager()) {
            Tensors.noGrad();
            StackedMlp a = new StackedMlp(m, "a", 2, 3, List.of(4), 1, Activation.RELU, Activation.IDENTITY, Init.torchDefault(), new SplittableRandom(1));
            StackedMlp b = new StackedMlp(m, "b", 2, 3, List.of(4), 1, Activation.RELU, Activation.IDENTITY, Init.torchDefault(), new SplittableRandom(2));
            float[] before = a.parameters().get(0).value().toFloatArray();
            a.softUpdateFrom(b, m.create(0f));
            a.parameters().get(0).value().addi(1f);
            assertEquals(before[0] + 1, a.parameters().get(0).value().toFloatArray()[0], 1e-6, "in place on the view");
            b.softUpdateFrom(a, m.create(1f));
            assertEquals(before[0] + 1, b.parameters().get(0).value().toFloatArray()[0], 1e-6, "soft update through the flat storage");
            float[] w = new float[24];
            for (int i = 0; i < w.length; i++) w[i] = i;
            StackedMlp.assign(a.parameters().get(0).value(), w);
            assertArrayEquals(w, a.parameters().get(0).value().toFloatArray());
            b.copyFrom(a);
            assertArrayEquals(w, b.parameters().get(0).value().toFloatArray(), "copy through the flat storage");
            NDArray x = m.create(new float[] {1, 2, 3}, new Shape(1, 3));
            float[] all = a.forward(x).toFloatArray();
            float[] first = a.forwardFirstDetached(x).toFloatArray();
            assertEquals(all[0], first[0], 1e-6, "detached member 0 sees the new weights");
            Tensors.recording(true);
            float[] recorded;
            try {
                recorded = a.forward(x).toFloatArray();   // through views split off the flat leaf
            } finally {
                Tensors.recording(false);
            }
            assertArrayEquals(all, recorded, 1e-6f);
        }
    }
}
