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
final class HostDeterministicUpdate extends HostOffPolicyUpdate {

    private final DeterministicActorCritic agent;
    private final HostMlp actorTarget;
    private final boolean smoothing;
    private final HostMlp.Pass nextActorPass;

    HostDeterministicUpdate(DeterministicActorCritic agent, StackedMlp actor, StackedMlp actorTarget, StackedMlp critic, StackedMlp criticTarget,
                            Adam actorOptimiser, Adam criticOptimiser, boolean smoothing) {
        super(agent, actor, critic, criticTarget, actorOptimiser, criticOptimiser);
        this.agent = agent;
        this.actorTarget = new HostMlp(actorTarget);
        this.smoothing = smoothing;
        this.nextActorPass = this.actorTarget.pass(batch);
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
        double squares = critic.regress(input, batch, y, 2f / batch, criticPass, seed, criticGradient);
        criticOptimiser.step(criticGradient);
        return squares;
    }

    /** The actor update through critic 1 as just updated; returns the actor loss {@code -mean Q_1(s, mu(s))}. */
    double actorStep() {
        actor.pull();
        critic.pull();
        actor.net.forward(0, agent.batchObs, 0, obsDim, batch, actorPass);
        HostMlp.join(agent.batchObs, obsDim, actorPass.output(0), actDim, batch, actorInput);
        critic.forward(0, actorInput, 0, obsDim + actDim, batch, actorCriticPass);
        float[] q = actorCriticPass.output(0);
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            sum += q[b];
            seed[b] = -1f / batch;
        }
        critic.backward(0, actorCriticPass, seed, null, obsDim, obsDim + actDim, actionGradient);
        actor.net.backward(0, actorPass, actionGradient, actorGradient, 0, 0, null);
        actorOptimiser.step(actorGradient);
        actor.changed();
        return -sum / batch;
    }
}
