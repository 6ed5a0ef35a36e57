package dev.strat.runtime.rl.algo;

import dev.strat.runtime.util.Gaussian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.nn.Param;
import dev.strat.runtime.rl.nn.Tensors;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Gaussian with the actor's output as mean and a state-independent, learned log standard
 * deviation per dimension (SB3's {@code DiagGaussianDistribution}, log std initialised to
 * {@code logStdInit}). Samples are stored unclipped; the environment gets them clipped to
 * [-1, 1], as SB3 does.
 */
final class DiagonalGaussian implements ActionDistribution {

    static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final int dim;
    private final Param logStd;
    private final float[] logStdCopy;

    DiagonalGaussian(NDManager manager, int dim, double logStdInit) {
        this.dim = dim;
        float[] init = new float[dim];
        Arrays.fill(init, (float) logStdInit);
        this.logStd = new Param("log_std", Tensors.parameter(manager, init, new Shape(dim)));
        this.logStdCopy = init.clone();
    }

    @Override
    public int headSize() { return dim; }

    @Override
    public List<Param> parameters() { return List.of(logStd); }

    @Override
    public void refresh() {
        System.arraycopy(logStd.value().toFloatArray(), 0, logStdCopy, 0, dim);
    }

    float[] logStd() { return logStdCopy.clone(); }

    @Override
    public double sample(float[] head, SplittableRandom random, float[] raw) {
        double logProb = -dim * HALF_LOG_2PI;
        for (int i = 0; i < dim; i++) {
            double z = Gaussian.next(random);
            raw[i] = (float) (head[i] + Math.exp(logStdCopy[i]) * z);
            logProb -= 0.5 * z * z + logStdCopy[i];
        }
        return logProb;
    }

    @Override
    public void toEnvironment(float[] raw, float[] action) {
        for (int i = 0; i < dim; i++) action[i] = Math.max(-1f, Math.min(1f, raw[i]));
    }

    @Override
    public void mode(float[] head, float[] action) {
        for (int i = 0; i < dim; i++) action[i] = Math.max(-1f, Math.min(1f, head[i]));
    }

    @Override
    public NDArray[] logProbAndEntropy(NDManager scope, NDArray mean, NDArray actions) {
        // Results of operations on the parameter belong to its long-lived manager: move them
        // into the scope at once so that they are freed with it.
        NDArray negLogStd = scoped(logStd.value().neg(), scope);
        NDArray sumLogStd = scoped(logStd.value().sum(), scope);
        NDArray z = actions.sub(mean).mul(negLogStd.exp());
        NDArray logProb = z.square().sum(new int[]{1}, true).mul(-0.5f).sub(sumLogStd.add((float) (dim * HALF_LOG_2PI)));
        NDArray entropy = sumLogStd.add((float) (dim * (0.5 + HALF_LOG_2PI)));
        return new NDArray[]{logProb, entropy};
    }

    static NDArray scoped(NDArray a, NDManager scope) {
        a.attach(scope);
        return a;
    }

}
