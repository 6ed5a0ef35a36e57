package dev.strat.runtime.rl.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.nio.FloatBuffer;

/**
 * Element-wise passes over whole parameter tensors, done in Java on the tensors' own CPU
 * memory: an Adam step and a Polyak average, each one pass.
 *
 * <p>Why: PyTorch runs them as chains of separate kernels, each a full pass over the
 * parameters with a fresh temporary (DJL's {@code adamUpdate} makes about eleven passes and five
 * allocations). At the paper size of the RL benchmark that was 3.7 ms of a 21 ms TD3 step. The
 * tensors' memory is copied into Java arrays with bulk (memcpy) transfers, because the JIT
 * vectorises loops over arrays but not over buffers; and every array of one loop is indexed
 * alike, because a loop mixing {@code a[i]} with {@code b[at + i]} is not vectorised either
 * (measured: 2.9 ms against 0.3 ms for 762,000 parameters).
 *
 * <p>Only for contiguous CPU tensors created as parameters (leaf tensors the process owns); on
 * other devices callers use native operations.
 */
public final class HostKernels {

    /** Floats per chunk of the Polyak average: two chunk arrays stay inside the L1 cache. */
    private static final int CHUNK = 4096;

    private HostKernels() {
    }

    /**
     * Layers ({@code in * out}) from this size on train on PyTorch, smaller ones on Java kernels.
     * Measured (SAC, batch 256, one thread, time per update, Java against PyTorch): 61-64-64 1.4
     * against 2.6 ms, 641-64-64 5.0 against 7.1, 61-128-128 3.6 against 6.0; at parity 61-256-256
     * (11.8 ms each) and 641-128-128 (10.9 against 10.5); 641-256-256 27 against 22. Beyond it,
     * copying and transposing the weights each update, and products whose operands outgrow the
     * caches, cost what PyTorch's call overhead does not.
     */
    public static final long SMALL_LAYER_LIMIT = 1 << 16;

    /** Property choosing the small networks' training path: {@code auto}, {@code java} or {@code torch}. */
    public static final String KERNELS_PROPERTY = "strat.rl.kernels";

    /**
     * Whether small networks train on Java kernels ({@link HostGemm}): the Vector API module is
     * in the boot layer (the {@code strat} launcher adds it) and {@value #KERNELS_PROPERTY} is not
     * {@code torch}. Asking for {@code java} without the module is an error, not a silent
     * fallback.
     */
    public static boolean vectorKernels() {
        String choice = System.getProperty(KERNELS_PROPERTY, "auto").trim();
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return switch (choice) {
            case "auto" -> present;
            case "torch" -> false;
            case "java" -> {
                if (!present) {
                    throw new IllegalStateException("-D" + KERNELS_PROPERTY + "=java needs the JVM option --add-modules jdk.incubator.vector");
                }
                yield true;
            }
            default -> throw new IllegalArgumentException("-D" + KERNELS_PROPERTY + " must be auto, java or torch, not '" + choice + "'");
        };
    }

    /**
     * What the RL agents' networks compute on in this JVM, for results: {@code java-vector} for
     * small networks and {@code pytorch} for the rest, or {@code pytorch} alone.
     */
    public static String describe() {
        return vectorKernels() ? "java-vector (small networks: updates and acting), pytorch (the rest)" : "pytorch";
    }

    /** Whether {@code a}'s memory can be read and written from Java in place. */
    public static boolean onHost(NDArray a) {
        return Device.cpu().equals(a.getDevice());
    }

    /**
     * The tensor's own memory as a float view (no copy): writes through it change the tensor.
     * The tensor must be a contiguous CPU tensor; DJL would silently copy a non-contiguous one.
     */
    public static FloatBuffer view(NDArray a) {
        return JniUtils.getByteBuffer((PtNDArray) a, true).asFloatBuffer();
    }

    /**
     * As {@link #view}, for a view kept across steps: checks once that it is the tensor's own
     * memory, not the copy DJL makes of a non-contiguous tensor, whose later changes it would
     * never see.
     *
     * @throws IllegalStateException if the view is a copy
     */
    public static FloatBuffer aliasedView(NDArray a) {
        FloatBuffer view = view(a);
        if (view.capacity() == 0) return view;
        float kept = view.get(0);
        try {
            view.put(0, kept == 1f ? 2f : 1f);
            // once per kept view: a whole copy, but no tensor left in the manager
            if (a.toFloatArray()[0] != view.get(0)) {
                throw new IllegalStateException("a view of a " + a.getShape() + " tensor is a copy, not its memory (non-contiguous)");
            }
        } finally {
            view.put(0, kept);
        }
        return view;
    }

    /**
     * One Adam step on {@code w} with gradient {@code g} and moments {@code m} and {@code v}:
     * {@code m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; w -= rate m / (sqrt(v) + eps)}.
     * {@code ws} and {@code gs} are scratch arrays at least as long as {@code m}.
     */
    public static void adam(FloatBuffer w, FloatBuffer g, float[] m, float[] v, float[] ws, float[] gs,
                            float rate, float beta1, float beta2, float eps) {
        int n = m.length;
        if (w.capacity() != n || g.capacity() != n || v.length != n || ws.length < n || gs.length < n) {
            throw new IllegalArgumentException("size mismatch");
        }
        g.get(0, gs, 0, n);
        adam(w, gs, m, v, ws, rate, beta1, beta2, eps);
    }

    /**
     * As {@link #adam(FloatBuffer, FloatBuffer, float[], float[], float[], float[], float, float, float, float)},
     * with the gradient at {@code g[at .. at + m.length - 1]} in a Java array.
     */
    public static void adam(FloatBuffer w, float[] g, int at, float[] m, float[] v, float[] ws, float[] gs,
                            float rate, float beta1, float beta2, float eps) {
        int n = m.length;
        if (w.capacity() != n || at + n > g.length || v.length != n || ws.length < n || gs.length < n) {
            throw new IllegalArgumentException("size mismatch");
        }
        // copied, so that the loop indexes every array alike (see the class comment)
        System.arraycopy(g, at, gs, 0, n);
        adam(w, gs, m, v, ws, rate, beta1, beta2, eps);
    }

    private static void adam(FloatBuffer w, float[] gs, float[] m, float[] v, float[] ws, float rate, float beta1, float beta2, float eps) {
        int n = m.length;
        w.get(0, ws, 0, n);
        float c1 = 1 - beta1;
        float c2 = 1 - beta2;
        for (int i = 0; i < n; i++) {
            float gi = gs[i];
            float mi = beta1 * m[i] + c1 * gi;
            float vi = beta2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            ws[i] -= rate * mi / ((float) Math.sqrt(vi) + eps);
        }
        w.put(0, ws, 0, n);
    }

    /** {@code target <- target + tau (source - target)} in one pass of cache-sized chunks. */
    public static void lerp(FloatBuffer target, FloatBuffer source, float tau) {
        int n = target.capacity();
        if (source.capacity() != n) throw new IllegalArgumentException("size mismatch");
        float[] tc = new float[Math.min(CHUNK, n)];
        float[] sc = new float[tc.length];
        for (int at = 0; at < n; at += CHUNK) {
            int len = Math.min(CHUNK, n - at);
            target.get(at, tc, 0, len);
            source.get(at, sc, 0, len);
            for (int i = 0; i < len; i++) tc[i] += tau * (sc[i] - tc[i]);
            target.put(at, tc, 0, len);
        }
    }
}
