package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.ObservationLayout;

import java.util.List;
import java.util.SplittableRandom;

/** Shared test helpers: building networks from a seed, random inputs, one-shot forward passes. */
final class NnFixture {

    /** (window 6, columns 3, channels 2) tensor part plus 4 flat values: 40 inputs. */
    static final ObservationLayout STRUCTURED = new ObservationLayout(6, 3, 2, 4);

    private NnFixture() {
    }

    static NDManager root() {
        NDManager root = Compute.engine().newBaseManager();
        Tensors.noGrad();
        return root;
    }

    static Module build(NDManager manager, NetSpec spec, ObservationLayout layout, int outputs, long seed) {
        return spec.build(NetContext.torchDefault(manager, new SplittableRandom(seed)), "net", layout, outputs, Activation.IDENTITY);
    }

    static float[] randoms(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextDouble() * 2 - 1);
        return v;
    }

    /** Forward pass of a (batch, inputs) array in a scope; returns the (batch, outputs) values and shape. */
    static Result forward(NDManager root, Module net, float[] input, int batch, Mode mode) {
        try (NDManager scope = root.newSubManager()) {
            NDArray x = scope.create(input, new Shape(batch, input.length / batch));
            NDArray y = net.forward(x, mode);
            return new Result(y.toFloatArray(), y.getShape());
        }
    }

    record Result(float[] values, Shape shape) {
    }

    /** {@code loss = sum(output * coefficients)} with analytic gradients for every parameter. */
    static float[][] gradients(NDManager root, Module net, float[] input, int batch, float[] coefficients, Mode mode) {
        List<Param> params = net.parameters();
        float[][] grads = new float[params.size()][];
        try (NDManager scope = root.newSubManager()) {
            NDArray x = scope.create(input, new Shape(batch, input.length / batch));
            NDArray c = scope.create(coefficients, new Shape(batch, coefficients.length / batch));
            try (Tensors.Recording recording = Tensors.record()) {
                NDArray y = net.forward(x, mode);
                Tensors.backward(y.mul(c).sum());
            }
            for (int k = 0; k < params.size(); k++) {
                try (NDArray g = params.get(k).value().getGradient()) {
                    grads[k] = g.toFloatArray();
                }
                Tensors.zeroGrad(params.get(k).value());
            }
        }
        return grads;
    }

    /** The same loss evaluated without gradients, summed in double. */
    static double loss(NDManager root, Module net, float[] input, int batch, float[] coefficients, Mode mode) {
        float[] y = forward(root, net, input, batch, mode).values();
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (double) y[i] * coefficients[i];
        return s;
    }
}
