package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop as PyTorch's {@code torch.optim.RMSprop} without momentum or centring (what SB3's
 * A2C uses, alpha 0.99, eps 1e-5): {@code v <- alpha v + (1 - alpha) g^2},
 * {@code w <- w - lr g / (sqrt(v) + eps)}, the epsilon outside the root.
 *
 * <p>It runs on the engine's fused Adam kernel, one native call per parameter: with
 * {@code beta1 = 0} Adam's first moment is the gradient itself, its second moment is RMSprop's
 * square average with {@code beta2 = alpha}, and without bias correction the Adam step
 * {@code lr m / (sqrt(v) + eps)} is the RMSprop step. The kernel's gradient rescaling carries
 * a global-norm clipping factor for free.
 */
public final class RmsProp {

    private final List<Param> params;
    private final List<NDArray> squares = new ArrayList<>();
    private final List<NDArray> scratch = new ArrayList<>();
    private final float lr;
    private final float alpha;
    private final float epsilon;
    private long t;
    /** For {@link #step(float[])}: views of each parameter's and square average's memory, and scratch. */
    private final FloatBuffer[] weightViews;
    private final FloatBuffer[] squareViews;
    private float[] weights = new float[0];
    private float[] averages = new float[0];

    public RmsProp(NDManager manager, List<Param> params, double lr, double alpha, double epsilon) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        if (!(alpha >= 0 && alpha < 1)) throw new IllegalArgumentException("RMSprop alpha must be in [0, 1), got " + alpha);
        this.params = List.copyOf(params);
        this.lr = (float) lr;
        this.alpha = (float) alpha;
        this.epsilon = (float) epsilon;
        this.weightViews = new FloatBuffer[this.params.size()];
        this.squareViews = new FloatBuffer[this.params.size()];
        for (Param p : this.params) {
            squares.add(manager.zeros(p.value().getShape()));
            // Adam's first moment: with beta1 = 0 it is overwritten by the gradient at every step.
            scratch.add(manager.zeros(p.value().getShape()));
        }
    }

    /** One step with the accumulated gradients multiplied by {@code gradScale}; zeroes them. */
    public void step(double gradScale) {
        NDArray[] gradients = new NDArray[params.size()];
        try {
            for (int k = 0; k < gradients.length; k++) gradients[k] = params.get(k).value().getGradient();
            step(gradients, gradScale);
        } finally {
            for (NDArray g : gradients) if (g != null) g.close();
        }
    }

    /**
     * One step with {@code gradients} (handles to the parameters' gradients, in order, that the
     * caller already holds, e.g. after computing their norm) multiplied by {@code gradScale};
     * zeroes them.
     */
    public void step(NDArray[] gradients, double gradScale) {
        if (gradients.length != params.size()) throw new IllegalArgumentException("one gradient per parameter");
        t++;
        for (int k = 0; k < params.size(); k++) {
            NDArray w = params.get(k).value();
            w.getNDArrayInternal().adamUpdate(new NDList(w, gradients[k], scratch.get(k), squares.get(k)), new NDList(w),
                    lr, lr, 0f, (float) gradScale, -1f, 0f, alpha, epsilon, true, false);
            Tensors.zeroGrad(w);
        }
    }

    /**
     * One step with gradients computed outside autograd ({@code gradient}: each parameter's, one
     * after another in the list's order), in Java on the parameters' and square averages' CPU
     * memory: the formula of {@link #step(NDArray[], double)} at scale 1. The tensors' own
     * gradients are not read or changed.
     */
    public void step(float[] gradient) {
        t++;
        int at = 0;
        for (int k = 0; k < params.size(); k++) {
            NDArray w = params.get(k).value();
            int n = Math.toIntExact(w.size());
            if (weightViews[k] == null) {
                weightViews[k] = HostKernels.view(w);
                squareViews[k] = HostKernels.aliasedView(squares.get(k));
            }
            if (weights.length < n) {
                weights = new float[n];
                averages = new float[n];
            }
            FloatBuffer wv = weightViews[k];
            FloatBuffer vv = squareViews[k];
            wv.get(0, weights, 0, n);
            vv.get(0, averages, 0, n);
            for (int i = 0; i < n; i++) {
                float g = gradient[at + i];
                float v = alpha * averages[i] + (1 - alpha) * g * g;
                averages[i] = v;
                weights[i] -= lr * g / ((float) Math.sqrt(v) + epsilon);
            }
            wv.put(0, weights, 0, n);
            vv.put(0, averages, 0, n);
            at += n;
        }
        if (at != gradient.length) throw new IllegalArgumentException("gradient of " + gradient.length + " values for " + at + " parameters");
    }

    public long steps() {
        return t;
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeLong(t);
        for (NDArray v : squares) Params.write(out, v);
    }

    public void load(DataInputStream in) throws IOException {
        t = in.readLong();
        for (int k = 0; k < params.size(); k++) Params.read(in, squares.get(k), params.get(k).name() + " (RMSprop square average)");
    }
}
