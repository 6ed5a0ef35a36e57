package dev.strat.runtime.compose;

import dev.strat.runtime.backtest.Accounting;
import dev.strat.runtime.backtest.MarketStep;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.pipeline.Stages;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The members of a {@link Switch} or {@link Blend}, each trading on its own shadow account:
 * every decision each member proposes from its own drifted weights and wealth, and after the
 * step each shadow account earns the relatives the real account realised and the member
 * observes its own outcome. Whatever the composite executes, each member's track record is what
 * it would have earned trading alone, charged by the run's cost model.
 */
final class MemberPool {

    private final List<Stage> stages;
    private final List<String> names;
    private final String owner;
    private final TrackRecord record;
    /** Which members are {@link NoTrade}: executing one means letting the real account drift. */
    private final boolean[] holds;
    private MarketStep[] accounts = new MarketStep[0];
    private double[][] raw = new double[0][];
    private double[][] proposals = new double[0][];
    private double[][] current = new double[0][];
    private List<String> symbols;
    private int n;

    MemberPool(String owner, List<Stage> stages, List<String> names) {
        if (stages.isEmpty()) throw new IllegalArgumentException(owner + ": a composite needs at least one member");
        if (names.size() != stages.size()) throw new IllegalArgumentException(owner + ": one name per member expected");
        if (new HashSet<>(names).size() != names.size()) throw new IllegalArgumentException(owner + ": member names must be distinct, got " + names);
        this.owner = owner;
        this.stages = List.copyOf(stages);
        this.names = List.copyOf(names);
        this.record = new TrackRecord(stages.size());
        this.holds = new boolean[stages.size()];
        for (int k = 0; k < holds.length; k++) holds[k] = stages.get(k) instanceof NoTrade;
    }

    /** True when member {@code k} is {@link NoTrade}: the composite executes the real account's current weights for it. */
    boolean holds(int k) { return holds[k]; }

    List<Stage> stages() { return stages; }

    List<String> names() { return names; }

    int size() { return stages.size(); }

    TrackRecord record() { return record; }

    /** The tidied proposal of member {@code k} at the last decision (N + 1), the one its shadow account executes; do not modify. */
    double[] proposal(int k) { return proposals[k]; }

    /**
     * Member {@code k}'s proposal as it wrote it, before tidying: executing this one lets the
     * backtester tidy it exactly as it would the member's alone (tidying twice may move the last bit).
     */
    double[] rawProposal(int k) { return raw[k]; }

    int warmup() {
        int w = 0;
        for (Stage s : stages) w = Math.max(w, s.warmup());
        return w;
    }

    /** Resets every member with its scoped setup and starts its shadow account. */
    void reset(RunSetup setup) {
        int m = stages.size();
        n = setup.assets();
        symbols = setup.symbols();
        accounts = new MarketStep[m];
        raw = new double[m][n + 1];
        proposals = new double[m][n + 1];
        current = new double[m][n + 1];
        for (int k = 0; k < m; k++) {
            RunSetup own = setup.forMember(names.get(k), setup.symbols());
            stages.get(k).reset(own);
            accounts[k] = MarketStep.shadow(own);
            // the same seed and stream names as the real account: a member alone would pay the same slippage
            accounts[k].reset(own);
        }
        record.start(setup.config().capital(), setup.lastBar() - setup.firstBar());
    }

    /** Asks every member for its proposal, each from its own account. */
    void propose(Decision decision) {
        for (int k = 0; k < proposals.length; k++) {
            double[] cur = current[k];
            System.arraycopy(accounts[k].drifted(), 0, cur, 0, n + 1);
            Arrays.fill(raw[k], Double.NaN);
            stages.get(k).propose(new Decision(decision.history(), decision.step(), cur, cur, accounts[k].wealth()), raw[k]);
            double[] out = proposals[k];
            System.arraycopy(raw[k], 0, out, 0, n + 1);
            String problem = Accounting.tidy(out, n, symbols);
            if (problem != null) {
                throw new IllegalStateException(owner + ": member '" + names.get(k) + "' (" + stages.get(k).label() + ") proposed "
                        + problem + " at step " + decision.step() + "; this is a bug in the member");
            }
        }
    }

    /** Steps every shadow account with the realised relatives and lets each member observe its own outcome. */
    void observe(Outcome outcome) {
        for (int k = 0; k < proposals.length; k++) {
            Outcome own = accounts[k].stepWith(outcome.step(), proposals[k], outcome.relatives());
            record.record(k, own.wealth());
            stages.get(k).observe(own);
        }
        record.advance();
    }

    /** Closes the members that hold resources; the first failure is rethrown after all were tried. */
    void close() {
        Stages.closeAll(stages);
    }
}
