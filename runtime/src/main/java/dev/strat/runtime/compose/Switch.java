package dev.strat.runtime.compose;

import dev.strat.runtime.pipeline.Decision;
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
 * of the switch's own setup, so their reports read {@code name/memberName/...}. A {@link NoTrade}
 * member, when chosen, executes the real account's drifted weights: nothing trades.
 *
 * <h2>Reports</h2>
 * Under {@code name/}: the categorical series {@code choice} (the chosen member's index at every
 * step, labelled with the member names) and the counters {@code chosen/<member>} (steps executed).
 * The policy's random stream is {@code random(name + "/policy")}.
 */
public final class Switch extends PooledStage {

    private final SwitchPolicy policy;
    private final String choiceSeries;
    private final String[] counters;
    private int chosen;

    /**
     * @param name        the stage's path in its strategy; reports and random streams are named after it
     * @param every       decisions between choices, >= 1
     * @param members     the pool, in order (a policy's index refers to it)
     * @param memberNames distinct names of the members, for reports
     */
    public Switch(String name, SwitchPolicy policy, int every, List<Stage> members, List<String> memberNames) {
        super("switch", name, policy, every, members, memberNames);
        this.policy = policy;
        // full names, written to the run's sink directly: a scoped sink would concatenate on every call
        this.choiceSeries = name + "/choice";
        this.counters = pool.names().stream().map(m -> name + "/chosen/" + m).toArray(String[]::new);
    }

    public SwitchPolicy policy() { return policy; }

    @Override
    void started() {
        reports.categories(choiceSeries, pool.names());
        chosen = 0;
    }

    @Override
    void decide(Decision decision) {
        int k = policy.choose(decision.history(), pool.record());
        if (k < 0 || k >= pool.size()) {
            throw new IllegalStateException("switch '" + name + "': policy " + policy.label() + " chose member " + k
                    + " of " + pool.size());
        }
        chosen = k;
    }

    @Override
    void write(Decision decision, double[] out) {
        // no_trade: the real account drifts (its member's own shadow account never leaves cash)
        System.arraycopy(pool.holds(chosen) ? decision.current() : pool.rawProposal(chosen), 0, out, 0, out.length);
        reports.series(choiceSeries, decision.step(), chosen);
        reports.count(counters[chosen], 1);
    }
}
