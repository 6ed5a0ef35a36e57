package dev.strat.runtime.compose;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Stage;

import java.util.List;

/**
 * Executes a weighted sum of its members' proposals, the weights given by a {@link BlendPolicy}
 * every {@code every} decisions (the first included) and kept in between: the continuous variant
 * of the HRP/HERC switching system. Long-only proposals summing to 1 mixed with weights
 * {@code >= 0} summing to 1 are again long-only and sum to 1.
 *
 * <p>Members run exactly as in a {@link Switch}: every decision, each on its own shadow account.
 * With one-hot weights a blend is that member alone; with {@code equal} it executes the average
 * of the members' proposals.
 *
 * <p>Reports, under {@code name/}: a series {@code weight/<member>} per member at every step. The
 * policy's random stream is {@code random(name + "/policy")}.
 */
public final class Blend extends PooledStage {

    /** Largest distance of a policy's weights from summing to 1 that is normalised rather than rejected. */
    private static final double SUM_TOLERANCE = 1e-6;

    private final BlendPolicy policy;
    private final String[] series;
    private final double[] weights;

    /**
     * @param name        the stage's path in its strategy; reports and random streams are named after it
     * @param every       decisions between new weights, >= 1
     * @param members     the pool, in order (a policy's weights refer to it)
     * @param memberNames distinct names of the members, for reports
     */
    public Blend(String name, BlendPolicy policy, int every, List<Stage> members, List<String> memberNames) {
        super("blend", name, policy, every, members, memberNames);
        this.policy = policy;
        // full names, written to the run's sink directly: a scoped sink would concatenate on every call
        this.series = pool.names().stream().map(m -> name + "/weight/" + m).toArray(String[]::new);
        this.weights = new double[pool.size()];
    }

    public BlendPolicy policy() { return policy; }

    @Override
    void started() {
    }

    @Override
    void decide(Decision decision) {
        policy.weigh(decision.history(), pool.record(), weights);
        check(decision.step());
    }

    @Override
    void write(Decision decision, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int k = 0; k < weights.length; k++) {
            double w = weights[k];
            reports.series(series[k], decision.step(), w);
            if (w == 0) continue;
            // no_trade: its share stays where the real account drifted to
            double[] p = pool.holds(k) ? decision.current() : pool.proposal(k);
            for (int j = 0; j < out.length; j++) out[j] += w * p[j];
        }
    }

    /** Checks the policy's weights, normalising noise-level sum drift. */
    private void check(int step) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalStateException("blend '" + name + "': policy " + policy.label() + " gave weight " + w
                        + " at step " + step + "; member weights must be finite and >= 0");
            }
            sum += w;
        }
        if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
            throw new IllegalStateException("blend '" + name + "': policy " + policy.label() + " gave weights summing to "
                    + sum + " at step " + step + "; they must sum to 1");
        }
        if (sum != 1) for (int k = 0; k < weights.length; k++) weights[k] /= sum;
    }
}
