package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.nn.Param;

import java.util.List;

/**
 * Clipping by global norm, as PyTorch's {@code clip_grad_norm_}: with
 * {@code coef = max / (norm + 1e-6)}, every gradient is multiplied by {@code coef} when it is
 * below 1. The norm costs one call per parameter plus three (stack, norm, read).
 */
final class GradientClip {

    private GradientClip() {
    }

    /** Handles to the parameters' gradients, owned by {@code scope}. */
    static NDArray[] gradients(NDManager scope, List<Param> params) {
        NDArray[] grads = new NDArray[params.size()];
        for (int k = 0; k < grads.length; k++) {
            grads[k] = params.get(k).value().getGradient();
            grads[k].attach(scope);
        }
        return grads;
    }

    /** The global L2 norm of {@code gradients}. */
    static double norm(NDArray[] gradients) {
        NDList norms = new NDList(gradients.length);
        for (NDArray g : gradients) norms.add(g.norm());
        return NDArrays.stack(norms).norm().getFloat();
    }

    /** The factor PyTorch applies to the gradients, at most 1. */
    static double coefficient(double norm, double max) {
        return Math.min(1, max / (norm + 1e-6));
    }

    /** Multiplies every gradient in place by {@code coef} (nothing when it is 1). */
    static void scale(NDArray[] gradients, double coef) {
        if (coef >= 1) return;
        for (NDArray g : gradients) g.muli((float) coef);
    }
}
