package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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

    /**
     * Turns autograd recording on for the calling thread until the returned handle is closed
     * (then restores the previous mode). Use it instead of DJL's {@code GradientCollector}, which
     * allows only one collector in the whole process at a time: agents training on parallel
     * threads would fail with "already collecting".
     *
     * <pre>{@code
     * try (NDManager scope = root.newSubManager(); Tensors.Recording r = Tensors.record()) {
     *     NDArray loss = ...;
     *     Tensors.backward(loss);
     * }
     * }</pre>
     */
    public static Recording record() {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        return new Recording(previous);
    }

    /** A thread's autograd recording, restored to its previous mode on close. */
    public static final class Recording implements AutoCloseable {
        private final boolean previous;

        private Recording(boolean previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            JniUtils.setGradMode(previous);
        }
    }

    /**
     * Back-propagates a scalar loss into the gradients of the parameters it depends on
     * (accumulating, as PyTorch does), and frees the graph. The seed gradient is created in the
     * loss's (scoped) manager.
     */
    public static void backward(NDArray loss) {
        try (NDArray seed = loss.onesLike()) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
        }
    }

    /**
     * Back-propagates a scalar {@code loss} with a caller-kept seed gradient {@code one} (a scalar 1
     * of the loss's type and device), for agents that run several backward passes per update and
     * would otherwise allocate a seed each time.
     */
    public static void backward(NDArray loss, NDArray one) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) one, false, false);
    }

    /** Switches recording on or off for the calling thread, for hot loops that toggle it often. */
    public static void recording(boolean on) {
        JniUtils.setGradMode(on);
    }

    /** Whether the calling thread records (one JNI call, no tensor operation). */
    public static boolean isRecording() {
        return JniUtils.isGradMode();
    }

    /**
     * Writes {@code values} into {@code target}'s existing storage, keeping every view of it
     * valid. On the CPU this is a copy into the tensor's memory; elsewhere an in-place indexed
     * set. ({@code NDArray.set(float[])} instead gives the tensor new storage, detaching views,
     * and makes PyTorch print a deprecation warning.)
     */
    public static void write(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException("writing " + values.length + " values into a tensor of " + target.size());
        }
        if (HostKernels.onHost(target)) {
            HostKernels.view(target).put(0, values);
            return;
        }
        try (NDArray v = target.getManager().create(values, target.getShape())) {
            target.set(new NDIndex(":"), v);
        }
    }

    /** Resets a parameter's accumulated gradient to zero (one native call). */
    public static void zeroGrad(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }
}
