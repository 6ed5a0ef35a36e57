package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.nn.HostKernels;
import dev.strat.runtime.rl.nn.Param;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * The gradient of PPO's and A2C's loss on a batch ({@link Ppo}, {@link A2c}) on Java kernels,
 * where the actor-critic acts on them ({@link ActorCritic#onHostKernels}): the same loss terms
 * and gradients as the PyTorch path, the gradients of the distributions derived by hand, clipped
 * by global norm as PyTorch's {@code clip_grad_norm_} does; the caller's optimiser steps.
 *
 * <p>A2C's policy term {@code -mean(A logp)} has the gradient {@code -A / B} per row. PPO's, with
 * {@code r = exp(logp - logp_old)}: the clipped surrogate's gradient with respect to
 * {@code logp} is {@code -A r / B} where {@code r A} is the minimum (inside the clip range the two
 * terms are equal and together pass the whole gradient) and 0 where the clipped term is.
 * Gaussian: {@code z = (a - mu) / std}, {@code d logp / d mu = z / std},
 * {@code d logp / d log std = z^2 - 1}, and the entropy's gradient is 1 per log std. Categorical:
 * {@code d logp / d logit_k = [k = a] - p_k}, and the row entropy {@code H} has
 * {@code dH / d logit_k = -p_k (log p_k + H)}.
 */
final class HostOnPolicyStep {

    private final HostMlp actor;
    private final HostMlp critic;
    private final boolean gaussian;
    private final int head;
    private final int observationSize;
    /** The Gaussian's log std (its own tensor's memory), or null. */
    private final FloatBuffer logStdView;
    private final float[] logStd;
    /** {@code exp(-log std)}, per dimension, for this step. */
    private final double[] inverseStd;
    /** PPO's clip range, or NaN for A2C's plain policy gradient. */
    private final double clipRange;
    private final double entCoef;
    private final double vfCoef;
    private final double maxGradNorm;
    private final HostMlp.Pass actorPass;
    private final HostMlp.Pass criticPass;
    private final float[] headGradient;
    private final float[] valueGradient;
    /** Every parameter's gradient in the optimiser's order: actor, critic, then the log std. */
    private final float[] gradient;
    private final float[] criticGradient;
    private final double[] logSoftmax;

    HostOnPolicyStep(ActorCritic nets, int observationSize, int batch, double clipRange, double entCoef, double vfCoef, double maxGradNorm) {
        this.actor = nets.hostActor();
        this.critic = nets.hostCritic();
        this.gaussian = nets.distribution() instanceof DiagonalGaussian;
        this.head = nets.distribution().headSize();
        this.observationSize = observationSize;
        List<Param> extra = nets.distribution().parameters();
        this.logStdView = gaussian ? HostKernels.aliasedView(extra.get(0).value()) : null;
        this.logStd = new float[gaussian ? head : 0];
        this.inverseStd = new double[logStd.length];
        this.clipRange = clipRange;
        this.entCoef = entCoef;
        this.vfCoef = vfCoef;
        this.maxGradNorm = maxGradNorm;
        this.actorPass = actor.pass(batch);
        this.criticPass = critic.pass(batch);
        this.headGradient = new float[batch * head];
        this.valueGradient = new float[batch];
        this.gradient = new float[actor.size() + critic.size() + logStd.length];
        this.criticGradient = new float[critic.size()];
        this.logSoftmax = new double[head];
    }

    /**
     * The loss's gradient on {@code batch}, clipped, in the optimisers' order (actor, critic, log
     * std; the array is reused by the next call), and the terms: total, policy, value, entropy,
     * and for PPO approx KL and clip fraction.
     */
    float[] gradient(OnPolicyBatch batch, float[] terms) {
        actor.pull();
        critic.pull();
        if (gaussian) logStdView.get(0, logStd, 0, head);
        int rows = batch.size();
        int width = batch.width();
        float[] data = batch.data();
        actor.forward(0, data, 0, width, rows, actorPass);
        critic.forward(0, data, 0, width, rows, criticPass);
        float[] out = actorPass.output(0);
        float[] values = criticPass.output(0);
        boolean ppo = !Double.isNaN(clipRange);
        double eps = clipRange;
        int logStdAt = actor.size() + critic.size();
        java.util.Arrays.fill(gradient, logStdAt, gradient.length, 0f);
        double sumLogStd = 0;
        for (int j = 0; j < logStd.length; j++) {
            sumLogStd += logStd[j];
            inverseStd[j] = Math.exp(-logStd[j]);
        }
        double policy = 0;
        double value = 0;
        double entropy = 0;
        double approxKl = 0;
        int clipped = 0;
        int actionAt = observationSize;
        for (int b = 0; b < rows; b++) {
            int row = b * width;
            float oldLogProb = data[row + actionAt + batch.actionColumns()];
            float advantage = data[row + actionAt + batch.actionColumns() + 1];
            float ret = data[row + actionAt + batch.actionColumns() + 2];
            double logProb;
            double rowEntropy = 0;
            if (gaussian) {
                double squares = 0;
                for (int j = 0; j < head; j++) {
                    double z = (data[row + actionAt + j] - out[b * head + j]) * inverseStd[j];
                    squares += z * z;
                }
                logProb = -0.5 * squares - sumLogStd - head * DiagonalGaussian.HALF_LOG_2PI;
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < head; k++) max = Math.max(max, out[b * head + k]);
                double sum = 0;
                for (int k = 0; k < head; k++) sum += Math.exp(out[b * head + k] - max);
                double log = max + Math.log(sum);
                logProb = 0;
                for (int k = 0; k < head; k++) {
                    logSoftmax[k] = out[b * head + k] - log;
                    logProb += data[row + actionAt + k] * logSoftmax[k];
                    rowEntropy -= Math.exp(logSoftmax[k]) * logSoftmax[k];
                }
                entropy += rowEntropy / rows;
            }
            double g;
            if (ppo) {
                double logRatio = logProb - oldLogProb;
                double ratio = Math.exp(logRatio);
                double clippedRatio = Math.max(1 - eps, Math.min(1 + eps, ratio));
                double unclippedTerm = ratio * advantage;
                double clippedTerm = clippedRatio * advantage;
                policy -= Math.min(unclippedTerm, clippedTerm) / rows;
                // d policy / d logp: through r A where it is the minimum (inside the range both terms are r A)
                g = unclippedTerm <= clippedTerm ? -advantage * ratio / rows : 0;
                approxKl += ((ratio - 1) - logRatio) / rows;
                if (Math.abs(ratio - 1) > eps) clipped++;
            } else {
                policy -= advantage * logProb / rows;
                g = -advantage / rows;
            }
            double error = values[b] - ret;
            value += error * error / rows;
            valueGradient[b] = (float) (vfCoef * 2 * error / rows);
            if (gaussian) {
                for (int j = 0; j < head; j++) {
                    double z = (data[row + actionAt + j] - out[b * head + j]) * inverseStd[j];
                    headGradient[b * head + j] = (float) (g * z * inverseStd[j]);
                    gradient[logStdAt + j] += (float) (g * (z * z - 1));
                }
            } else {
                for (int k = 0; k < head; k++) {
                    double p = Math.exp(logSoftmax[k]);
                    double dEntropy = -p * (logSoftmax[k] + rowEntropy) / rows;
                    headGradient[b * head + k] = (float) (g * (data[row + actionAt + k] - p) - entCoef * dEntropy);
                }
            }
        }
        if (gaussian) {
            entropy = sumLogStd + head * (0.5 + DiagonalGaussian.HALF_LOG_2PI);
            for (int j = 0; j < head; j++) gradient[logStdAt + j] -= entCoef;
        }
        actor.backward(0, actorPass, headGradient, gradient, 0, 0, null);
        critic.backward(0, criticPass, valueGradient, criticGradient, 0, 0, null);
        System.arraycopy(criticGradient, 0, gradient, actor.size(), critic.size());
        double norm = 0;
        for (float v : gradient) norm += (double) v * v;
        double coefficient = GradientClip.coefficient(Math.sqrt(norm), maxGradNorm);
        if (coefficient < 1) for (int i = 0; i < gradient.length; i++) gradient[i] *= (float) coefficient;
        terms[0] = (float) (policy + vfCoef * value - entCoef * entropy);
        terms[1] = (float) policy;
        terms[2] = (float) value;
        terms[3] = (float) entropy;
        if (ppo) {
            terms[4] = (float) approxKl;
            terms[5] = (float) clipped / rows;
        }
        return gradient;
    }
}
