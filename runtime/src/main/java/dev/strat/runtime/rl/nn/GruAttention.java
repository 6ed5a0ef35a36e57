package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.strat.runtime.rl.ObservationLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The goal-based HRL asset scorer (reference-formulas.md, Goal-based HRL, reconstructed):
 * <ol>
 *   <li>a GRU (PyTorch gate layout r, z, n; hidden {@code H}) over each column's window, all
 *       columns of all samples as one batch of sequences, one fused native call;</li>
 *   <li>global temporal attention over its hidden states: {@code e_t = v' tanh(W_a h_t + b_a)},
 *       {@code alpha = softmax_t(e)}, {@code u = sum_t alpha_t h_t};</li>
 *   <li>cross-column self-attention over U (columns x H): {@code Q = U W_Q'}, {@code K = U W_K'},
 *       {@code V = U W_V'}, {@code U' = softmax(Q K' / sqrt(d_k)) V};</li>
 *   <li>when {@code outputs == columns}: a score per column {@code S = tanh(U' w + b)} (then the
 *       caller's output activation); otherwise U' flattened, joined with the flat part, and one
 *       linear layer to the outputs. With {@code outputs == 0} (a tower feeding a head) the
 *       flattened U' joined with the flat part is the output.</li>
 * </ol>
 * The per-column score sees only the tensor part, as in the paper; the flat part reaches only
 * the flattened heads.
 */
final class GruAttention implements Module {

    private final ObservationLayout layout;
    private final int hidden;
    private final int attention;
    private final Param wIh;
    private final Param wHh;
    private final Param bIh;
    private final Param bHh;
    private final Param attentionWeight;
    private final Param attentionBias;
    private final Param attentionVector;
    private final Param query;
    private final Param key;
    private final Param value;
    private final Linear head;
    private final boolean scores;
    private final Activation outputActivation;
    private final int outputs;

    GruAttention(NetContext context, String name, ObservationLayout layout, int hidden, int attention, int outputs,
                 Activation outputActivation) {
        if (!layout.structured()) throw new IllegalArgumentException("gru_attention needs an observation with a tensor part (window, columns, channels)");
        if (hidden < 1 || attention < 1) throw new IllegalArgumentException("gru_attention sizes must be positive");
        if (outputs < 0) throw new IllegalArgumentException("outputs must not be negative");
        this.layout = layout;
        this.hidden = hidden;
        this.attention = attention;
        this.outputActivation = outputActivation;
        int f = layout.channels();
        SplittableRandom random = context.random();
        // PyTorch's GRU default, U(-1/sqrt(H), 1/sqrt(H)) for every weight and bias, whatever the
        // context's linear initialiser: orthogonal gains tuned for ReLU layers do not carry over
        // to the recurrent gates.
        double bound = 1 / Math.sqrt(hidden);
        this.wIh = uniform(context, name + ".gru.weight_ih", new Shape(3L * hidden, f), bound, random);
        this.wHh = uniform(context, name + ".gru.weight_hh", new Shape(3L * hidden, hidden), bound, random);
        this.bIh = uniform(context, name + ".gru.bias_ih", new Shape(3L * hidden), bound, random);
        this.bHh = uniform(context, name + ".gru.bias_hh", new Shape(3L * hidden), bound, random);
        float[] w = new float[hidden * hidden];
        float[] b = new float[hidden];
        context.hidden().fill(w, b, hidden, hidden, random);
        this.attentionWeight = new Param(name + ".temporal.weight", Tensors.parameter(context.manager(), w, new Shape(hidden, hidden)));
        this.attentionBias = new Param(name + ".temporal.bias", Tensors.parameter(context.manager(), b, new Shape(hidden)));
        this.attentionVector = weight(context, name + ".temporal.v", 1, hidden, random);
        this.query = weight(context, name + ".query", attention, hidden, random);
        this.key = weight(context, name + ".key", attention, hidden, random);
        this.value = weight(context, name + ".value", attention, hidden, random);
        int flattened = layout.columns() * attention + layout.flat();
        this.scores = outputs == layout.columns();
        if (outputs == 0) {
            this.head = null;
            this.outputs = flattened;
        } else {
            this.head = new Linear(context.manager(), name + ".score", scores ? attention : flattened, scores ? 1 : outputs,
                    context.output(), random);
            this.outputs = outputs;
        }
    }

    private static Param uniform(NetContext context, String name, Shape shape, double bound, SplittableRandom random) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        return new Param(name, Tensors.parameter(context.manager(), v, shape));
    }

    /** A weight without bias, drawn with the hidden initialiser (its bias draw is discarded). */
    private static Param weight(NetContext context, String name, int out, int in, SplittableRandom random) {
        float[] w = new float[out * in];
        context.hidden().fill(w, new float[out], out, in, random);
        return new Param(name, Tensors.parameter(context.manager(), w, new Shape(out, in)));
    }

    @Override
    public NDArray forward(NDArray input, Mode mode) {
        int w = layout.window();
        int c = layout.columns();
        NDArray x = Layers.tensorPart(input, layout).reshape(-1, w, c, layout.channels()).transpose(0, 2, 1, 3)
                .reshape(-1, w, layout.channels());
        long sequences = x.getShape().get(0);
        long batch = input.getShape().get(0);
        NDArray h0 = input.getManager().zeros(new Shape(1, sequences, hidden), input.getDataType());
        // train=true with no dropout computes the same as inference, and cuDNN's RNN backward needs it.
        NDList gru = JniUtils.gru((PtNDArray) x, (PtNDArray) h0, new NDList(wIh.value(), wHh.value(), bIh.value(), bHh.value()),
                true, 1, 0.0, true, false, true);
        NDArray states = gru.get(0);                                               // (B*C, W, H)
        NDArray energy = ai.djl.nn.core.Linear.linear(states, attentionWeight.value(), attentionBias.value()).singletonOrThrow().tanh();
        NDArray alpha = ai.djl.nn.core.Linear.linear(energy, attentionVector.value()).singletonOrThrow().softmax(1);  // (B*C, W, 1)
        NDArray u = states.mul(alpha).sum(new int[] {1}).reshape(batch, c, hidden);  // (B, C, H)
        NDArray q = ai.djl.nn.core.Linear.linear(u, query.value()).singletonOrThrow();
        NDArray k = ai.djl.nn.core.Linear.linear(u, key.value()).singletonOrThrow();
        NDArray v = ai.djl.nn.core.Linear.linear(u, value.value()).singletonOrThrow();
        NDArray weights = q.batchMatMul(k.transpose(0, 2, 1)).div((float) Math.sqrt(attention)).softmax(2);  // (B, C, C)
        NDArray mixed = weights.batchMatMul(v);                                    // (B, C, d_k)
        if (scores) return outputActivation.apply(head.forward(mixed, mode).tanh().reshape(batch, c));
        NDArray features = mixed.reshape(batch, (long) c * attention);
        if (layout.flat() > 0) features = features.concat(Layers.flatPart(input, layout), 1);
        return head == null ? features : outputActivation.apply(head.forward(features, mode));
    }

    @Override
    public int outputSize() {
        return outputs;
    }

    @Override
    public List<Param> parameters() {
        List<Param> all = new ArrayList<>(List.of(wIh, wHh, bIh, bHh, attentionWeight, attentionBias, attentionVector, query, key, value));
        if (head != null) all.addAll(head.parameters());
        return all;
    }
}
