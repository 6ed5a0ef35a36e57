package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.Arrays;
import java.util.List;

/**
 * Batch normalisation over the features of a (batch, features) array, as PyTorch's
 * {@code BatchNorm1d}: learnable scale {@code gamma} (ones) and shift {@code beta} (zeros);
 * training normalises with the batch statistics and moves the running statistics towards them
 * ({@code running <- (1 - momentum) running + momentum batch}, the variance unbiased), inference
 * normalises with the running statistics. One fused native call per forward; the running
 * statistics are updated in place, so nothing is allocated in the parameters' manager.
 */
public final class BatchNorm implements Module {

    /** PyTorch's defaults. */
    public static final double MOMENTUM = 0.1;
    public static final double EPSILON = 1e-5;

    private final int features;
    private final Param gamma;
    private final Param beta;
    private final Param runningMean;
    private final Param runningVar;

    public BatchNorm(NDManager manager, String name, int features) {
        this.features = features;
        float[] ones = new float[features];
        Arrays.fill(ones, 1f);
        Shape shape = new Shape(features);
        this.gamma = new Param(name + ".gamma", Tensors.parameter(manager, ones, shape));
        this.beta = new Param(name + ".beta", Tensors.parameter(manager, new float[features], shape));
        this.runningMean = new Param(name + ".running_mean", manager.create(new float[features], shape));
        this.runningVar = new Param(name + ".running_var", manager.create(ones, shape));
    }

    @Override
    public NDArray forward(NDArray input, Mode mode) {
        if (mode.training() && input.getShape().get(0) < 2) {
            // PyTorch refuses too, with a message that does not say which layer or why.
            throw new IllegalArgumentException("batch norm in training mode needs a batch of at least 2 rows "
                    + "(act with Mode.EVAL, or train on minibatches)");
        }
        return JniUtils.batchNorm((PtNDArray) input, (PtNDArray) runningMean.value(), (PtNDArray) runningVar.value(),
                (PtNDArray) gamma.value(), (PtNDArray) beta.value(), mode.training(), MOMENTUM, EPSILON);
    }

    @Override
    public int outputSize() {
        return features;
    }

    @Override
    public List<Param> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public List<Param> states() {
        return List.of(runningMean, runningVar);
    }
}
