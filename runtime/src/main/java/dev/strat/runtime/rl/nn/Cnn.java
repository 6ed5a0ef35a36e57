package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import dev.strat.runtime.rl.ObservationLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * 1-D convolutions over time, the same filters for every column of the tensor part: the
 * (batch, window, columns, channels) tensor is viewed as (batch * columns, channels, window),
 * so columns act as extra batch rows and one native call convolves them all. Valid padding,
 * stride 1, an activation after every convolution; the maps are flattened per sample, joined
 * with the flat part and passed to {@code head}. With no head the joined features are the output.
 *
 * <p>{@code head} receives the joined feature width and returns the head module, or null for none.
 */
final class Cnn implements Module {

    private final ObservationLayout layout;
    private final List<Param> weights;
    private final List<Param> biases;
    private final Activation activation;
    private final Module head;
    private final int features;

    /** Why a cnn of these filters and kernel cannot read the layout, or empty when it can. */
    static java.util.Optional<String> incompatibility(ObservationLayout layout, List<Integer> filters, int kernel) {
        if (!layout.structured()) {
            return java.util.Optional.of("cnn needs an observation with a tensor part (window, columns, channels): give the agent a "
                    + "window feature such as returns(window=20) or ohlcv(window=60)");
        }
        if (filters.isEmpty()) return java.util.Optional.of("cnn needs at least one convolution");
        if (kernel < 1) return java.util.Optional.of("cnn kernel must be positive, got " + kernel);
        if (layout.window() - filters.size() * (kernel - 1) < 1) {
            return java.util.Optional.of("cnn with " + filters.size() + " convolutions of kernel " + kernel + " needs a window of at least "
                    + (filters.size() * (kernel - 1) + 1) + " bars, the observation has " + layout.window());
        }
        return java.util.Optional.empty();
    }

    Cnn(NetContext context, String name, ObservationLayout layout, List<Integer> filters, int kernel, Activation activation,
        IntFunction<Module> head) {
        incompatibility(layout, filters, kernel).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        int width = layout.window() - filters.size() * (kernel - 1);
        this.layout = layout;
        this.activation = activation;
        this.weights = new ArrayList<>();
        this.biases = new ArrayList<>();
        int in = layout.channels();
        for (int k = 0; k < filters.size(); k++) {
            int out = filters.get(k);
            if (out < 1) throw new IllegalArgumentException("cnn filter counts must be positive");
            float[] w = new float[out * in * kernel];
            float[] b = new float[out];
            // fan_in = in * kernel, PyTorch's rule for convolutions (the default init gives U(-1/sqrt(fan_in), ..)).
            context.hidden().fill(w, b, out, in * kernel, context.random());
            weights.add(new Param(name + ".conv" + k + ".weight", Tensors.parameter(context.manager(), w, new Shape(out, in, kernel))));
            biases.add(new Param(name + ".conv" + k + ".bias", Tensors.parameter(context.manager(), b, new Shape(out))));
            in = out;
        }
        this.features = layout.columns() * in * width + layout.flat();
        this.head = head.apply(features);
    }

    @Override
    public NDArray forward(NDArray input, Mode mode) {
        int w = layout.window();
        int c = layout.columns();
        int f = layout.channels();
        NDArray x = Layers.tensorPart(input, layout).reshape(-1, w, c, f).transpose(0, 2, 3, 1).reshape(-1, f, w);
        for (int k = 0; k < weights.size(); k++) {
            NDList out = Conv1d.conv1d(x, weights.get(k).value(), biases.get(k).value(), new Shape(1), new Shape(0), new Shape(1), 1);
            x = activation.apply(out.singletonOrThrow());
        }
        long batch = input.getShape().get(0);
        x = x.reshape(batch, -1);
        if (layout.flat() > 0) x = x.concat(Layers.flatPart(input, layout), 1);
        return head == null ? x : head.forward(x, mode);
    }

    @Override
    public int outputSize() {
        return head == null ? features : head.outputSize();
    }

    @Override
    public List<Param> parameters() {
        List<Param> all = new ArrayList<>();
        for (int k = 0; k < weights.size(); k++) {
            all.add(weights.get(k));
            all.add(biases.get(k));
        }
        if (head != null) all.addAll(head.parameters());
        return all;
    }

    @Override
    public List<Param> states() {
        return head == null ? List.of() : head.states();
    }
}
