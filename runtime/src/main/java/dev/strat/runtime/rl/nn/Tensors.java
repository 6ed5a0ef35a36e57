package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Small helpers around DJL's PyTorch engine that the generic NDArray API does not expose
 * cheaply: gradient mode, gradient reset, parameter creation.
 */
public final class Tensors {

    private Tensors() {
    }

    /** A leaf tensor that records gradients. */
    public static NDArray parameter(NDManager manager, float[] values, Shape shape) {
        NDArray a = manager.create(values, shape);
        a.setRequiresGradient(true);
        return a;
    }

    /**
     * Turns autograd recording off for the calling thread. PyTorch's grad mode is per thread and
     * on by default, so every thread that runs an agent must call this before it acts, or
     * in-place parameter updates fail and inference builds graphs it never frees.
     */
    public static void noGrad() {
        JniUtils.setGradMode(false);
    }

    /** Resets a parameter's accumulated gradient to zero (one native call). */
    public static void zeroGrad(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    /** Copies {@code values} into an existing tensor of the same size. */
    public static void set(NDArray target, float[] values) {
        target.set(values);
    }
}
