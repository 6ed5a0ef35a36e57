package dev.strat.runtime.rl.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise passes of a small network's forward and backward pass on the Vector API, beside
 * {@link HostGemm}'s products: a bias added to every row, an activation and its derivative, and
 * column sums (a bias's gradient). Written with explicit vectors because the JIT does not
 * vectorise these loops by itself: a row loop indexes the bias differently from the matrix, and
 * the derivatives of relu and leaky relu are conditional.
 *
 * <p>Only the lane-wise operations whose results do not depend on the vector width are
 * vectorised (additions, comparisons, blends); {@code tanh}, {@code exp} and friends stay
 * {@link Math}'s, so the results are the same on every machine.
 */
public final class HostVectors {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private HostVectors() {
    }

    /** {@code h[r][c] = f(h[r][c] + bias[at + c])} over {@code rows} rows of {@code cols}. */
    public static void biasActivate(float[] h, int rows, int cols, float[] bias, int at, Activation f) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int c = 0; c < cols; c += L) {
                VectorMask<Float> m = S.indexInRange(c, cols);
                FloatVector v = FloatVector.fromArray(S, h, row + c, m).add(FloatVector.fromArray(S, bias, at + c, m));
                if (f == Activation.RELU) v = v.max(0f);
                v.intoArray(h, row + c, m);
            }
        }
        switch (f) {
            case RELU, IDENTITY -> {
            }
            case TANH -> {
                for (int i = 0; i < rows * cols; i++) h[i] = (float) Math.tanh(h[i]);
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < rows * cols; i++) h[i] = h[i] > 0 ? h[i] : 0.01f * h[i];
            }
            case ELU -> {
                for (int i = 0; i < rows * cols; i++) h[i] = h[i] > 0 ? h[i] : (float) Math.expm1(h[i]);
            }
            case SIGMOID -> {
                for (int i = 0; i < rows * cols; i++) h[i] = (float) (1 / (1 + Math.exp(-h[i])));
            }
        }
    }

    /**
     * {@code d *= f'(z)} over the first {@code n} values, from the activation's output
     * {@code h = f(z)}: each derivative here is a function of the output. Where the input is
     * exactly 0 the output is too, and the factor is PyTorch's: 0 for relu, the slope for leaky
     * relu, 1 for elu.
     */
    public static void derivative(Activation f, float[] h, float[] d, int n) {
        switch (f) {
            case RELU, LEAKY_RELU -> {
                float slope = f == Activation.RELU ? 0f : 0.01f;
                int i = 0;
                for (; i + L <= n; i += L) {
                    FloatVector hv = FloatVector.fromArray(S, h, i);
                    FloatVector dv = FloatVector.fromArray(S, d, i);
                    FloatVector off = f == Activation.RELU ? FloatVector.zero(S) : dv.mul(slope);
                    dv.blend(off, hv.compare(VectorOperators.GT, 0f).not()).intoArray(d, i);
                }
                for (; i < n; i++) if (!(h[i] > 0)) d[i] = f == Activation.RELU ? 0f : d[i] * slope;
            }
            case TANH -> {
                for (int i = 0; i < n; i++) d[i] *= 1 - h[i] * h[i];
            }
            case ELU -> {
                for (int i = 0; i < n; i++) if (h[i] < 0) d[i] *= h[i] + 1;
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) d[i] *= h[i] * (1 - h[i]);
            }
            case IDENTITY -> {
            }
        }
    }

    /** {@code out[at + c] = sum_r d[r][c]} over {@code rows} rows of {@code cols}, rows in order. */
    public static void columnSums(float[] d, int rows, int cols, float[] out, int at) {
        for (int c = 0; c < cols; c += L) {
            VectorMask<Float> m = S.indexInRange(c, cols);
            FloatVector s = FloatVector.zero(S);
            for (int r = 0; r < rows; r++) s = s.add(FloatVector.fromArray(S, d, r * cols + c, m));
            s.intoArray(out, at + c, m);
        }
    }
}
