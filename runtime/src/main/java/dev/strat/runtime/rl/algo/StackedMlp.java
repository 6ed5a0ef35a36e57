package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Tensors;
import dev.strat.runtime.rl.nn.Init;
import dev.strat.runtime.rl.nn.Param;
import dev.strat.runtime.rl.nn.Params;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code members} MLPs of one shape evaluated as one computation: the twin critics of TD3 and
 * SAC, or one network ({@code members = 1}).
 *
 * <p>Two layouts, chosen by size. Small layers are <em>batched</em>: every layer is a single
 * product {@code x (B, in) @ W (K, in, out) + b (K, 1, out)}, so the twins cost the native
 * calls of one network (the small benchmark size is bound by call overhead). Large layers are
 * <em>per member</em>: each member is a chain of fused {@code linear} calls on (out, in)
 * weights, and the outputs are stacked, because at that size PyTorch's plain matrix products
 * beat its broadcast batched product (backward 2.2 against 2.8 ms for two 652-400-300-1
 * critics on a batch of 100); there the arithmetic, not the calls, is the cost.
 *
 * <p>Either way all parameters live in one flat storage, so a Polyak update or a copy of a whole
 * target network is one pass, whatever the depth.
 *
 * <p>Members are initialised one after another, member 0 first, each layer with
 * {@link Init#fill} (PyTorch's default for SB3's off-policy critics), as SB3 builds
 * {@code qf0} then {@code qf1}.
 */
final class StackedMlp implements Net {

    /** Largest layer ({@code in * out}) still batched across members. */
    static final int BATCHED_LAYER_LIMIT = 1 << 16;

    /** How the members' layers are stored and evaluated. */
    enum Layout {
        /** One product per layer for all members on (K, in, out) weights. */
        BATCHED,
        /** One chain of {@code linear} calls per member on (out, in) weights. */
        PER_MEMBER;

        /** Batched for several members whose largest layer is within {@link #BATCHED_LAYER_LIMIT}. */
        static Layout choose(int members, int[] widths) {
            long largest = 0;
            for (int l = 0; l + 1 < widths.length; l++) largest = Math.max(largest, (long) widths[l] * widths[l + 1]);
            return members > 1 && largest <= BATCHED_LAYER_LIMIT ? BATCHED : PER_MEMBER;
        }
    }

    private static final NDIndex ALL = new NDIndex(":");

    private final int members;
    private final int layers;
    private final int[] widths;
    private final boolean batched;
    private final Activation activation;
    private final Activation outputActivation;
    private final NDArray frozen;
    private final List<Param> params = new ArrayList<>();
    private final List<Param> trainable = new ArrayList<>();
    /** Views of every block that record no gradient, in storage order. */
    private final NDArray[] blocks;
    /** Views of the same blocks that are leaves recording gradients: what the optimiser steps. */
    private final NDArray[] leaves;
    /** Detached views of member 0's weights and biases, layer by layer. */
    private final NDArray[] first;
    /** Column (input) count of the leading part of a split input, or 0 before {@link #splitInputAt}. */
    private int splitAt;
    /** Per member (per-member layout only), the detached first-layer weight's columns for the leading and trailing inputs. */
    private NDArray[][] splitWeights;

    StackedMlp(NDManager manager, String name, int members, int inputs, List<Integer> hidden, int outputs, Activation activation,
               Activation outputActivation, Init init, SplittableRandom random) {
        this(manager, name, members, inputs, hidden, outputs, activation, outputActivation, init, random, null);
    }

    /** @param layout the storage layout, or null to {@linkplain Layout#choose choose} it by size */
    StackedMlp(NDManager manager, String name, int members, int inputs, List<Integer> hidden, int outputs, Activation activation,
               Activation outputActivation, Init init, SplittableRandom random, Layout layout) {
        if (members < 1) throw new IllegalArgumentException("need at least one member");
        this.members = members;
        this.activation = activation;
        this.outputActivation = outputActivation;
        int[] widths = new int[hidden.size() + 2];
        widths[0] = inputs;
        for (int k = 0; k < hidden.size(); k++) widths[k + 1] = hidden.get(k);
        widths[widths.length - 1] = outputs;
        this.layers = widths.length - 1;
        this.widths = widths;
        if (layout == Layout.BATCHED && members == 1) throw new IllegalArgumentException("a batched layout needs several members");
        this.batched = (layout == null ? Layout.choose(members, widths) : layout) == Layout.BATCHED;

        // Storage order. Batched: per layer, the K weight blocks (K, in, out) then the K biases
        // (K, 1, out). Per member: per member, per layer, the weight (out, in) then the bias (out).
        int count = 2 * layers * (batched ? 1 : members);
        Shape[] shapes = new Shape[count];
        long[] at = new long[count];
        long total = 0;
        for (int k = 0; k < count; k++) {
            int l = batched ? k / 2 : (k / 2) % layers;
            int in = widths[l];
            int out = widths[l + 1];
            boolean weight = k % 2 == 0;
            shapes[k] = batched
                    ? (weight ? new Shape(members, in, out) : new Shape(members, 1, out))
                    : (weight ? new Shape(out, in) : new Shape(out));
            at[k] = total;
            total += shapes[k].size();
        }
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("network too large");
        float[] values = new float[(int) total];
        for (int m = 0; m < members; m++) {
            for (int l = 0; l < layers; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                float[] w = new float[out * in];
                float[] b = new float[out];
                init.fill(w, b, out, in, random);
                if (batched) {
                    int wBase = (int) at[2 * l] + m * in * out;
                    for (int o = 0; o < out; o++) {
                        for (int i = 0; i < in; i++) values[wBase + i * out + o] = w[o * in + i];   // (in, out) for matmul
                    }
                    System.arraycopy(b, 0, values, (int) at[2 * l + 1] + m * out, out);
                } else {
                    int k = 2 * (m * layers + l);
                    System.arraycopy(w, 0, values, (int) at[k], w.length);                       // (out, in) for linear
                    System.arraycopy(b, 0, values, (int) at[k + 1], out);
                }
            }
        }
        // Two views of every block share the one storage: detached ones for inference, targets
        // and the actor's pass through the critic (no gradient for the critic), and leaves that
        // record, whose gradients the backward pass writes directly (splitting one flat leaf
        // per pass instead cost a gather of all gradients, about 1.1 ms per critic update at
        // the paper size).
        this.frozen = manager.create(values);
        this.blocks = new NDArray[count];
        this.leaves = new NDArray[count];
        for (int k = 0; k < count; k++) {
            NDIndex slice = new NDIndex().addSliceDim(at[k], at[k] + shapes[k].size());
            blocks[k] = frozen.get(slice).reshape(shapes[k]);
            leaves[k] = frozen.get(slice).reshape(shapes[k]);
            leaves[k].setRequiresGradient(true);
        }
        this.first = new NDArray[2 * layers];
        for (int k = 0; k < 2 * layers; k++) first[k] = batched ? blocks[k].get(0) : blocks[k];
        for (int k = 0; k < count; k++) {
            int l = batched ? k / 2 : (k / 2) % layers;
            String member = batched || members == 1 ? "" : (k / (2 * layers)) + ".";
            String label = name + "." + member + l + (k % 2 == 0 ? ".weight" : ".bias");
            params.add(new Param(label, blocks[k]));
            trainable.add(new Param(label, leaves[k]));
        }
    }

    int members() {
        return members;
    }

    Layout layout() {
        return batched ? Layout.BATCHED : Layout.PER_MEMBER;
    }

    /** Input, hidden and output widths (a copy). */
    int[] widths() {
        return widths.clone();
    }

    Activation hiddenActivation() {
        return activation;
    }

    Activation outputActivation() {
        return outputActivation;
    }

    /**
     * The flat storage's own memory as a float view (CPU only): every parameter, in the order of
     * {@link #parameters}, for the host training path ({@link HostMlp}).
     */
    java.nio.FloatBuffer storageView() {
        return dev.strat.runtime.rl.nn.HostKernels.aliasedView(frozen);
    }

    /**
     * All members on {@code x} (B, in): (K, B, out), or (B, out) for one member; through the
     * gradient-recording leaves while autograd records.
     */
    @Override
    public NDArray forward(NDArray x) {
        return forward(x, Tensors.isRecording() ? leaves : blocks);
    }

    @Override
    public NDArray infer(NDArray x) {
        return forward(x, blocks);
    }

    /** As {@link #forward}, through weights that record no gradient. */
    NDArray forwardDetached(NDArray x) {
        return forward(x, blocks);
    }

    /** Member 0 alone, weights detached: (B, out). */
    NDArray forwardFirstDetached(NDArray x) {
        return batched ? batchedChain(x, first) : linearChain(x, first, 0);
    }

    /**
     * Prepares {@link #forwardDetached(NDArray, NDArray)} for inputs that come in two parts, the
     * first {@code leading} columns and the rest (a critic's observation and action).
     */
    void splitInputAt(int leading) {
        int inputs = (int) blocks[0].getShape().get(1);     // (K, in, out) and (out, in) alike
        if (leading < 1 || leading >= inputs) throw new IllegalArgumentException("split at " + leading + " of " + inputs + " inputs");
        splitAt = leading;
        splitWeights = new NDArray[batched ? 0 : members][];
        for (int m = 0; m < splitWeights.length; m++) {
            NDArray w = blocks[m * 2 * layers];
            // Views of the (out, in) weight's columns in the one storage, not copies.
            splitWeights[m] = new NDArray[] {w.get(new NDIndex(":, :{}", leading)), w.get(new NDIndex(":, {}:", leading))};
        }
    }

    /**
     * All members on the input {@code [a | b]}, weights detached. In the per-member layout
     * (large layers) without concatenating: the first layer is {@code a W_a + b W_b + bias}, so
     * the backward pass computes only the gradients of the parts that record: for the actor's
     * loss the action {@code b}, a product as narrow as the action instead of the whole input (at
     * the paper size the whole input's gradient was 52 of the 62 MFLOP of that pass's backward).
     */
    NDArray forwardDetached(NDArray a, NDArray b) {
        if (batched) return batchedChain(joined(a, b), blocks);
        if (members == 1) return linearChain(splitFirstLayer(a, b, 0), blocks, 0, 1);
        NDList outputs = new NDList(members);
        for (int m = 0; m < members; m++) outputs.add(linearChain(splitFirstLayer(a, b, m), blocks, m * 2 * layers, 1));
        return NDArrays.stack(outputs);
    }

    /** Member 0 alone on {@code [a | b]}, weights detached: (B, out). See {@link #forwardDetached(NDArray, NDArray)}. */
    NDArray forwardFirstDetached(NDArray a, NDArray b) {
        if (batched) return batchedChain(joined(a, b), first);
        return linearChain(splitFirstLayer(a, b, 0), first, 0, 1);
    }

    /**
     * Small (batched) layers take the input joined: there the native calls, not the arithmetic,
     * are the cost, and the split needs two more (measured: SAC small 7% slower split).
     */
    private NDArray joined(NDArray a, NDArray b) {
        checkSplit(a);
        return a.concat(b, 1);
    }

    /** Member {@code m}'s first-layer activation on {@code [a | b]} (per-member layout). */
    private NDArray splitFirstLayer(NDArray a, NDArray b, int m) {
        checkSplit(a);
        NDArray h = ai.djl.nn.core.Linear.linear(a, splitWeights[m][0], blocks[m * 2 * layers + 1]).singletonOrThrow()
                .addi(ai.djl.nn.core.Linear.linear(b, splitWeights[m][1]).singletonOrThrow());
        return activation(0).apply(h);
    }

    private void checkSplit(NDArray a) {
        if (splitAt == 0) throw new IllegalStateException("splitInputAt was not called");
        if (a.getShape().get(1) != splitAt) throw new IllegalArgumentException("the leading part has " + a.getShape().get(1) + " columns, not " + splitAt);
    }

    private Activation activation(int layer) {
        return layer < layers - 1 ? activation : outputActivation;
    }

    private NDArray forward(NDArray x, NDArray[] views) {
        if (batched) return batchedChain(x, views);
        if (members == 1) return linearChain(x, views, 0);
        NDList outputs = new NDList(members);
        for (int m = 0; m < members; m++) outputs.add(linearChain(x, views, m * 2 * layers));
        return NDArrays.stack(outputs);
    }

    /** Layer by layer {@code x @ W + b} on (in, out) or (K, in, out) weights starting at {@code views[0]}. */
    private NDArray batchedChain(NDArray x, NDArray[] views) {
        return batchedChain(x, views, 0);
    }

    /** As {@link #batchedChain(NDArray, NDArray[])}, from layer {@code fromLayer} on. */
    private NDArray batchedChain(NDArray x, NDArray[] views, int fromLayer) {
        for (int l = fromLayer; l < layers; l++) {
            x = x.matMul(views[2 * l]).addi(views[2 * l + 1]);
            x = activation(l).apply(x);
        }
        return x;
    }

    /** Layer by layer {@code linear(x, W, b)} on the (out, in) weights starting at {@code views[from]}. */
    private NDArray linearChain(NDArray x, NDArray[] views, int from) {
        return linearChain(x, views, from, 0);
    }

    /** As {@link #linearChain(NDArray, NDArray[], int)}, from layer {@code fromLayer} on. */
    private NDArray linearChain(NDArray x, NDArray[] views, int from, int fromLayer) {
        for (int l = fromLayer; l < layers; l++) {
            x = ai.djl.nn.core.Linear.linear(x, views[from + 2 * l], views[from + 2 * l + 1]).singletonOrThrow();
            x = activation(l).apply(x);
        }
        return x;
    }

    /** The layers' weights and biases by name (views of the flat storage that record no gradient). */
    @Override
    public List<Param> parameters() {
        return params;
    }

    /** The tensors the optimiser steps: the weights and biases as gradient-recording leaves (same storage as {@link #parameters}). */
    @Override
    public List<Param> trainable() {
        return trainable;
    }

    /** {@code this <- (1 - tau) this + tau source}: one pass over the whole storage. */
    @Override
    public void softUpdateFrom(Net source, float tau) {
        Params.softUpdate(((StackedMlp) source).frozen, frozen, tau);
    }

    /** {@code this <- source}. */
    @Override
    public void copyFrom(Net source) {
        frozen.set(ALL, ((StackedMlp) source).frozen);
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        Params.save(out, params);
    }

    /** Reads what {@link #save} wrote, in place (the views must keep sharing the one storage). */
    @Override
    public void load(DataInputStream in) throws IOException {
        Params.load(in, params);
    }
}
