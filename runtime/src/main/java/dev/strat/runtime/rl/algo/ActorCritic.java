package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
    private boolean stale = true;

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
        for (int k = 0; k < layers; k++) {
            Shape wa = actor.parameters().get(2 * k).value().getShape();
            Shape wc = critic.parameters().get(2 * k).value().getShape();
            long in = k == 0 ? observationSize : wa.get(1) + wc.get(1);
            fusedWeights[k] = manager.zeros(new Shape(wa.get(0) + wc.get(0), in));
            fusedBiases[k] = manager.zeros(new Shape(wa.get(0) + wc.get(0)));
        }
    }

    private static boolean fusable(NetSpec a, NetSpec b) {
        return a instanceof NetSpec.Mlp pa && b instanceof NetSpec.Mlp pb
                && !pa.batchNorm() && !pb.batchNorm() && pa.dropout() == 0 && pb.dropout() == 0
                && pa.hidden().size() == pb.hidden().size() && pa.activation() == pb.activation();
    }

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
        try (NDManager scope = root.newSubManager()) {
            NDArray x = scope.create(observation, new Shape(1, observationSize));
            if (activation != null) {
                int last = fusedWeights.length - 1;
                for (int k = 0; k <= last; k++) {
                    x = ai.djl.nn.core.Linear.linear(x, fusedWeights[k], fusedBiases[k]).singletonOrThrow();
                    if (k < last) x = activation.apply(x);
                }
            } else {
                x = NDArrays.concat(new ai.djl.ndarray.NDList(actor.forward(x, Mode.EVAL), critic.forward(x, Mode.EVAL)), 1);
            }
            return x.toFloatArray();
        }
    }

    private void refresh() {
        distribution.refresh();
        for (int k = 0; k < fusedWeights.length; k++) {
            NDArray wa = actor.parameters().get(2 * k).value();
            NDArray wc = critic.parameters().get(2 * k).value();
            int ra = (int) wa.getShape().get(0);
            int ca = (int) wa.getShape().get(1);
            int rc = (int) wc.getShape().get(0);
            int cc = (int) wc.getShape().get(1);
            float[] a = wa.toFloatArray();
            float[] c = wc.toFloatArray();
            float[] fused;
            if (k == 0) {
                // Both read the observation: stack the rows.
                fused = new float[a.length + c.length];
                System.arraycopy(a, 0, fused, 0, a.length);
                System.arraycopy(c, 0, fused, a.length, c.length);
            } else {
                // Each reads its own half of the previous layer: block-diagonal.
                int in = ca + cc;
                fused = new float[(ra + rc) * in];
                for (int r = 0; r < ra; r++) System.arraycopy(a, r * ca, fused, r * in, ca);
                for (int r = 0; r < rc; r++) System.arraycopy(c, r * cc, fused, (ra + r) * in + ca, cc);
            }
            fusedWeights[k].set(fused);
            float[] ba = actor.parameters().get(2 * k + 1).value().toFloatArray();
            float[] bc = critic.parameters().get(2 * k + 1).value().toFloatArray();
            float[] b = new float[ba.length + bc.length];
            System.arraycopy(ba, 0, b, 0, ba.length);
            System.arraycopy(bc, 0, b, ba.length, bc.length);
            fusedBiases[k].set(b);
        }
        stale = false;
    }
}
