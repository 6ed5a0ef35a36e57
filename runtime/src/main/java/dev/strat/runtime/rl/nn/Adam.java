package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) over a fixed list of parameters, each step followed by a gradient
 * reset. The bias correction is folded into the step size as in DJL's optimiser:
 * {@code lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}.
 *
 * <p>On the CPU the step is one fused Java pass per parameter over the tensors' own memory
 * ({@link HostKernels#adam}), with the moments in Java arrays; elsewhere it is the PyTorch
 * engine's {@code adamUpdate}, one native call per parameter. Both compute the same formula and
 * save the same checkpoint layout.
 */
public final class Adam {

    private final List<Param> params;
    private final List<Slot> slots = new ArrayList<>();
    /** Scratch copies of one parameter and its gradient, shared by the host slots. */
    private final float[] weightScratch;
    private final float[] gradientScratch;
    private final float lr;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private long t;

    public Adam(NDManager manager, List<Param> params, double lr) {
        this(manager, params, lr, 0.9, 0.999, 1e-8);
    }

    public Adam(NDManager manager, List<Param> params, double lr, double beta1, double beta2, double epsilon) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        this.params = List.copyOf(params);
        this.lr = (float) lr;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        int largest = 0;
        for (Param p : this.params) {
            int size = Math.toIntExact(p.value().size());
            if (HostKernels.onHost(p.value())) {
                slots.add(new HostSlot(size));
                largest = Math.max(largest, size);
            } else {
                slots.add(new NativeSlot(manager, p.value().getShape()));
            }
        }
        this.weightScratch = new float[largest];
        this.gradientScratch = new float[largest];
    }

    /** Applies one step with the gradients accumulated since the last step, then zeroes them. */
    public void step() {
        float rate = nextRate();
        for (int k = 0; k < params.size(); k++) {
            NDArray w = params.get(k).value();
            slots.get(k).step(w, rate);
            Tensors.zeroGrad(w);
        }
    }

    /**
     * Applies one step with gradients computed outside autograd: {@code gradient} holds each
     * parameter's gradient one after another, in the order of the list this optimiser was built
     * with (a {@code StackedMlp}'s storage layout). The tensors' own gradients are not read or
     * changed. CPU parameters only.
     */
    public void step(float[] gradient) {
        float rate = nextRate();
        int at = 0;
        for (int k = 0; k < params.size(); k++) {
            if (!(slots.get(k) instanceof HostSlot host)) throw new IllegalStateException("a host step needs CPU parameters");
            at = host.step(params.get(k).value(), gradient, at, rate);
        }
        if (at != gradient.length) throw new IllegalArgumentException("gradient of " + gradient.length + " values for " + at + " parameters");
    }

    /** Counts a step and returns its bias-corrected step size. */
    private float nextRate() {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        return (float) (lr * Math.sqrt(c2) / c1);
    }

    /** Steps taken so far. */
    public long steps() {
        return t;
    }

    /** Zeroes gradients without stepping (after a backward pass whose gradients are discarded). */
    public void zeroGrad() {
        for (Param p : params) Tensors.zeroGrad(p.value());
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeLong(t);
        for (Slot slot : slots) slot.save(out);
    }

    public void load(DataInputStream in) throws IOException {
        t = in.readLong();
        for (int k = 0; k < params.size(); k++) slots.get(k).load(in, params.get(k).name());
    }

    /** One parameter's moments and the step that updates them; both kinds save the same layout. */
    private sealed interface Slot permits HostSlot, NativeSlot {
        /** One step of {@code w} with its accumulated gradient. */
        void step(NDArray w, float rate);

        void save(DataOutputStream out) throws IOException;

        void load(DataInputStream in, String name) throws IOException;
    }

    /**
     * Moments in Java arrays, one fused Java pass over the parameter's CPU memory.
     *
     * <p>The views of the weight's and the gradient's memory are taken once and kept: the weight
     * is a fixed tensor, and its gradient, once the first backward pass has created it, keeps its
     * storage, because PyTorch accumulates into a defined gradient in place and
     * {@link Tensors#zeroGrad} zeroes it in place; and it is contiguous, because PyTorch lays a
     * leaf's gradient out like the (contiguous) leaf, which {@link HostKernels#aliasedView} checks. Taking them anew cost four native calls and
     * three objects per parameter and step, a tenth of a small network's update.
     */
    private final class HostSlot implements Slot {
        private final float[] mean;
        private final float[] variance;
        private FloatBuffer weight;
        /** The gradient tensor, held so that its storage (and {@link #gradientView}) stays alive. */
        private NDArray gradient;
        private FloatBuffer gradientView;

        HostSlot(int size) {
            this.mean = new float[size];
            this.variance = new float[size];
        }

        @Override
        public void step(NDArray w, float rate) {
            if (gradientView == null) {
                weight = HostKernels.view(w);
                gradient = w.getGradient();
                gradientView = HostKernels.aliasedView(gradient);
            }
            HostKernels.adam(weight, gradientView, mean, variance, weightScratch, gradientScratch, rate, beta1, beta2, epsilon);
        }

        /** One step with the gradient at {@code g[at ..]}; returns where the next parameter's gradient starts. */
        int step(NDArray w, float[] g, int at, float rate) {
            if (weight == null) weight = HostKernels.view(w);
            HostKernels.adam(weight, g, at, mean, variance, weightScratch, gradientScratch, rate, beta1, beta2, epsilon);
            return at + mean.length;
        }

        @Override
        public void save(DataOutputStream out) throws IOException {
            Params.write(out, mean);
            Params.write(out, variance);
        }

        @Override
        public void load(DataInputStream in, String name) throws IOException {
            Params.read(in, mean, name + " (Adam mean)");
            Params.read(in, variance, name + " (Adam variance)");
        }
    }

    /** Moments as tensors on the parameter's device, the PyTorch engine's fused update. */
    private final class NativeSlot implements Slot {
        private final NDArray mean;
        private final NDArray variance;

        NativeSlot(NDManager manager, Shape shape) {
            this.mean = manager.zeros(shape);
            this.variance = manager.zeros(shape);
        }

        @Override
        public void step(NDArray w, float rate) {
            try (NDArray g = w.getGradient()) {
                update(w, g, rate);
            }
        }

        private void update(NDArray w, NDArray g, float rate) {
            // Argument order as DJL's own Adam: the plain rate (used for weight decay) first, then
            // the bias-corrected step size the update is scaled by.
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, mean, variance), new NDList(w),
                    lr, rate, 0f, 1f, -1f, beta1, beta2, epsilon, true, false);
        }

        @Override
        public void save(DataOutputStream out) throws IOException {
            Params.write(out, mean);
            Params.write(out, variance);
        }

        @Override
        public void load(DataInputStream in, String name) throws IOException {
            Params.read(in, mean, name + " (Adam mean)");
            Params.read(in, variance, name + " (Adam variance)");
        }
    }
}
