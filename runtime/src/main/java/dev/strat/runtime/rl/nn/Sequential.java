package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/** Modules applied one after another, with an activation after every one but (optionally) the last. */
public final class Sequential implements Module {

    private final List<Module> layers;
    private final Activation activation;
    private final Activation outputActivation;

    public Sequential(List<Module> layers, Activation activation, Activation outputActivation) {
        if (layers.isEmpty()) throw new IllegalArgumentException("a sequential module needs at least one layer");
        this.layers = List.copyOf(layers);
        this.activation = activation;
        this.outputActivation = outputActivation;
    }

    @Override
    public NDArray forward(NDArray input, Mode mode) {
        NDArray x = input;
        int last = layers.size() - 1;
        for (int k = 0; k <= last; k++) {
            x = layers.get(k).forward(x, mode);
            x = (k < last ? activation : outputActivation).apply(x);
        }
        return x;
    }

    @Override
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    @Override
    public List<Param> parameters() {
        List<Param> all = new ArrayList<>();
        for (Module m : layers) all.addAll(m.parameters());
        return all;
    }

    @Override
    public List<Param> states() {
        List<Param> all = new ArrayList<>();
        for (Module m : layers) all.addAll(m.states());
        return all;
    }
}
