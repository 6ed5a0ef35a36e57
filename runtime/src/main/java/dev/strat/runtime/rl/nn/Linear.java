package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;
import java.util.SplittableRandom;

/** A fully connected layer {@code y = x W' + b}, one fused native call per forward. */
public final class Linear implements Module {

    private final int in;
    private final int out;
    private final Param weight;
    private final Param bias;

    public Linear(NDManager manager, String name, int in, int out, Init init, SplittableRandom random) {
        this.in = in;
        this.out = out;
        float[] w = new float[out * in];
        float[] b = new float[out];
        init.fill(w, b, out, in, random);
        this.weight = new Param(name + ".weight", Tensors.parameter(manager, w, new Shape(out, in)));
        this.bias = new Param(name + ".bias", Tensors.parameter(manager, b, new Shape(out)));
    }

    @Override
    public NDArray forward(NDArray input, Mode mode) {
        return ai.djl.nn.core.Linear.linear(input, weight.value(), bias.value()).singletonOrThrow();
    }

    public int inputSize() { return in; }

    @Override
    public int outputSize() { return out; }

    @Override
    public List<Param> parameters() {
        return List.of(weight, bias);
    }
}
