package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.nn.Adam;

/**
 * TD3's and DDPG's update ({@link DeterministicActorCritic}) on Java kernels, for small plain
 * MLPs on the CPU ({@link HostTraining}): the same losses, gradients and steps as the PyTorch
 * path, with every product done by {@link dev.strat.runtime.rl.nn.HostGemm} and the gradients
 * derived by hand, so that no native call is made per update but the Polyak averages.
 *
 * <p>Per update: the target {@code y = r + discount min_k Q'_k(s', clip(mu'(s') + noise))}; the
 * critic loss's gradient {@code 2 (Q_k - y) / B} back through each critic; one Adam step; every
 * {@code policyDelay}-th update the actor loss {@code -mean Q_1(s, mu(s))} with the critic as
 * just updated, its gradient back through critic 1's layers to the action and on through the
 * actor, one Adam step, and the Polyak averages.
 */
final class HostDeterministicUpdate {

    private final DeterministicActorCritic agent;
    private final HostMlp actor;
    private final HostMlp actorTarget;
    private final HostMlp critic;
    private final HostMlp criticTarget;
    private final Adam actorOptimiser;
    private final Adam criticOptimiser;
    private final int obsDim;
    private final int actDim;
    private final int batch;
    private final boolean smoothing;
    private final HostMlp.Pass nextActorPass;
    private final HostMlp.Pass targetPass;
    private final HostMlp.Pass criticPass;
    private final HostMlp.Pass actorPass;
    private final HostMlp.Pass actorCriticPass;
    /** Critic inputs, (B, obs + act): the batch's, the next observations', and the actor's. */
    private final float[] input;
    private final float[] nextInput;
    private final float[] actorInput;
    private final float[] y;
    private final float[] seed;
    private final float[] actionGradient;
    private final float[] criticGradient;
    private final float[] actorGradient;
    private final HostMlp.Pass actPass;
    /** Whether {@link #actor}'s copy holds the network's current weights. */
    private boolean actorCurrent;

    HostDeterministicUpdate(DeterministicActorCritic agent, StackedMlp actor, StackedMlp actorTarget, StackedMlp critic, StackedMlp criticTarget,
                            Adam actorOptimiser, Adam criticOptimiser, boolean smoothing) {
        this.agent = agent;
        this.actor = new HostMlp(actor);
        this.actorTarget = new HostMlp(actorTarget);
        this.critic = new HostMlp(critic);
        this.criticTarget = new HostMlp(criticTarget);
        this.actorOptimiser = actorOptimiser;
        this.criticOptimiser = criticOptimiser;
        this.obsDim = agent.obsDim;
        this.actDim = agent.actDim;
        this.batch = agent.batch;
        this.smoothing = smoothing;
        this.nextActorPass = this.actorTarget.pass(batch);
        this.targetPass = this.criticTarget.pass(batch);
        this.criticPass = this.critic.pass(batch);
        this.actorPass = this.actor.pass(batch);
        this.actorCriticPass = this.critic.pass(batch);
        int width = obsDim + actDim;
        this.input = new float[batch * width];
        this.nextInput = new float[batch * width];
        this.actorInput = new float[batch * width];
        this.y = new float[batch];
        this.seed = new float[batch];
        this.actionGradient = new float[batch * actDim];
        this.criticGradient = new float[this.critic.size()];
        this.actorGradient = new float[this.actor.size()];
        this.actPass = this.actor.pass(1);
    }

    /**
     * The policy's action for one observation, on the Java copy of the actor: no native call per
     * environment step. The returned array is reused by the next call.
     */
    float[] act(float[] observation) {
        if (!actorCurrent) {
            actor.pull();
            actorCurrent = true;
        }
        actor.forward(0, observation, 0, obsDim, 1, actPass);
        return actPass.output(0);
    }

    /** The networks' weights changed outside these updates (a checkpoint loaded): copies are taken anew. */
    void weightsChanged() {
        actorCurrent = false;
    }

    /** The critic update; returns the summed squared errors {@code sum_k sum_b (Q_k - y)^2}. */
    double criticStep() {
        actorTarget.pull();
        criticTarget.pull();
        critic.pull();
        float[] next = agent.batchNext;
        actorTarget.forward(0, next, 0, obsDim, batch, nextActorPass);
        float[] nextAction = nextActorPass.output(0);
        if (smoothing) {
            float[] noise = agent.batchNoise;
            for (int i = 0; i < batch * actDim; i++) nextAction[i] = Math.max(-1f, Math.min(1f, nextAction[i] + noise[i]));
        }
        HostMlp.join(next, obsDim, nextAction, actDim, batch, nextInput);
        int members = criticTarget.members();
        for (int m = 0; m < members; m++) criticTarget.forward(m, nextInput, 0, obsDim + actDim, batch, targetPass);
        float[] discounts = agent.batchDiscounts;
        float[] rewards = agent.batchRewards;
        for (int b = 0; b < batch; b++) {
            float q = targetPass.output(0)[b];
            for (int m = 1; m < members; m++) q = Math.min(q, targetPass.output(m)[b]);
            y[b] = q * discounts[b] + rewards[b];
        }
        HostMlp.join(agent.batchObs, obsDim, agent.batchActions, actDim, batch, input);
        double squares = 0;
        float scale = 2f / batch;
        for (int m = 0; m < members; m++) {
            critic.forward(m, input, 0, obsDim + actDim, batch, criticPass);
            float[] q = criticPass.output(m);
            for (int b = 0; b < batch; b++) {
                float e = q[b] - y[b];
                squares += (double) e * e;
                seed[b] = e * scale;
            }
            critic.backward(m, criticPass, seed, criticGradient, 0, 0, null);
        }
        criticOptimiser.step(criticGradient);
        return squares;
    }

    /** The actor update through critic 1 as just updated; returns the actor loss {@code -mean Q_1(s, mu(s))}. */
    double actorStep() {
        actor.pull();
        actorCurrent = true;
        critic.pull();
        actor.forward(0, agent.batchObs, 0, obsDim, batch, actorPass);
        HostMlp.join(agent.batchObs, obsDim, actorPass.output(0), actDim, batch, actorInput);
        critic.forward(0, actorInput, 0, obsDim + actDim, batch, actorCriticPass);
        float[] q = actorCriticPass.output(0);
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            sum += q[b];
            seed[b] = -1f / batch;
        }
        critic.backward(0, actorCriticPass, seed, null, obsDim, obsDim + actDim, actionGradient);
        actor.backward(0, actorPass, actionGradient, actorGradient, 0, 0, null);
        actorOptimiser.step(actorGradient);
        actorCurrent = false;
        return -sum / batch;
    }
}
