package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * SAC's policy distribution: a diagonal Gaussian on {@code u} squashed by {@code tanh}, with
 * {@code log std} clamped to [{@value #LOG_STD_MIN}, {@value #LOG_STD_MAX}] as in SB3. Samples
 * are reparameterised with noise {@code eps ~ N(0, 1)} drawn in Java:
 * {@code u = mu + exp(log std) eps}, {@code a = tanh(u)}, and
 *
 * <pre>
 * log pi(a) = sum_j [ -eps_j^2 / 2 - log std_j - log(2 pi) / 2 - log(1 - tanh(u_j)^2) ]
 * log(1 - tanh(u)^2) = 2 (log 2 - u - softplus(-2 u))
 * </pre>
 *
 * the second line being the overflow-free form of the tanh correction (SB3 writes
 * {@code log(1 - a^2 + 1e-6)}; the two agree to about 1e-6 where {@code a} is not saturated).
 * Since {@code (u - mu) / std = eps} exactly, the Gaussian's quadratic term is a constant of the
 * noise, computed in Java ({@link #noiseConstant}); its gradient through the reparameterised
 * sample is zero in PyTorch's graph as well.
 */
final class SquashedGaussian {

    static final float LOG_STD_MIN = -20f;
    static final float LOG_STD_MAX = 2f;
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double LOG_2 = Math.log(2);

    private SquashedGaussian() {
    }

    /**
     * Per-row constant of the log-probability: {@code sum_j (-eps_j^2 / 2 - log(2 pi) / 2 - 2 log 2)}
     * for row {@code row} of {@code eps} (rows of {@code dim}).
     */
    static float noiseConstant(float[] eps, int row, int dim) {
        double s = 0;
        for (int j = 0; j < dim; j++) {
            double e = eps[row * dim + j];
            s += -0.5 * e * e - 0.5 * LOG_2PI - 2 * LOG_2;
        }
        return (float) s;
    }

    /** The sample and its log-probability. */
    record Sample(NDArray action, NDArray logProb) {
    }

    /** Long-lived scalar tensors, so that sampling creates no constants per update. */
    record Scalars(NDArray logStdMin, NDArray logStdMax, NDArray minusTwo, NDArray two) {
        static Scalars on(NDManager manager) {
            return new Scalars(manager.create(LOG_STD_MIN), manager.create(LOG_STD_MAX), manager.create(-2f), manager.create(2f));
        }
    }

    /**
     * From the actor's output (B, 2 dim) = [mu, log std], the noise (B, dim) and the per-row
     * constants (B, 1): the squashed action (B, dim) and {@code log pi} (B, 1).
     */
    static Sample sample(NDArray actorOutput, int dim, NDArray eps, NDArray constant, Scalars c) {
        NDList parts = actorOutput.split(new long[] {dim}, 1);
        NDArray mu = parts.get(0);
        NDArray logStd = parts.get(1).maximum(c.logStdMin()).minimum(c.logStdMax());
        NDArray u = logStd.exp().mul(eps).addi(mu);    // not muli: exp keeps its result for backward
        NDArray action = u.tanh();
        // 2 (u + softplus(-2u)) - log std, summed, plus the constant: see the class comment.
        NDArray perDim = ai.djl.nn.Activation.softPlus(u.mul(c.minusTwo())).addi(u).muli(c.two()).subi(logStd);
        NDArray logProb = perDim.sum(new int[] {1}, true).addi(constant);
        return new Sample(action, logProb);
    }

    /** Java-side sampling for one exploring action: {@code a = tanh(mu + exp(clamp(log std)) eps)}. */
    static void sample(float[] output, int dim, double[] eps, float[] action) {
        for (int j = 0; j < dim; j++) {
            double logStd = Math.max(LOG_STD_MIN, Math.min(LOG_STD_MAX, output[dim + j]));
            action[j] = (float) Math.tanh(output[j] + Math.exp(logStd) * eps[j]);
        }
    }
}
