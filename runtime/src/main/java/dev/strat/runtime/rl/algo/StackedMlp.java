package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.nn.Activation;
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
 * <p>All parameters are views into one flat tensor, so that a Polyak update of a whole target
 * network is three native calls and a hard copy one, whatever the depth.
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
    private final List<Param> params = new ArrayList<>();
    private final NDArray[] weights;
    private final NDArray[] biases;
    private final NDArray[] detachedWeights;
    private final NDArray[] detachedBiases;
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
        this.weights = new NDArray[layers];
        this.biases = new NDArray[layers];
        this.detachedWeights = new NDArray[layers];
        this.detachedBiases = new NDArray[layers];
        this.firstWeights = new NDArray[layers];
        this.firstBiases = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            Shape ws = members == 1 ? new Shape(out, in) : new Shape(members, in, out);
            Shape bs = members == 1 ? new Shape(out) : new Shape(members, 1, out);
            weights[l] = view(weightAt[l], ws);
            biases[l] = view(biasAt[l], bs);
            params.add(new Param(name + "." + l + ".weight", weights[l]));
            params.add(new Param(name + "." + l + ".bias", biases[l]));
            // Detached aliases of the same storage: forward passes through them (the actor's
            // loss) build no gradient for the critic, so its gradients need no reset afterwards.
            detachedWeights[l] = weights[l].stopGradient();
            detachedBiases[l] = biases[l].stopGradient();
            firstWeights[l] = members == 1 ? detachedWeights[l] : detachedWeights[l].get(0);
            firstBiases[l] = members == 1 ? detachedBiases[l] : detachedBiases[l].get(0);
        }
        for (NDArray w : weights) w.setRequiresGradient(true);
        for (NDArray b : biases) b.setRequiresGradient(true);
    }

    private NDArray view(long at, Shape shape) {
        return flat.get(new NDIndex().addSliceDim(at, at + shape.size())).reshape(shape);
    }

    int members() {
        return members;
    }

    /** All members on {@code x} (B, in): (K, B, out), or (B, out) for one member. */
    @Override
    public NDArray forward(NDArray x) {
        return forward(x, weights, biases, members);
    }

    /** As {@link #forward}, through weights that record no gradient. */
    NDArray forwardDetached(NDArray x) {
        return forward(x, detachedWeights, detachedBiases, members);
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

    @Override
    public List<Param> parameters() {
        return params;
    }

    /** {@code this <- (1 - tau) this + tau source}: three native calls for the whole network. */
    @Override
    public void softUpdateFrom(Net source, NDArray tau) {
        try (NDArray d = flat.sub(((StackedMlp) source).flat)) {
            flat.subi(d.muli(tau));
        }
    }

    /** {@code this <- source}. */
    @Override
    public void copyFrom(Net source) {
        flat.set(ALL, ((StackedMlp) source).flat);
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
