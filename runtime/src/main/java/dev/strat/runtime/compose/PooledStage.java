package dev.strat.runtime.compose;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Switch} and a {@link Blend} share: a named stage over a {@link MemberPool} whose
 * policy decides every {@code every} decisions (the first included), members resetting under the
 * stage's name, the policy observing every outcome, the members closed with the stage. Subclasses
 * say what a decision does ({@link #decide}) and what is proposed from it ({@link #write}).
 */
abstract sealed class PooledStage implements Stage, AutoCloseable permits Switch, Blend {

    final String name;
    final int every;
    final MemberPool pool;
    private final BlendPolicy policy;
    private final String label;
    ReportSink reports = ReportSink.NONE;
    private int decisions;

    PooledStage(String kind, String name, BlendPolicy policy, int every, List<Stage> members, List<String> memberNames) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a " + kind + " needs a name");
        if (every < 1) throw new IllegalArgumentException(kind + ": every must be >= 1 decision, got " + every);
        this.name = name;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.every = every;
        this.pool = new MemberPool(kind + " '" + name + "'", members, memberNames);
        this.label = kind + " " + policy.label() + (every > 1 ? " every " + every : "") + " over " + pool.names();
    }

    public String name() { return name; }

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
        started();
    }

    /** A run starts: the subclass resets its own state and declares its reports. */
    abstract void started();

    @Override
    public final void propose(Decision decision, double[] out) {
        pool.propose(decision);
        if (decisions++ % every == 0) decide(decision);
        write(decision, out);
    }

    /** The policy's periodic decision, from the members' track records up to this decision. */
    abstract void decide(Decision decision);

    /** The stage's proposal at every decision, from the last decision and the members' proposals. */
    abstract void write(Decision decision, double[] out);

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
