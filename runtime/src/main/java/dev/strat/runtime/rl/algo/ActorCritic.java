package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.HostGemm;
import dev.strat.runtime.rl.nn.HostVectors;
import dev.strat.runtime.rl.nn.Init;
import dev.strat.runtime.rl.nn.Mode;
import dev.strat.runtime.rl.nn.Module;
import dev.strat.runtime.rl.nn.NetContext;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.nn.Param;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The separate actor and critic of PPO and A2C (SB3's default {@code net_arch}: no shared
 * layers), with SB3's orthogonal initialisation: gain sqrt(2) on hidden layers, 0.01 on the
 * policy head, 1 on the value head.
 *
 * <p>The hot path is {@link #infer}, run once per environment step. When both networks are
 * plain MLPs of the same depth and activation, it runs them as one network whose layers are
 * the two networks' layers side by side (the first layer stacked, later ones block-diagonal):
 * one input copy, one linear call and one activation per layer, one output copy, instead of
 * twice the calls and a concatenation. The fused weights are rebuilt from the trained ones
 * lazily after every update ({@link #changed}).
 *
 * <p>Where the off-policy agents' updates run on Java kernels ({@link HostTraining}: CPU, Vector
 * API, small plain MLPs), so does this one-row pass: the two networks on Java copies of their
 * weights ({@link HostGemm}), taken after every update, with no native call per step.
 */
final class ActorCritic {

    private final Module actor;
    private final Module critic;
    private final ActionDistribution distribution;
    private final List<Param> parameters;
    private final int observationSize;
    private final Activation activation;
    private final NDArray[] fusedWeights;
    private final NDArray[] fusedBiases;
    private final NDArray[] zerosRight;
    private final NDArray[] zerosLeft;
    private boolean stale = true;
    /** Java copies for the host pass, per layer, actor's then critic's: weights (in, out), biases; null on PyTorch. */
    private final float[][] hostWeights;
    private final float[][] hostBiases;
    private final float[][] hostOut;

    ActorCritic(NDManager manager, EnvSpec spec, NetSpec policyNet, NetSpec valueNet, double logStdInit, SplittableRandom random) {
        this.observationSize = spec.observationSize();
        this.distribution = switch (spec.action()) {
            case ActionSpace.Continuous c -> new DiagonalGaussian(manager, c.dim(), logStdInit);
            case ActionSpace.Discrete d -> new Categorical(d.n());
        };
        NetContext hidden = new NetContext(manager, Init.orthogonal(Math.sqrt(2)), Init.orthogonal(0.01), random);
        this.actor = policyNet.build(hidden, "actor", spec.observation(), distribution.headSize(), Activation.IDENTITY);
        this.critic = valueNet.build(hidden.withOutput(Init.orthogonal(1)), "critic", spec.observation(), 1, Activation.IDENTITY);
        List<Param> all = new ArrayList<>(actor.parameters());
        all.addAll(critic.parameters());
        all.addAll(distribution.parameters());
        this.parameters = List.copyOf(all);
        this.activation = fusable(policyNet, valueNet) ? ((NetSpec.Mlp) policyNet).activation() : null;
        int layers = activation == null ? 0 : actor.parameters().size() / 2;
        this.fusedWeights = new NDArray[layers];
        this.fusedBiases = new NDArray[layers];
        this.zerosRight = new NDArray[layers];
        this.zerosLeft = new NDArray[layers];
        boolean small = activation != null;
        for (Param p : activation == null ? List.<Param>of() : all) {
            if (p.value().getShape().dimension() == 2 && p.value().size() >= HostTraining.LAYER_LIMIT) small = false;
        }
        boolean host = small && ai.djl.Device.cpu().equals(manager.getDevice()) && dev.strat.runtime.rl.nn.HostKernels.vectorKernels();
        this.hostWeights = host ? new float[2 * layers][] : null;
        this.hostBiases = host ? new float[2 * layers][] : null;
        this.hostOut = host ? new float[2 * layers][] : null;
        for (int k = 0; k < layers; k++) {
            Shape wa = actor.parameters().get(2 * k).value().getShape();
            Shape wc = critic.parameters().get(2 * k).value().getShape();
            long in = k == 0 ? observationSize : wa.get(1) + wc.get(1);
            fusedWeights[k] = manager.zeros(new Shape(wa.get(0) + wc.get(0), in));
            fusedBiases[k] = manager.zeros(new Shape(wa.get(0) + wc.get(0)));
            if (k > 0) {
                zerosRight[k] = manager.zeros(new Shape(wa.get(0), wc.get(1)));
                zerosLeft[k] = manager.zeros(new Shape(wc.get(0), wa.get(1)));
            }
        }
    }

    private static boolean fusable(NetSpec a, NetSpec b) {
        return a instanceof NetSpec.Mlp pa && b instanceof NetSpec.Mlp pb
                && !pa.batchNorm() && !pb.batchNorm() && pa.dropout() == 0 && pb.dropout() == 0
                && pa.hidden().size() == pb.hidden().size() && pa.activation() == pb.activation();
    }

    /** The hidden activation of both networks where they are fused plain MLPs, else null. */
    Activation hiddenActivation() { return activation; }

    /** Whether the one-row pass runs on Java kernels. */
    boolean onHostKernels() { return hostWeights != null; }

    Module actor() { return actor; }

    Module critic() { return critic; }

    ActionDistribution distribution() { return distribution; }

    /** Every trainable parameter: actor, critic, then the distribution's. */
    List<Param> parameters() { return parameters; }

    /** Marks the weights as changed (after an update or a load): the Java copies are re-read before the next use. */
    void changed() {
        stale = true;
    }

    /**
     * The actor's head followed by the value for one observation: {@code headSize + 1} values,
     * one input copy and one output copy.
     */
    float[] infer(NDManager root, float[] observation) {
        if (stale) refresh();
        if (hostWeights != null) return hostInfer(observation);
        try (NDManager scope = root.newSubManager()) {
            NDArray x = scope.create(observation, new Shape(1, observationSize));
            if (activation != null) {
                int last = fusedWeights.length - 1;
                for (int k = 0; k <= last; k++) {
                    x = ai.djl.nn.core.Linear.linear(x, fusedWeights[k], fusedBiases[k]).singletonOrThrow();
                    if (k < last) x = activation.apply(x);
                }
            } else {
                x = NDArrays.concat(new NDList(actor.forward(x, Mode.EVAL), critic.forward(x, Mode.EVAL)), 1);
            }
            return x.toFloatArray();
        }
    }

    /**
     * Rebuilds the fused weights from the trained ones with native concatenations (no copies
     * through Java): the first layer's weights stacked, later layers block-diagonal with
     * constant zero blocks.
     */
    private void refresh() {
        distribution.refresh();
        if (hostWeights != null) {
            refreshHost();
            stale = false;
            return;
        }
        for (int k = 0; k < fusedWeights.length; k++) {
            NDArray wa = actor.parameters().get(2 * k).value();
            NDArray wc = critic.parameters().get(2 * k).value();
            NDArray w;
            if (k == 0) {
                w = NDArrays.concat(new NDList(wa, wc), 0);
            } else {
                NDArray top = NDArrays.concat(new NDList(wa, zerosRight[k]), 1);
                NDArray bottom = NDArrays.concat(new NDList(zerosLeft[k], wc), 1);
                w = NDArrays.concat(new NDList(top, bottom), 0);
                top.close();
                bottom.close();
            }
            NDArray b = NDArrays.concat(new NDList(actor.parameters().get(2 * k + 1).value(), critic.parameters().get(2 * k + 1).value()), 0);
            fusedWeights[k].close();
            fusedBiases[k].close();
            fusedWeights[k] = w;
            fusedBiases[k] = b;
        }
        stale = false;
    }

    /** The Java copies of both networks' layers, weights transposed to (in, out). */
    private void refreshHost() {
        int layers = hostWeights.length / 2;
        for (int k = 0; k < 2 * layers; k++) {
            Module net = k < layers ? actor : critic;
            int l = k % layers;
            NDArray w = net.parameters().get(2 * l).value();
            int out = (int) w.getShape().get(0);
            int in = (int) w.getShape().get(1);
            float[] oi = w.toFloatArray();
            float[] io = hostWeights[k] == null ? new float[in * out] : hostWeights[k];
            for (int o = 0; o < out; o++) for (int i = 0; i < in; i++) io[i * out + o] = oi[o * in + i];
            hostWeights[k] = io;
            hostBiases[k] = net.parameters().get(2 * l + 1).value().toFloatArray();
            if (hostOut[k] == null) hostOut[k] = new float[out];
        }
    }

    /** {@link #infer} on the Java copies: each network layer by layer, one row. */
    private float[] hostInfer(float[] observation) {
        int layers = hostWeights.length / 2;
        int head = distribution.headSize();
        float[] result = new float[head + 1];
        for (int net = 0; net < 2; net++) {
            float[] x = observation;
            for (int l = 0; l < layers; l++) {
                int k = net * layers + l;
                float[] y = hostOut[k];
                int out = y.length;
                HostGemm.nn(1, out, x.length, x, 0, x.length, hostWeights[k], 0, out, y, 0, out, false);
                HostVectors.biasActivate(y, 1, out, hostBiases[k], 0, l < layers - 1 ? activation : Activation.IDENTITY);
                x = y;
            }
            System.arraycopy(x, 0, result, net == 0 ? 0 : head, x.length);
        }
        return result;
    }
}
