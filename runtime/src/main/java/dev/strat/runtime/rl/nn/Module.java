package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * A network part: a differentiable function of a (batch, inputs) array with named parameters.
 * Modules compose (an MLP is a chain of linear layers, towers combine modules), and the same
 * {@link NetSpec} always builds the same module tree, so parameter names are stable across
 * runs and checkpoints.
 *
 * <p>Memory rule: a forward pass must put the data operand first in every operation so that the
 * result belongs to the caller's scoped {@link ai.djl.ndarray.NDManager}, never to the long-lived
 * manager that holds the parameters; that is what keeps native memory flat over long runs.
 */
public interface Module {

    /** Maps a (batch, inputSize) array to a (batch, outputSize()) array. */
    NDArray forward(NDArray input, Mode mode);

    int outputSize();

    /** Trainable parameters, in a stable order. */
    List<Param> parameters();

    /** Non-trainable state saved with the weights (batch-norm running statistics). */
    default List<Param> states() {
        return List.of();
    }
}
