package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Direct control of PyTorch's autograd for agents that run several backward passes per update.
 * DJL's {@code GradientCollector} allows one collector per process (a global flag, which would
 * serialise agents training on parallel threads) and allocates a ones tensor on every
 * backward; here recording is the calling thread's grad mode and the seed gradient is a
 * long-lived scalar the agent keeps.
 */
public final class Autograd {

    private Autograd() {
    }

    /** Switches recording on or off for the calling thread. */
    public static void record(boolean on) {
        JniUtils.setGradMode(on);
    }

    /** Whether the calling thread records (one JNI call, no tensor operation). */
    public static boolean recording() {
        return JniUtils.isGradMode();
    }

    /**
     * Back-propagates a scalar {@code loss} into the leaves' gradients (accumulating), freeing the
     * graph; {@code one} is a scalar 1 of the loss's type and device.
     */
    public static void backward(NDArray loss, NDArray one) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) one, false, false);
    }
}
