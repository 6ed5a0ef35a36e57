package dev.strat.runtime.compose;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
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
public final class Blend implements Stage, AutoCloseable {

    /** Largest distance of a policy's weights from summing to 1 that is normalised rather than rejected. */
    private static final double SUM_TOLERANCE = 1e-6;

    private final String name;
    private final BlendPolicy policy;
    private final int every;
    private final MemberPool pool;
    private final String[] series;
    private final String label;
    private final double[] weights;
    private ReportSink reports = ReportSink.NONE;
    private int decisions;

    /**
     * @param name        the stage's path in its strategy; reports and random streams are named after it
     * @param every       decisions between new weights, >= 1
     * @param members     the pool, in order (a policy's weights refer to it)
     * @param memberNames distinct names of the members, for reports
     */
    public Blend(String name, BlendPolicy policy, int every, List<Stage> members, List<String> memberNames) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a blend needs a name");
        if (every < 1) throw new IllegalArgumentException("blend: every must be >= 1 decision, got " + every);
        this.name = name;
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
        this.every = every;
        this.pool = new MemberPool("blend '" + name + "'", members, memberNames);
        // full names, written to the run's sink directly: a scoped sink would concatenate on every call
        this.series = pool.names().stream().map(m -> name + "/weight/" + m).toArray(String[]::new);
        this.label = "blend " + policy.label() + (every > 1 ? " every " + every : "") + " over " + pool.names();
        this.weights = new double[pool.size()];
    }

    public String name() { return name; }

    public BlendPolicy policy() { return policy; }

    public int every() { return every; }

    public List<String> memberNames() { return pool.names(); }

    @Override
    public String label() { return label; }

    @Override
    public int warmup() { return Math.max(pool.warmup(), policy.warmup()); }

    @Override
    public List<Stage> children() { return pool.stages(); }

    @Override
    public void reset(RunSetup setup) {
        RunSetup own = setup.forMember(name, setup.symbols());
        pool.reset(own);
        policy.reset(own, name, pool.size());
        reports = setup.reports();
        decisions = 0;
    }

    @Override
    public void propose(Decision decision, double[] out) {
        pool.propose(decision);
        if (decisions++ % every == 0) {
            policy.weigh(decision.history(), pool.record(), weights);
            check(decision.step());
        }
        java.util.Arrays.fill(out, 0.0);
        for (int k = 0; k < weights.length; k++) {
            double w = weights[k];
            reports.series(series[k], decision.step(), w);
            if (w == 0) continue;
            double[] p = pool.proposal(k);
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

    @Override
    public void observe(Outcome outcome) {
        pool.observe(outcome);
        policy.observe(outcome);
    }

    /** Closes the members that hold resources (learners free their networks). */
    @Override
    public void close() {
        pool.close();
    }
}
