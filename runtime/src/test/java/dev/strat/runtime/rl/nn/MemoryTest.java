package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.ObservationLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long training loops must not accumulate native arrays: thousands of forward + backward passes
 * (an Adam step every tenth, an inference pass every tenth), each in its own scope, leave the
 * root manager holding exactly what it held before.
 */
class MemoryTest {

    private static void train(NetSpec spec, ObservationLayout layout, int outputs, int steps) {
        try (NDManager root = NnFixture.root()) {
            Module net = NnFixture.build(root, spec, layout, outputs, 1);
            Adam adam = new Adam(root, net.parameters(), 1e-3);
            int batch = 4;
            float[] x = NnFixture.randoms(batch * layout.size(), 2);
            SplittableRandom random = new SplittableRandom(3);
            int before = root.getManagedArrays().size();
            for (int step = 0; step < steps; step++) {
                try (NDManager scope = root.newSubManager()) {
                    NDArray input = scope.create(x, new Shape(batch, layout.size()));
                    try (Tensors.Recording recording = Tensors.record()) {
                        NDArray y = net.forward(input, Mode.train(random));
                        Tensors.backward(y.square().mean());
                    }
                    if (step == 0) {
                        // The count sees arrays in open scopes, so the final comparison means something.
                        assertTrue(root.getManagedArrays().size() > before, "scoped arrays are counted");
                    }
                    if (step % 10 == 9) adam.step();
                }
                if (step % 10 == 0) {
                    try (NDManager scope = root.newSubManager()) {
                        net.forward(scope.create(x, new Shape(batch, layout.size())), Mode.EVAL).toFloatArray();
                    }
                }
            }
            // Adam keeps each parameter's gradient tensor from its first step on (one each, not one per step)
            int kept = net.parameters().size();
            assertEquals(before + kept, root.getManagedArrays().size(), spec.describe() + ": arrays left in the root manager");
        }
    }

    @Test
    void regularisedMlpTrainingStaysFlat() {
        train(new NetSpec.Mlp(List.of(16, 16), Activation.RELU, true, 0.2), ObservationLayout.flat(8), 3, 2_000);
    }

    @Test
    void structuredTowersTrainingStaysFlat() {
        ObservationLayout tensor = new ObservationLayout(5, 2, 2, 0);
        NetSpec towers = new NetSpec.Towers(List.of(
                new NetSpec.Tower("cnn", new NetSpec.Cnn(List.of(3), 2, List.of(4), Activation.RELU), 0, 20, tensor, 0),
                new NetSpec.Tower("gru", new NetSpec.GruAttention(3, 2), 0, 20, tensor, 2),
                new NetSpec.Tower("flat", new NetSpec.Mlp(List.of(4), Activation.RELU, true, 0.1), 20, 23, ObservationLayout.flat(3), 0)),
                List.of(6), Activation.RELU);
        // 300 passes: a pass costs several times the MLP's, and the count must match exactly, so a
        // leak of even one array per pass shows as clearly as over thousands.
        train(towers, new ObservationLayout(5, 2, 2, 3), 2, 300);
    }
}
