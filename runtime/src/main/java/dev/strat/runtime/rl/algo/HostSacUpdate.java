package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.nn.Adam;

/**
 * SAC's update ({@link Sac}) on Java kernels, for small plain MLPs on the CPU
 * ({@link HostTraining}): the same sampling, losses, gradients and steps as the PyTorch path,
 * with the products on {@link dev.strat.runtime.rl.nn.HostGemm} and the gradients of the
 * squashed Gaussian derived by hand.
 *
 * <p>With {@code u = mu + std eps}, {@code a = tanh u} and
 * {@code log pi = sum_j [2 (u_j + softplus(-2 u_j)) - log std_j] + const(eps)}
 * ({@link SquashedGaussian}): {@code d log pi / d u_j = 2 tanh u_j = 2 a_j},
 * {@code d log pi / d log std_j = -1} directly, and {@code du_j / d log std_j = std_j eps_j}; the
 * clamp of {@code log std} passes the gradient inside its bounds only (half of it at a bound, as
 * PyTorch's {@code maximum} and {@code minimum} split ties).
 */
final class HostSacUpdate extends HostOffPolicyUpdate {

    /** What one update reports. */
    record Result(double criticLoss, double actorLoss) {
    }

    private final Sac agent;
    private final HostMlp.Pass nextActorPass;
    /** The actor's sample on the observations: action, std, and the clamp's gradient factor. */
    private final float[] action;
    private final float[] std;
    private final float[] clampFactor;
    private final float[] logProb;
    private final float[] nextAction;
    private final float[] nextLogProb;
    private final float[] actionGradientSum;
    private final float[] outputGradient;

    HostSacUpdate(Sac agent, StackedMlp actor, StackedMlp critic, StackedMlp criticTarget, Adam actorOptimiser, Adam criticOptimiser) {
        super(agent, actor, critic, criticTarget, actorOptimiser, criticOptimiser);
        this.agent = agent;
        this.nextActorPass = this.actor.net.pass(batch);
        int n = batch * actDim;
        this.action = new float[n];
        this.std = new float[n];
        this.clampFactor = new float[n];
        this.logProb = new float[batch];
        this.nextAction = new float[n];
        this.nextLogProb = new float[batch];
        this.actionGradientSum = new float[n];
        this.outputGradient = new float[batch * 2 * actDim];
    }

    /**
     * Samples the actor on the batch's observations (its pass kept for the actor's step): returns
     * the mean {@code log pi}, which the temperature's step needs before the rest of the update.
     */
    double sample() {
        actor.pull();
        actor.net.forward(0, agent.batchObs, 0, obsDim, batch, actorPass);
        squash(actorPass.output(0), agent.batchEps, agent.epsConstant, action, logProb, std, clampFactor);
        double mean = 0;
        for (float v : logProb) mean += v;
        return mean / batch;
    }

