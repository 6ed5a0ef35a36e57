package dev.strat.runtime.compose;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.util.List;

/**
 * Executes one member at a time, chosen by a {@link SwitchPolicy} every {@code every} decisions
 * (the first decision included): {@code switch random every 5 over [hrp, herc, hold]}, the
 * HRP/HERC switching system with its high-level agent replaced by a policy.
 *
 * <h2>Members</h2>
 * Every member runs at every decision on its own shadow account, because the market does not
 * depend on the choice: it proposes from its own drifted weights and wealth, and after the step
 * observes the outcome of its own account. Only the choice is periodic; the chosen member's
 * proposal is executed at every decision until the next choice, so it trades every bar. A switch
 * that always chooses member {@code i} therefore runs exactly as member {@code i} alone (when no
 * member's warm-up delays the start). Members are reset with {@code forMember(memberName, symbols)}
 * of the switch's own setup, so their reports read {@code name/memberName/...}.
 *
 * <h2>Reports</h2>
 * Under {@code name/}: the categorical series {@code choice} (the chosen member's index at every
 * step, labelled with the member names) and the counters {@code chosen/<member>} (steps executed).
 * The policy's random stream is {@code random(name + "/policy")}.
 */
public final class Switch implements Stage, AutoCloseable {

    private final String name;
    private final SwitchPolicy policy;
    private final int every;
    private final MemberPool pool;
    private final String choiceSeries;
    private final String[] counters;
    private final String label;
    private ReportSink reports = ReportSink.NONE;
    private int decisions;
    private int chosen;

    /**
     * @param name        the stage's path in its strategy; reports and random streams are named after it
     * @param every       decisions between choices, >= 1
     * @param members     the pool, in order (a policy's index refers to it)
     * @param memberNames distinct names of the members, for reports
     */
    public Switch(String name, SwitchPolicy policy, int every, List<Stage> members, List<String> memberNames) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a switch needs a name");
        if (every < 1) throw new IllegalArgumentException("switch: every must be >= 1 decision, got " + every);
        this.name = name;
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
        this.every = every;
        this.pool = new MemberPool("switch '" + name + "'", members, memberNames);
        // full names, written to the run's sink directly: a scoped sink would concatenate on every call
        this.choiceSeries = name + "/choice";
        this.counters = pool.names().stream().map(m -> name + "/chosen/" + m).toArray(String[]::new);
        this.label = "switch " + policy.label() + (every > 1 ? " every " + every : "") + " over " + pool.names();
    }

    public String name() { return name; }

    public SwitchPolicy policy() { return policy; }

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
        reports.categories(choiceSeries, pool.names());
        decisions = 0;
        chosen = 0;
    }

    @Override
    public void propose(Decision decision, double[] out) {
        pool.propose(decision);
        if (decisions++ % every == 0) {
            int k = policy.choose(decision.history(), pool.record());
            if (k < 0 || k >= pool.size()) {
                throw new IllegalStateException("switch '" + name + "': policy " + policy.label() + " chose member " + k
                        + " of " + pool.size());
            }
            chosen = k;
        }
        System.arraycopy(pool.rawProposal(chosen), 0, out, 0, out.length);
        reports.series(choiceSeries, decision.step(), chosen);
        reports.count(counters[chosen], 1);
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
