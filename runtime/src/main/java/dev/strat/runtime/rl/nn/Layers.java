package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.strat.runtime.rl.ObservationLayout;

import java.util.ArrayList;
import java.util.List;

/** Builders for the structured modules; kept apart from the specs so each stays small. */
final class Layers {

    private Layers() {
    }

    /**
     * An MLP with batch normalisation and/or dropout, HADAPS style: every linear layer (the
     * output layer included) is preceded by a batch norm of its input when {@code batchNorm}, and
     * every hidden layer is followed by the activation and then dropout when {@code dropout > 0}.
     * Linear layers keep the plain MLP's names ({@code name.0}, ...); batch norms are
     * {@code name.bn0}, ... (bn0 normalises the raw input).
     */
    static Module regularisedMlp(NetSpec.Mlp spec, NetContext context, String name, int inputs, int outputs, Activation outputActivation) {
        List<Module> layers = new ArrayList<>();
        int in = inputs;
        List<Integer> hidden = spec.hidden();
        for (int k = 0; k < hidden.size(); k++) {
            int width = hidden.get(k);
            if (spec.batchNorm()) layers.add(new BatchNorm(context.manager(), name + ".bn" + k, in));
            layers.add(new Linear(context.manager(), name + "." + k, in, width, context.hidden(), context.random()));
            layers.add(new Activate(spec.activation(), width));
            if (spec.dropout() > 0) layers.add(new Dropout(width, spec.dropout()));
            in = width;
        }
        if (spec.batchNorm()) layers.add(new BatchNorm(context.manager(), name + ".bn" + hidden.size(), in));
        layers.add(new Linear(context.manager(), name + "." + hidden.size(), in, outputs, context.output(), context.random()));
        layers.add(new Activate(outputActivation, outputs));
        return new Sequential(layers, Activation.IDENTITY, Activation.IDENTITY);
    }

    static Module cnn(NetSpec.Cnn spec, NetContext context, String name, ObservationLayout input, int outputs, Activation outputActivation) {
        NetSpec.Mlp head = new NetSpec.Mlp(spec.hidden(), spec.activation(), false, 0);
        return new Cnn(context, name, input, spec.filters(), spec.kernel(), spec.activation(),
                features -> head.build(context, name + ".head", ObservationLayout.flat(features), outputs, outputActivation));
    }

    static Module gruAttention(NetSpec.GruAttention spec, NetContext context, String name, ObservationLayout input, int outputs,
                               Activation outputActivation) {
        if (outputs < 1) throw new IllegalArgumentException("gru_attention needs at least one output, got " + outputs);
        return new GruAttention(context, name, input, spec.hidden(), spec.attention(), outputs, outputActivation);
    }

    /**
     * Towers over input slices. Without a head, each tower's outputs are part of the network's
     * outputs (so they take the output activation, and their widths must add up to
     * {@code outputs}); with a head, towers give hidden features (hidden activation) that an MLP
     * of widths {@code head} maps to the outputs.
     */
    static Module towers(NetSpec.Towers spec, NetContext context, String name, ObservationLayout input, int outputs,
                         Activation outputActivation) {
        boolean headless = spec.head().isEmpty();
        Activation towerActivation = headless ? outputActivation : spec.activation();
        List<Module> nets = new ArrayList<>();
        int sum = 0;
        for (NetSpec.Tower t : spec.towers()) {
            if (t.to() > input.size()) {
                throw new IllegalArgumentException("tower " + t.name() + " reads inputs " + t.from() + ".." + (t.to() - 1)
                        + " but the observation has " + input.size());
            }
            String towerName = name + "." + t.name();
            Module net = t.outputs() > 0
                    ? t.net().build(context, towerName, t.layout(), t.outputs(), towerActivation)
                    : features(t, context, towerName);
            nets.add(net);
            sum += net.outputSize();
        }
        Module head = null;
        if (headless) {
            if (sum != outputs) {
                throw new IllegalArgumentException("towers without a head must give the network's " + outputs
                        + " outputs between them, they give " + sum);
            }
        } else {
            head = new NetSpec.Mlp(spec.head(), spec.activation(), false, 0)
                    .build(context, name + ".head", ObservationLayout.flat(sum), outputs, outputActivation);
        }
        return new Towers(nets, spec.towers(), head);
    }

    /**
     * A tower with {@code outputs == 0}: its net up to its last hidden layer, with that layer's
     * width and the hidden activation (the layer drawn with the hidden initialiser).
     */
    private static Module features(NetSpec.Tower t, NetContext context, String name) {
        NetContext inner = context.withOutput(context.hidden());
        return switch (t.net()) {
            case NetSpec.Mlp m -> {
                requireHidden(t, m.hidden());
                yield new NetSpec.Mlp(allButLast(m.hidden()), m.activation(), m.batchNorm(), m.dropout())
                        .build(inner, name, t.layout(), last(m.hidden()), m.activation());
            }
            case NetSpec.Cnn c -> c.hidden().isEmpty()
                    ? new Cnn(context, name, t.layout(), c.filters(), c.kernel(), c.activation(), features -> null)
                    : new NetSpec.Cnn(c.filters(), c.kernel(), allButLast(c.hidden()), c.activation())
                            .build(inner, name, t.layout(), last(c.hidden()), c.activation());
            case NetSpec.GruAttention g -> new GruAttention(context, name, t.layout(), g.hidden(), g.attention(), 0, Activation.IDENTITY);
            case NetSpec.Towers w -> {
                requireHidden(t, w.head());
                yield new NetSpec.Towers(w.towers(), allButLast(w.head()), w.activation())
                        .build(inner, name, t.layout(), last(w.head()), w.activation());
            }
        };
    }

    private static void requireHidden(NetSpec.Tower t, List<Integer> hidden) {
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("tower " + t.name() + " has outputs 0 (its last hidden width) but its net "
                    + t.net().describe() + " has no hidden layer: give the tower explicit outputs");
        }
    }

    private static List<Integer> allButLast(List<Integer> list) {
        return list.subList(0, list.size() - 1);
    }

    private static int last(List<Integer> list) {
        return list.get(list.size() - 1);
    }

    /** The (batch, window * columns * channels) tensor part of a (batch, size) input. */
    static NDArray tensorPart(NDArray input, ObservationLayout layout) {
        return layout.flat() == 0 ? input : input.get(new NDIndex(":, 0:{}", layout.tensorSize()));
    }

    /** The (batch, flat) part after the tensor part. */
    static NDArray flatPart(NDArray input, ObservationLayout layout) {
        return input.get(new NDIndex(":, {}:", layout.tensorSize()));
    }
}
