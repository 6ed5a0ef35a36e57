package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;

import java.util.List;

/** An activation as a layer, for chains whose activations do not sit between every pair of layers. */
record Activate(Activation activation, int width) implements Module {

    @Override
    public NDArray forward(NDArray input, Mode mode) {
        return activation.apply(input);
    }

    @Override
    public int outputSize() {
        return width;
    }

    @Override
    public List<Param> parameters() {
        return List.of();
    }
}
