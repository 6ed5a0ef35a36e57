package dev.strat.runtime.rl.nn;

import dev.strat.runtime.rl.ObservationLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * A network as the language names it. A spec builds a {@link Module} that maps an input of a
 * given {@link ObservationLayout} to a given number of outputs (the head included), so the same
 * spec serves actors, critics and value functions of any size.
 */
public sealed interface NetSpec permits NetSpec.Mlp, NetSpec.Cnn, NetSpec.GruAttention, NetSpec.Towers {

    /** Builds the module; parameter names start with {@code name}. */
    Module build(NetContext context, String name, ObservationLayout input, int outputs, Activation outputActivation);

    /**
     * Why this network cannot read an observation of this layout, or empty when it can: a check a
     * program can run before any network is built (what {@link #build} would refuse).
     */
    default java.util.Optional<String> incompatibility(ObservationLayout input) {
        return java.util.Optional.empty();
    }

    /** A short description for labels and checkpoints, e.g. {@code mlp(400, 300)}. */
    String describe();

    /**
     * A multilayer perceptron on the flattened input.
     *
     * @param hidden     hidden layer widths
     * @param activation the hidden activation
     * @param batchNorm  batch normalisation of the input and after every hidden layer
     * @param dropout    dropout rate after every hidden activation (0 for none)
     */
    record Mlp(List<Integer> hidden, Activation activation, boolean batchNorm, double dropout) implements NetSpec {
        public Mlp {
            hidden = List.copyOf(hidden);
            for (int h : hidden) if (h < 1) throw new IllegalArgumentException("layer widths must be positive");
            if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1)");
        }

        public static Mlp of(Integer... hidden) {
            return new Mlp(List.of(hidden), Activation.RELU, false, 0);
        }

        @Override
        public Module build(NetContext context, String name, ObservationLayout input, int outputs, Activation outputActivation) {
            if (batchNorm || dropout > 0) return Layers.regularisedMlp(this, context, name, input.size(), outputs, outputActivation);
            List<Module> layers = new ArrayList<>();
            int in = input.size();
            for (int k = 0; k < hidden.size(); k++) {
                layers.add(new Linear(context.manager(), name + "." + k, in, hidden.get(k), context.hidden(), context.random()));
                in = hidden.get(k);
            }
            layers.add(new Linear(context.manager(), name + "." + hidden.size(), in, outputs, context.output(), context.random()));
            return new Sequential(layers, activation, outputActivation);
        }

        @Override
        public String describe() {
            StringBuilder s = new StringBuilder("mlp(");
            for (int k = 0; k < hidden.size(); k++) s.append(k == 0 ? "" : ", ").append(hidden.get(k));
            return s.append(')').toString();
        }
    }

    /**
     * A 1-D convolution over time on the tensor part (window, columns, channels) of the input,
     * each column (asset or cash) convolved with the same filters, then an MLP head on the
     * flattened maps joined with the flat part.
     */
    record Cnn(List<Integer> filters, int kernel, List<Integer> hidden, Activation activation) implements NetSpec {
        public Cnn {
            filters = List.copyOf(filters);
            hidden = List.copyOf(hidden);
        }

        @Override
        public Module build(NetContext context, String name, ObservationLayout input, int outputs, Activation outputActivation) {
            return Layers.cnn(this, context, name, input, outputs, outputActivation);
        }

        @Override
        public java.util.Optional<String> incompatibility(ObservationLayout input) {
            return dev.strat.runtime.rl.nn.Cnn.incompatibility(input, filters, kernel);
        }

        @Override
        public String describe() {
            return "cnn(filters=" + filters + ", kernel=" + kernel + ")";
        }
    }

    /**
     * A GRU over each column's window, global temporal attention over its hidden states, then
     * cross-column self-attention (Q = W_Q U, K = W_K U, V = W_V U), and a per-column score
     * {@code tanh(W U' + b)}: the goal-based HRL paper's asset scorer.
     *
     * @param hidden    GRU hidden size
     * @param attention dimension of the cross-column attention (d_k)
     */
    record GruAttention(int hidden, int attention) implements NetSpec {
        @Override
        public Module build(NetContext context, String name, ObservationLayout input, int outputs, Activation outputActivation) {
            return Layers.gruAttention(this, context, name, input, outputs, outputActivation);
        }

        @Override
        public java.util.Optional<String> incompatibility(ObservationLayout input) {
            return input.structured() ? java.util.Optional.empty()
                    : java.util.Optional.of("gru_attention needs an observation with a tensor part (window, columns, channels)");
        }

        @Override
        public String describe() {
            return "gru_attention(gru=" + hidden + ", attention=" + attention + ")";
        }
    }

    /**
     * Several networks, each on its own slice of the input and with its own outputs, whose
     * outputs are concatenated in order (HADAPS: a class tower and one tower per asset class).
     * With a non-empty {@code head} the concatenation feeds a further MLP that gives the outputs
     * (a critic joining a state tower and an action tower).
     */
    record Towers(List<Tower> towers, List<Integer> head, Activation activation) implements NetSpec {
        public Towers {
            towers = List.copyOf(towers);
            head = List.copyOf(head);
            if (towers.isEmpty()) throw new IllegalArgumentException("towers need at least one tower");
        }

        @Override
        public Module build(NetContext context, String name, ObservationLayout input, int outputs, Activation outputActivation) {
            return Layers.towers(this, context, name, input, outputs, outputActivation);
        }

        @Override
        public String describe() {
            StringBuilder s = new StringBuilder("towers(");
            for (int k = 0; k < towers.size(); k++) s.append(k == 0 ? "" : ", ").append(towers.get(k).name()).append('=').append(towers.get(k).net().describe());
            return s.append(')').toString();
        }
    }

    /**
     * One tower: a network over the input values {@code from .. to - 1} (viewed with
     * {@code layout}), giving {@code outputs} values (0: the tower's last hidden width, for a
     * tower that feeds a head).
     */
    record Tower(String name, NetSpec net, int from, int to, ObservationLayout layout, int outputs) {
        public Tower {
            if (to <= from) throw new IllegalArgumentException("tower " + name + " reads no input");
            if (layout.size() != to - from) throw new IllegalArgumentException("tower " + name + " layout does not match its slice");
        }
    }
}
