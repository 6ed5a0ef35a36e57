package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.Param;
import dev.strat.runtime.rl.nn.RmsProp;
import dev.strat.runtime.rl.nn.Tensors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RMSprop on the fused Adam kernel follows torch.optim.RMSprop's formulas, clipping scale included. */
class RmsPropTest {

    @Test
    void twoStepsMatchPyTorchsFormulas() {
        try (NDManager manager = Compute.engine().newBaseManager()) {
            Tensors.noGrad();
            float[] w0 = {0.5f, -1.0f, 2.0f};
            NDArray w = Tensors.parameter(manager, w0, new Shape(3));
            RmsProp opt = new RmsProp(manager, List.of(new Param("w", w)), 0.01, 0.9, 1e-3);
            double[] expected = {w0[0], w0[1], w0[2]};
            double[] v = new double[3];
            double[] c = {1.0, -2.0, 0.5};
            double[] scales = {1.0, 0.25};
            for (double scale : scales) {
                // loss = sum(c * w^2): gradient 2 c w.
                try (NDManager scope = manager.newSubManager()) {
                    JniUtils.setGradMode(true);
                    NDArray loss = scope.create(new float[]{(float) c[0], (float) c[1], (float) c[2]}).mul(w.square()).sum();
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) scope.ones(new Shape()), false, false);
                    JniUtils.setGradMode(false);
                }
                opt.step(scale);
                for (int i = 0; i < 3; i++) {
                    double g = scale * 2 * c[i] * expected[i];
                    v[i] = 0.9 * v[i] + 0.1 * g * g;
                    expected[i] -= 0.01 * g / (Math.sqrt(v[i]) + 1e-3);
                }
            }
            float[] got = w.toFloatArray();
            for (int i = 0; i < 3; i++) assertEquals(expected[i], got[i], 1e-6, "weight " + i);
            assertEquals(2, opt.steps());
        }
    }
}
