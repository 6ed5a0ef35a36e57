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
 * Adam (Kingma and Ba 2015) over a fixed list of parameters, one fused native call per
 * parameter per step (PyTorch engine's {@code adamUpdate}), followed by a gradient reset.
 * The bias correction is folded into the step size as in DJL's optimiser:
 * {@code lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}.
 */
public final class Adam {

    private final List<Param> params;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final float lr;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float clipGrad;
    private long t;

    public Adam(NDManager manager, List<Param> params, double lr) {
        this(manager, params, lr, 0.9, 0.999, 1e-8, -1);
    }

    /** @param clipGrad element-wise gradient clip, or a negative value for none */
    public Adam(NDManager manager, List<Param> params, double lr, double beta1, double beta2, double epsilon, double clipGrad) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        this.params = List.copyOf(params);
        this.lr = (float) lr;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        this.clipGrad = (float) clipGrad;
        for (Param p : this.params) {
            means.add(manager.zeros(p.value().getShape()));
            variances.add(manager.zeros(p.value().getShape()));
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
                // Argument order as DJL's own Adam: the plain rate (used for weight decay) first,
                // then the bias-corrected step size the update is scaled by.
                w.getNDArrayInternal().adamUpdate(new NDList(w, g, means.get(k), variances.get(k)), new NDList(w),
                        lr, rate, 0f, 1f, clipGrad, beta1, beta2, epsilon, true, false);
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
            Params.write(out, means.get(k));
            Params.write(out, variances.get(k));
        }
    }

    public void load(DataInputStream in) throws IOException {
        t = in.readLong();
        for (int k = 0; k < params.size(); k++) {
            Params.read(in, means.get(k), params.get(k).name() + " (Adam mean)");
            Params.read(in, variances.get(k), params.get(k).name() + " (Adam variance)");
        }
    }
}