    /** The critic and actor steps with temperature {@code alpha}, after {@link #sample}. */
    Result step(float alpha) {
        // the soft target, from the actor before its step and the target critics
        actor.net.forward(0, agent.batchNext, 0, obsDim, batch, nextActorPass);
        squash(nextActorPass.output(0), agent.batchNextEps, agent.nextEpsConstant, nextAction, nextLogProb, null, null);
        criticTarget.pull();
        HostMlp.join(agent.batchNext, obsDim, nextAction, actDim, batch, nextInput);
        criticTarget.forward(0, nextInput, 0, obsDim + actDim, batch, targetPass);
        criticTarget.forward(1, nextInput, 0, obsDim + actDim, batch, targetPass);
        float[] discounts = agent.batchDiscounts;
        float[] rewards = agent.batchRewards;
        for (int b = 0; b < batch; b++) {
            float q = Math.min(targetPass.output(0)[b], targetPass.output(1)[b]);
            y[b] = (q - nextLogProb[b] * alpha) * discounts[b] + rewards[b];
        }
        // critics: 0.5 sum_k mean_b (Q_k - y)^2
        critic.pull();
        HostMlp.join(agent.batchObs, obsDim, agent.batchActions, actDim, batch, input);
        double squares = critic.regress(input, batch, y, 1f / batch, criticPass, seed, criticGradient);
        criticOptimiser.step(criticGradient);
        // actor: mean_b (alpha log pi - min_k Q_k(s, a)), through the critics as just updated
        critic.pull();
        HostMlp.join(agent.batchObs, obsDim, action, actDim, batch, actorInput);
        critic.forward(0, actorInput, 0, obsDim + actDim, batch, actorCriticPass);
        critic.forward(1, actorInput, 0, obsDim + actDim, batch, actorCriticPass);
        float[] q0 = actorCriticPass.output(0);
        float[] q1 = actorCriticPass.output(1);
        double loss = 0;
        java.util.Arrays.fill(actionGradientSum, 0f);
        for (int m = 0; m < 2; m++) {
            boolean any = false;
            for (int b = 0; b < batch; b++) {
                // torch.min's gradient goes to the first index of the minimum
                boolean chosen = m == 0 ? q0[b] <= q1[b] : q1[b] < q0[b];
                seed[b] = chosen ? -1f / batch : 0f;
                any |= chosen;
            }
            if (!any) continue;
            critic.backward(m, actorCriticPass, seed, null, obsDim, obsDim + actDim, actionGradient);
            for (int i = 0; i < actionGradientSum.length; i++) actionGradientSum[i] += actionGradient[i];
        }
        float perRow = alpha / batch;
        for (int b = 0; b < batch; b++) {
            loss += logProb[b] * alpha - Math.min(q0[b], q1[b]);
            for (int j = 0; j < actDim; j++) {
                int i = b * actDim + j;
                float a = action[i];
                float du = actionGradientSum[i] * (1 - a * a) + perRow * 2 * a;
                outputGradient[b * 2 * actDim + j] = du;
                outputGradient[b * 2 * actDim + actDim + j] = (du * std[i] * agent.batchEps[i] - perRow) * clampFactor[i];
            }
        }
        actor.net.backward(0, actorPass, outputGradient, actorGradient, 0, 0, null);
        actorOptimiser.step(actorGradient);
        actor.changed();
        return new Result(squares / (2.0 * batch), loss / batch);
    }

    /**
     * The squashed Gaussian on the actor's output rows {@code [mu | log std]}: the action and
     * {@code log pi} per row, and where wanted the std and the clamp's gradient factor.
     */
    private void squash(float[] out, float[] eps, float[] constant, float[] act, float[] logPi, float[] stdOut, float[] clamp) {
        for (int b = 0; b < batch; b++) {
            double sum = 0;
            for (int j = 0; j < actDim; j++) {
                int i = b * actDim + j;
                float raw = out[b * 2 * actDim + actDim + j];
                float logStd = Math.max(SquashedGaussian.LOG_STD_MIN, Math.min(SquashedGaussian.LOG_STD_MAX, raw));
                float s = (float) Math.exp(logStd);
                float u = s * eps[i] + out[b * 2 * actDim + j];
                act[i] = (float) Math.tanh(u);
                sum += 2 * (softplus(-2.0 * u) + u) - logStd;
                if (stdOut != null) {
                    stdOut[i] = s;
                    clamp[i] = raw > SquashedGaussian.LOG_STD_MIN && raw < SquashedGaussian.LOG_STD_MAX ? 1f
                            : raw == SquashedGaussian.LOG_STD_MIN || raw == SquashedGaussian.LOG_STD_MAX ? 0.5f : 0f;
                }
            }
            logPi[b] = (float) (sum + constant[b]);
        }
    }

    /** PyTorch's softplus: {@code log(1 + e^x)}, or {@code x} above 20. */
    private static double softplus(double x) {
        return x > 20 ? x : Math.log1p(Math.exp(x));
    }
}
