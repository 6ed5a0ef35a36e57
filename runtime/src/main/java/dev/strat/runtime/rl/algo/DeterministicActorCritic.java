package dev.strat.runtime.rl.algo;

import dev.strat.runtime.util.Gaussian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Adam;
import dev.strat.runtime.rl.nn.Tensors;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deterministic-policy actor-critic behind TD3 and DDPG (SB3 implements DDPG as TD3 with one
 * critic, no target smoothing and no policy delay; so does this class).
 *
 * <p>Per update: the target {@code y = r + gamma (1 - terminal) min_k Q'_k(s', clip(mu'(s') + eps, -1, 1))}
 * with {@code eps = clip(N(0, targetNoise), -noiseClip, noiseClip)} drawn in Java; the critic
 * loss {@code sum_k mean (Q_k(s, a) - y)^2}; every {@code policyDelay}-th update the actor loss
 * {@code -mean Q_1(s, mu(s))} and Polyak updates of both targets. Exploration adds Gaussian
 * noise of {@code actionNoise} to the policy's action, clipped to [-1, 1].
 */
abstract class DeterministicActorCritic extends OffPolicyAgent {

    /** Settings shared by TD3 and DDPG. */
    record Settings(NetSpec actor, NetSpec critic, double learningRate, int buffer, int batch, int learningStarts, double tau,
                    double gamma, int trainEvery, int gradientSteps, int critics, int policyDelay, double targetNoise,
                    double noiseClip, double actionNoise) {
    }

    final Net actor;
    final Net actorTarget;
    final StackedMlp critic;
    final StackedMlp criticTarget;
    private final Adam actorOptimiser;
    private final Adam criticOptimiser;
    private final int critics;
    private final int policyDelay;
    private final double targetNoise;
    private final double noiseClip;
    private final double actionNoise;
    private final float tau;
    /** The actor loss's gradient with respect to each row's Q: {@code -1 / B}. */
    private final NDArray actorSeed;
    /** Target-smoothing noise of the next update (batch x action), already clipped. */
    final float[] batchNoise;
    private double lastActorLoss = Double.NaN;
    /** The update on Java kernels, or null where it goes through PyTorch ({@link HostTraining}). */
    private final HostDeterministicUpdate host;

    DeterministicActorCritic(String algorithm, EnvSpec spec, Settings s, long seed, Compute compute) {
        super(algorithm, spec, seed, compute, s.buffer(), s.batch(), s.learningStarts(), s.gamma(), s.trainEvery(), s.gradientSteps());
        if (s.policyDelay() < 1) throw new IllegalArgumentException(algorithm + ": policyDelay must be at least 1");
        if (!(s.tau() > 0 && s.tau() <= 1)) throw new IllegalArgumentException(algorithm + ": tau must be in (0, 1]");
        this.critics = s.critics();
        this.policyDelay = s.policyDelay();
        this.targetNoise = s.targetNoise();
        this.noiseClip = s.noiseClip();
        this.actionNoise = s.actionNoise();
        int criticInputs = obsDim + actDim;
        this.actor = Net.build(s.actor(), root, "actor", spec.observation(), actDim, Activation.TANH, initRandom);
        this.critic = Net.critics(s.critic(), root, "critic", critics, criticInputs, initRandom);
        // Targets start as copies (SB3 loads the online state dict), so their own draws do not matter.
        this.actorTarget = Net.build(s.actor(), root, "actor_target", spec.observation(), actDim, Activation.TANH, initRandom.split());
        this.criticTarget = Net.critics(s.critic(), root, "critic_target", critics, criticInputs, initRandom.split());
        critic.splitInputAt(obsDim);
        actorTarget.copyFrom(actor);
        criticTarget.copyFrom(critic);
        this.actorOptimiser = new Adam(root, actor.trainable(), s.learningRate());
        this.criticOptimiser = new Adam(root, critic.trainable(), s.learningRate());
        this.tau = (float) s.tau();
        this.actorSeed = root.full(new Shape(s.batch(), 1), -1f / s.batch());
        this.batchNoise = new float[batch * actDim];
        this.host = HostTraining.applies(compute, actor, actorTarget, critic, criticTarget)
                ? new HostDeterministicUpdate(this, (StackedMlp) actor, (StackedMlp) actorTarget, critic, criticTarget,
                        actorOptimiser, criticOptimiser, targetNoise > 0)
                : null;
    }

    /** Whether updates run on Java kernels. */
    boolean onHostKernels() {
        return host != null;
    }

    @Override
    float[] policy(NDManager scope, float[] observation, boolean explore) {
        if (host != null) return host.act(observation);
        return actor.infer(scope.create(observation, new Shape(1, obsDim))).toFloatArray();
    }

    @Override
    void explore(float[] action) {
        if (actionNoise <= 0) return;
        for (int k = 0; k < actDim; k++) {
            action[k] = (float) Math.max(-1, Math.min(1, action[k] + actionNoise * Gaussian.next(noiseRandom)));
        }
    }

    @Override
    void drawNoise() {
        if (targetNoise <= 0) return;
        for (int i = 0; i < batchNoise.length; i++) {
            batchNoise[i] = (float) Math.max(-noiseClip, Math.min(noiseClip, targetNoise * Gaussian.next(noiseRandom)));
        }
    }

