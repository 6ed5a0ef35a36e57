package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.nn.Param;

import java.util.List;
import java.util.SplittableRandom;

/** A categorical distribution over {@code n} options with the actor's output as logits. */
final class Categorical implements ActionDistribution {

    private final int n;
    private final double[] logProbs;

    Categorical(int n) {
        this.n = n;
        this.logProbs = new double[n];
    }

    @Override
    public int headSize() { return n; }

    @Override
    public List<Param> parameters() { return List.of(); }

    @Override
    public void refresh() {
    }

    @Override
    public double sample(float[] head, SplittableRandom random, float[] raw) {
        logSoftmax(head);
        double u = random.nextDouble();
        double cumulative = 0;
        int choice = n - 1;
        for (int i = 0; i < n; i++) {
            cumulative += Math.exp(logProbs[i]);
            if (u < cumulative) {
                choice = i;
                break;
            }
        }
        raw[0] = choice;
        return logProbs[choice];
    }

    @Override
    public void toEnvironment(float[] raw, float[] action) {
        action[0] = raw[0];
    }

    @Override
    public void mode(float[] head, float[] action) {
        int best = 0;
        for (int i = 1; i < n; i++) if (head[i] > head[best]) best = i;
        action[0] = best;
    }

    @Override
    public NDArray[] logProbAndEntropy(NDManager scope, NDArray logits, NDArray oneHot) {
        NDArray logSoftmax = logits.logSoftmax(1);
        NDArray logProb = logSoftmax.mul(oneHot).sum(new int[]{1}, true);
        NDArray entropy = logSoftmax.exp().mul(logSoftmax).sum().mul(-1f / logits.getShape().get(0));
        return new NDArray[]{logProb, entropy};
    }

    private void logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, logits[i]);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Math.exp(logits[i] - max);
        double log = max + Math.log(sum);
        for (int i = 0; i < n; i++) logProbs[i] = logits[i] - log;
    }
}
