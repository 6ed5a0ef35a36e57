package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.nn.Adam;

/**
 * What the off-policy updates on Java kernels share ({@link HostTraining}): the Java copies of
 * the actor and the critics, their optimisers, the passes' buffers, the critic inputs and the
 * gradients of one update, and acting on the actor's copy.
 */
abstract sealed class HostOffPolicyUpdate permits HostDeterministicUpdate, HostSacUpdate {

    final HostActor actor;
    final HostMlp critic;
    final HostMlp criticTarget;
    final Adam actorOptimiser;
    final Adam criticOptimiser;
    final int obsDim;
    final int actDim;
    final int batch;
    final HostMlp.Pass actorPass;
    final HostMlp.Pass targetPass;
    final HostMlp.Pass criticPass;
    final HostMlp.Pass actorCriticPass;
    /** Critic inputs, (B, obs + act): the batch's, the next observations', and the actor's. */
    final float[] input;
    final float[] nextInput;
    final float[] actorInput;
    /** The critics' target, and a per-row seed of backward. */
    final float[] y;
    final float[] seed;
    /** The loss's gradient with respect to the actor's actions, (B, act). */
    final float[] actionGradient;
    final float[] criticGradient;
    final float[] actorGradient;

    HostOffPolicyUpdate(OffPolicyAgent agent, StackedMlp actor, StackedMlp critic, StackedMlp criticTarget, Adam actorOptimiser,
                        Adam criticOptimiser) {
        this.actor = new HostActor(actor);
        this.critic = new HostMlp(critic);
        this.criticTarget = new HostMlp(criticTarget);
        this.actorOptimiser = actorOptimiser;
        this.criticOptimiser = criticOptimiser;
        this.obsDim = agent.obsDim;
        this.actDim = agent.actDim;
        this.batch = agent.batch;
        this.actorPass = this.actor.net.pass(batch);
        this.targetPass = this.criticTarget.pass(batch);
        this.criticPass = this.critic.pass(batch);
        this.actorCriticPass = this.critic.pass(batch);
        int width = obsDim + actDim;
        this.input = new float[batch * width];
        this.nextInput = new float[batch * width];
        this.actorInput = new float[batch * width];
        this.y = new float[batch];
        this.seed = new float[batch];
        this.actionGradient = new float[batch * actDim];
        this.criticGradient = new float[this.critic.size()];
        this.actorGradient = new float[this.actor.net.size()];
    }

    /** The actor's output for one observation, on its Java copy; the array is reused by the next call. */
    final float[] act(float[] observation) {
        return actor.act(observation);
    }

    /** The networks' weights changed outside these updates (a checkpoint loaded): copies are taken anew. */
    final void weightsChanged() {
        actor.changed();
    }
}
