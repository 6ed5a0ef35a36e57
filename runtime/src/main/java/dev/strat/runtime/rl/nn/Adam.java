package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
    private final boolean host;
    private final List<float[]> hostMeans = new ArrayList<>();
    private final List<float[]> hostVariances = new ArrayList<>();
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    /** Scratch copies of one parameter and its gradient (host steps only). */
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
        this.host = this.params.stream().allMatch(p -> HostKernels.onHost(p.value()));
        int largest = host ? this.params.stream().mapToInt(p -> Math.toIntExact(p.value().size())).max().orElse(0) : 0;
        this.weightScratch = new float[largest];
        this.gradientScratch = new float[largest];
        for (Param p : this.params) {
            if (host) {
                hostMeans.add(new float[Math.toIntExact(p.value().size())]);
                hostVariances.add(new float[Math.toIntExact(p.value().size())]);
            } else {
                means.add(manager.zeros(p.value().getShape()));
                variances.add(manager.zeros(p.value().getShape()));
            }
        }
    }

    /** Applies one step with the gradients accumulated since the last step, then zeroes them. */
    public void step() {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        float rate = (float) (lr * Math.sqrt(c2) / c1);
        for (int k = 0; k < params.size(); k++) {
            NDArray w = params.get(k).value();
            try (NDArray g = w.getGradient()) {
                if (host) {
                    HostKernels.adam(HostKernels.view(w), HostKernels.view(g), hostMeans.get(k), hostVariances.get(k),
                            weightScratch, gradientScratch, rate, beta1, beta2, epsilon);
                } else {
                    // Argument order as DJL's own Adam: the plain rate (used for weight decay)
                    // first, then the bias-corrected step size the update is scaled by.
                    w.getNDArrayInternal().adamUpdate(new NDList(w, g, means.get(k), variances.get(k)), new NDList(w),
                            lr, rate, 0f, 1f, -1f, beta1, beta2, epsilon, true, false);
                }
            }
            Tensors.zeroGrad(w);
        }
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
        for (int k = 0; k < params.size(); k++) {
            if (host) {
                Params.write(out, hostMeans.get(k));
                Params.write(out, hostVariances.get(k));
            } else {
                Params.write(out, means.get(k));
                Params.write(out, variances.get(k));
            }
        }
    }

    public void load(DataInputStream in) throws IOException {
        t = in.readLong();
        for (int k = 0; k < params.size(); k++) {
            String name = params.get(k).name();
            if (host) {
                Params.read(in, hostMeans.get(k), name + " (Adam mean)");
                Params.read(in, hostVariances.get(k), name + " (Adam variance)");
            } else {
                Params.read(in, means.get(k), name + " (Adam mean)");
                Params.read(in, variances.get(k), name + " (Adam variance)");
            }
        }
    }
}