    /**
     * One update. The losses' gradients with respect to the networks' outputs are written
     * directly as the seeds of backward, so autograd records only the networks: the critic loss
     * {@code sum_k mean_b (Q_k - y)^2} has the gradient {@code 2 (Q_k - y) / B}, the actor loss
     * {@code -mean_b Q_1} the gradient {@code -1 / B}. (Recording the loss's subtraction, square
     * and mean instead cost five more native calls per update; the small size is bound by them.)
     */
    @Override
    Losses update(NDManager scope) {
        if (host != null) return hostUpdate();
        Batch b = batch(scope);
        NDArray y = target(b);
        Tensors.recording(true);
        NDArray q = critic.forward(b.obs().concat(b.actions(), 1));
        Tensors.recording(false);
        double squares = backwardSquaredError(q, y, 2f / batch);
        criticOptimiser.step();
        if (updates % policyDelay == 0) {
            Tensors.recording(true);
            NDArray q1 = actorQ(b);
            Tensors.recording(false);
            lastActorLoss = -backwardRows(q1, actorSeed);
            actorOptimiser.step();
            softUpdateTargets();
        }
        return losses(squares);
    }

    /** {@link #update} on Java kernels: the same steps, losses and reports. */
    private Losses hostUpdate() {
        double squares = host.criticStep();
        if (updates % policyDelay == 0) {
            lastActorLoss = host.actorStep();
            softUpdateTargets();
        }
        return losses(squares);
    }

    private void softUpdateTargets() {
        criticTarget.softUpdateFrom(critic, tau);
        actorTarget.softUpdateFrom(actor, tau);
    }

    /** The update's report: the critic loss from the summed squared errors, and the last actor loss. */
    private Losses losses(double squares) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("critic", squares / batch);
        if (!Double.isNaN(lastActorLoss)) values.put("actor", lastActorLoss);
        return new Losses(updates, values);
    }

    @Override
    Losses referenceUpdate(NDManager scope) {
        if (host != null) host.weightsChanged();
        Batch b = batch(scope);
        NDArray criticLoss = criticLoss(b);
        Tensors.backward(criticLoss.mul(critics));
        Tensors.recording(false);
        criticOptimiser.step();
        if (updates % policyDelay == 0) {
            Tensors.recording(true);
            NDArray loss = actorObjective(b).neg();
            Tensors.backward(loss);
            Tensors.recording(false);
            actorOptimiser.step();
            softUpdateTargets();
            lastActorLoss = scalar(loss);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("critic", critics * scalar(criticLoss));
        if (!Double.isNaN(lastActorLoss)) values.put("actor", lastActorLoss);
        return new Losses(updates, values);
    }

    /** The batch's tensors: observations, actions, next observations, rewards, discounts, target noise. */
    record Batch(NDArray obs, NDArray actions, NDArray next, NDArray rewards, NDArray discounts, NDArray noise) {
    }

    Batch batch(NDManager scope) {
        NDList t = targetNoise > 0
                ? batchTensors(scope, new float[][] {batchNoise}, new int[] {actDim})
                : batchTensors(scope, new float[0][], new int[0]);
        return new Batch(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), targetNoise > 0 ? t.get(5) : null);
    }

    /**
     * The mean over critics and rows of {@code (Q_k(s, a) - y)^2}, recorded for backward: grad
     * mode is on when this returns. The critic loss is {@code critics} times this.
     */
    NDArray criticLoss(Batch b) {
        NDArray y = target(b);
        Tensors.recording(true);
        NDArray q = critic.forward(b.obs().concat(b.actions(), 1));
        return q.sub(y).square().mean();
    }

    /** The critics' target {@code y} (B, 1), computed without recording (grad mode is off when this returns). */
    NDArray target(Batch b) {
        Tensors.recording(false);
        NDArray nextAction = actorTarget.infer(b.next());
        if (targetNoise > 0) nextAction = nextAction.addi(b.noise()).clip(-1, 1);
        NDArray nextQ = criticTarget.infer(b.next().concat(nextAction, 1));
        if (critics > 1) nextQ = nextQ.min(new int[] {0}, false);
        return nextQ.muli(b.discounts()).addi(b.rewards());
    }

    /** {@code Q_1(s, mu(s))} (B, 1); the critic's weights are detached, so only the actor gets gradients. */
    NDArray actorQ(Batch b) {
        NDArray action = actor.forward(b.obs());
        return critic.forwardFirstDetached(b.obs(), action);
    }

    /** {@code mean Q_1(s, mu(s))}, the negated actor loss. */
    NDArray actorObjective(Batch b) {
        return actorQ(b).mean();
    }

    /** The critic loss on the current batch arrays, without stepping (for tests). */
    double criticLossValue() {
        try (NDManager scope = root.newSubManager()) {
            return critics * scalar(criticLoss(batch(scope)));
        } finally {
            Tensors.recording(false);
        }
    }

    /** The actor loss on the current batch observations, without stepping (for tests). */
    double actorLossValue() {
        Tensors.recording(false);
        try (NDManager scope = root.newSubManager()) {
            return -scalar(actorObjective(batch(scope)));
        }
    }

    @Override
    void saveState(DataOutputStream out) throws IOException {
        actor.save(out);
        actorTarget.save(out);
        critic.save(out);
        criticTarget.save(out);
        actorOptimiser.save(out);
        criticOptimiser.save(out);
        out.writeDouble(lastActorLoss);
    }

    @Override
    void loadState(DataInputStream in) throws IOException {
        actor.load(in);
        actorTarget.load(in);
        critic.load(in);
        criticTarget.load(in);
        actorOptimiser.load(in);
        criticOptimiser.load(in);
        lastActorLoss = in.readDouble();
        if (host != null) host.weightsChanged();
    }
}
