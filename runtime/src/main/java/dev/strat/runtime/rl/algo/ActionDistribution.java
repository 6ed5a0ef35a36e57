package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.nn.Param;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The policy's action distribution over the actor's output (its "head"): a diagonal Gaussian
 * for continuous actions, a categorical for discrete ones. Sampling happens in Java from the
 * agent's seeded stream, so PyTorch's generator is never used; log-probabilities and entropy
 * for the loss are computed on the accelerator from the same formulas.
 */
sealed interface ActionDistribution permits DiagonalGaussian, Categorical {

    /** Values the actor must output. */
    int headSize();

    /** Extra trainable parameters (the Gaussian's state-independent log std). */
    List<Param> parameters();

    /** Re-reads parameters after an update or a load (the Java copy used for sampling). */
    void refresh();

    /**
     * Samples from the distribution given by {@code head[0 .. headSize-1]}, writes the stored
     * action (unclipped values, or the index) into {@code raw} and returns its log-probability.
     */
    double sample(float[] head, SplittableRandom random, float[] raw);

    /** The action the environment gets for the stored action {@code raw} (clipped to [-1, 1], or the index). */
    void toEnvironment(float[] raw, float[] action);

    /** The deterministic action: the mean clipped to [-1, 1], or the most likely option. */
    void mode(float[] head, float[] action);

    /**
     * Log-probabilities (batch, 1) of {@code actions} (continuous values or one-hot rows) and
     * the batch-mean entropy (a scalar), as differentiable arrays owned by {@code scope}.
     */
    NDArray[] logProbAndEntropy(NDManager scope, NDArray head, NDArray actions);
}
