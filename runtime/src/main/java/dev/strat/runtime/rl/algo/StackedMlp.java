package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
 * SAC. With more than one member every layer is a single batched product
 * {@code x (B, in) @ W (K, in, out) + b (K, 1, out)}, so the twins cost the native calls of
 * one network, and their backward pass and optimiser step touch half as many tensors. With
 * one member the layers are plain fused {@code linear} calls on (out, in) weights.
 *
 * <p>All parameters live in one flat tensor, the only one the optimiser sees: an Adam step, a
 * gradient reset, a Polyak update of a whole target network are each one to three native calls,
 * whatever the depth.
 *
 * <p>Members are initialised one after another, member 0 first, each layer with
 * {@link Init#fill} (PyTorch's default for SB3's off-policy critics), as SB3 builds
 * {@code qf0} then {@code qf1}.
 */
final class StackedMlp implements Net {

    private static final NDIndex ALL = new NDIndex(":");

    private final int members;
    private final int[] widths;
    private final Activation activation;
    private final Activation outputActivation;
    private final NDArray flat;
    private final NDArray frozen;
    private final List<Param> params = new ArrayList<>();
    private final List<Param> trainable;
    private final long[] splitPoints;
    private final Shape[] shapes;
    private final NDArray[] weights;
    private final NDArray[] biases;
    private final NDArray[] firstWeights;
    private final NDArray[] firstBiases;

    StackedMlp(NDManager manager, String name, int members, int inputs, List<Integer> hidden, int outputs, Activation activation,
               Activation outputActivation, Init init, SplittableRandom random) {
        if (members < 1) throw new IllegalArgumentException("need at least one member");
        this.members = members;
        this.activation = activation;
        this.outputActivation = outputActivation;
        this.widths = new int[hidden.size() + 2];
        widths[0] = inputs;
        for (int k = 0; k < hidden.size(); k++) widths[k + 1] = hidden.get(k);
        widths[widths.length - 1] = outputs;
        int layers = widths.length - 1;

        // Flat layout: for each layer, K weight blocks then K bias blocks.
        long[] weightAt = new long[layers];
        long[] biasAt = new long[layers];
        long total = 0;
        for (int l = 0; l < layers; l++) {
            weightAt[l] = total;
            total += (long) members * widths[l] * widths[l + 1];
            biasAt[l] = total;
            total += (long) members * widths[l + 1];
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
                int wBase = (int) weightAt[l] + m * in * out;
                if (members == 1) {
                    System.arraycopy(w, 0, values, wBase, w.length);           // (out, in) for linear
                } else {
                    for (int o = 0; o < out; o++) {
                        for (int i = 0; i < in; i++) values[wBase + i * out + o] = w[o * in + i];   // (in, out) for matmul
                    }
                }
                System.arraycopy(b, 0, values, (int) biasAt[l] + m * out, out);
            }
        }
        this.flat = manager.create(values);
        // Every permanent view hangs off a detached alias: they share the storage the optimiser
        // updates in place, but record nothing, so inference, targets and the actor's pass
        // through the critic build no gradient for it.
        this.frozen = flat.stopGradient();
        this.splitPoints = new long[2 * layers - 1];
        this.shapes = new Shape[2 * layers];
        this.weights = new NDArray[layers];
        this.biases = new NDArray[layers];
        this.firstWeights = new NDArray[layers];
        this.firstBiases = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            Shape ws = members == 1 ? new Shape(out, in) : new Shape(members, in, out);
            Shape bs = members == 1 ? new Shape(out) : new Shape(members, 1, out);
            shapes[2 * l] = ws;
            shapes[2 * l + 1] = bs;
            if (l > 0) splitPoints[2 * l - 1] = weightAt[l];
            splitPoints[2 * l] = biasAt[l];
            weights[l] = view(weightAt[l], ws);
            biases[l] = view(biasAt[l], bs);
            params.add(new Param(name + "." + l + ".weight", weights[l]));
            params.add(new Param(name + "." + l + ".bias", biases[l]));
            firstWeights[l] = members == 1 ? weights[l] : weights[l].get(0);
            firstBiases[l] = members == 1 ? biases[l] : biases[l].get(0);
        }
        this.trainable = List.of(new Param(name, flat));
        flat.setRequiresGradient(true);
    }

    private NDArray view(long at, Shape shape) {
        return frozen.get(new NDIndex().addSliceDim(at, at + shape.size())).reshape(shape);
    }

    int members() {
        return members;
    }

    /**
     * All members on {@code x} (B, in): (K, B, out), or (B, out) for one member. With autograd
     * recording, the layers are views split off the flat parameter in this pass (one split and
     * a reshape per tensor), so the backward pass leaves one gradient, on the flat tensor.
     */
    @Override
    public NDArray forward(NDArray x) {
        if (!Tensors.isRecording()) return forward(x, weights, biases, members);
        NDList parts = flat.split(splitPoints, 0);
        parts.attach(x.getManager());     // the views belong to the caller's scope, not to the parameters' manager
        int layers = weights.length;
        NDArray[] w = new NDArray[layers];
        NDArray[] b = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            w[l] = parts.get(2 * l).reshape(shapes[2 * l]);
            b[l] = parts.get(2 * l + 1).reshape(shapes[2 * l + 1]);
        }
        return forward(x, w, b, members);
    }

    @Override
    public NDArray infer(NDArray x) {
        return forward(x, weights, biases, members);
    }

    /** As {@link #forward}, through weights that record no gradient. */
    NDArray forwardDetached(NDArray x) {
        return forward(x, weights, biases, members);
    }

    /** Member 0 alone, weights detached: (B, out). */
    NDArray forwardFirstDetached(NDArray x) {
        return forward(x, firstWeights, firstBiases, 1);
    }

    private NDArray forward(NDArray x, NDArray[] w, NDArray[] b, int k) {
        int last = w.length - 1;
        for (int l = 0; l <= last; l++) {
            if (members == 1) {
                x = ai.djl.nn.core.Linear.linear(x, w[l], b[l]).singletonOrThrow();
            } else {
                x = x.matMul(w[l]).addi(b[l]);
            }
            x = (l < last ? activation : outputActivation).apply(x);
        }
        return x;
    }

    /** The layers' weights and biases by name (views of the flat storage that record no gradient). */
    @Override
    public List<Param> parameters() {
        return params;
    }

    /** The one tensor the optimiser steps: all weights and biases, flat. */
    @Override
    public List<Param> trainable() {
        return trainable;
    }

    /** {@code this <- (1 - tau) this + tau source}: three native calls for the whole network. */
    @Override
    public void softUpdateFrom(Net source, NDArray tau) {
        try (NDArray d = frozen.sub(((StackedMlp) source).frozen)) {
            frozen.subi(d.muli(tau));
        }
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

    /** Reads what {@link #save} wrote, in place (the views must keep sharing the flat storage). */
    @Override
    public void load(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n != params.size()) throw new IOException("checkpoint holds " + n + " tensors, the network has " + params.size());
        for (Param p : params) {
            String name = in.readUTF();
            if (!name.equals(p.name())) throw new IOException("checkpoint tensor '" + name + "' where '" + p.name() + "' was expected");
            int size = in.readInt();
            if (size != p.value().size()) throw new IOException("checkpoint tensor " + name + " has " + size + " values, expected " + p.value().size());
            float[] v = new float[size];
            for (int k = 0; k < size; k++) v[k] = in.readFloat();
            assign(p.value(), v);
        }
    }

    /**
     * Writes {@code values} into {@code target}'s existing storage. {@code NDArray.set(float[])}
     * gives the PyTorch tensor new storage, which would detach a view from its flat base.
     */
    static void assign(NDArray target, float[] values) {
        try (NDArray v = target.getManager().create(values, target.getShape())) {
            target.set(ALL, v);
        }
    }
}
