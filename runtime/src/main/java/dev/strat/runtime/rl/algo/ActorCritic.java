package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Activation;
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
 * weights ({@link HostMlp}), taken after every update, with no native call per step.
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
    /** Java copies of the two networks ({@link HostTraining}), and their one-row passes; null on PyTorch. */
    private final HostMlp hostActor;
    private final HostMlp hostCritic;
    private final HostMlp.Pass actorRow;
    private final HostMlp.Pass criticRow;

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
        boolean host = activation != null && HostTraining.available(manager.getDevice())
                && HostTraining.small(HostMlp.widths(actor.parameters())) && HostTraining.small(HostMlp.widths(critic.parameters()));
        this.hostActor = host ? new HostMlp(actor.parameters(), activation, Activation.IDENTITY) : null;
        this.hostCritic = host ? new HostMlp(critic.parameters(), activation, Activation.IDENTITY) : null;
        this.actorRow = host ? hostActor.pass(1) : null;
        this.criticRow = host ? hostCritic.pass(1) : null;
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
    boolean onHostKernels() { return hostActor != null; }

    /** The actor's Java copy (null on PyTorch), shared with the on-policy step. */
    HostMlp hostActor() { return hostActor; }

    /** The critic's Java copy (null on PyTorch), shared with the on-policy step. */
    HostMlp hostCritic() { return hostCritic; }

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
        if (hostActor != null) return hostInfer(observation);
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
        if (hostActor != null) {
            hostActor.pull();
            hostCritic.pull();
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

    /** {@link #infer} on the Java copies: the head, then the value. */
    private float[] hostInfer(float[] observation) {
        hostActor.forward(0, observation, 0, observationSize, 1, actorRow);
        hostCritic.forward(0, observation, 0, observationSize, 1, criticRow);
        int head = distribution.headSize();
        float[] result = new float[head + 1];
        System.arraycopy(actorRow.output(0), 0, result, 0, head);
        result[head] = criticRow.output(0)[0];
        return result;
    }
}
