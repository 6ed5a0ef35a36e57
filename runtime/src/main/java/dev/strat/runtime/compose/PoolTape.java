package dev.strat.runtime.compose;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.util.Arrays;
import java.util.List;

/**
 * What every member of a pool did over a range of bars, recorded once: each member's proposal
 * (as written, before tidying) at every decision and the wealth of its shadow account after every
 * step. The members of a {@link Switch} or {@link Blend} do not depend on the choice (each trades
 * on its own shadow account), so a learner that chooses among them can replay the real account
 * over this tape as often as it likes instead of re-running the members.
 *
 * <p>It is recorded by the {@link Backtester} itself, with the pool reset exactly as the composite
 * named {@code owner} resets it ({@code setup.forMember(owner, ...)}, then each member under its
 * name), so member random streams, shadow accounts and costs are the ones a backtest of that
 * composite over the same bars and seed sees.
 */
public final class PoolTape {

    private final int members;
    private final int assets;
    private final int firstBar;
    private final int lastBar;
    private final int firstActive;
    private final int steps;
    private final double capital;
    private final boolean[] holds;
    private final double[] raw;
    private final double[] wealth;

    private PoolTape(int members, int assets, int firstBar, int lastBar, int firstActive, int steps, double capital,
                     boolean[] holds, double[] raw, double[] wealth) {
        this.members = members;
        this.assets = assets;
        this.firstBar = firstBar;
        this.lastBar = lastBar;
        this.firstActive = firstActive;
        this.steps = steps;
        this.capital = capital;
        this.holds = holds;
        this.raw = raw;
        this.wealth = wealth;
    }

    /**
     * Runs the pool over decisions {@code firstBar .. lastBar - 1} of {@code market} and records it.
     *
     * @param owner the composite's name (its path), under which the members are reset
     * @throws IllegalArgumentException when the pool's warm-up leaves no decision in the range
     */
    public static PoolTape record(String owner, List<Stage> members, List<String> names, MarketData market, BacktestConfig config,
                                  int firstBar, int lastBar, long seed) {
        Recorder recorder = new Recorder(owner, new MemberPool("pool '" + owner + "'", members, names), lastBar - firstBar,
                market.assets());
        new Backtester(config).run(owner + " (members)", recorder, market, firstBar, lastBar, seed);
        if (recorder.steps == 0) {
            throw new IllegalArgumentException("pool '" + owner + "': the members' warm-up of " + recorder.pool.warmup()
                    + " bars leaves no decision in bars " + firstBar + ".." + lastBar);
        }
        int m = members.size();
        int s = recorder.steps;
        double[] w = new double[m * (s + 1)];
        for (int k = 0; k < m; k++) {
            w[k * (s + 1)] = config.capital();
            for (int p = 1; p <= s; p++) w[k * (s + 1) + p] = recorder.pool.record().wealth(k, s - p);
        }
        boolean[] holds = new boolean[m];
        for (int k = 0; k < m; k++) holds[k] = recorder.pool.holds(k);
        return new PoolTape(m, market.assets(), firstBar, lastBar, recorder.firstActive, s, config.capital(), holds,
                Arrays.copyOf(recorder.raw, s * m * (market.assets() + 1)), w);
    }

    /** Members in the pool. */
    public int members() { return members; }

    /** Risky assets; proposals have {@code assets() + 1} entries, cash last. */
    public int assets() { return assets; }

    /** The first decision bar of the recorded run. */
    public int firstBar() { return firstBar; }

    /** The recorded run's last bar (its decisions end at {@code lastBar - 1}). */
    public int lastBar() { return lastBar; }

    /** The run's step (period index) of the first decision after the members' warm-up; steps before it hold cash. */
    public int firstActive() { return firstActive; }

    /** Decisions recorded: the steps from {@link #firstActive()} to the end. */
    public int steps() { return steps; }

    /** The starting capital of every shadow account. */
    public double capital() { return capital; }

    /** True when member {@code k} is {@link NoTrade}: choosing it lets the real account drift. */
    public boolean holds(int member) { return holds[member]; }

    /** Copies member {@code member}'s proposal at active step {@code step} (as written, not tidied) into {@code out}. */
    public void proposal(int step, int member, double[] out) {
        System.arraycopy(raw, (step * members + member) * (assets + 1), out, 0, assets + 1);
    }

    /** Wealth of member {@code member}'s shadow account after {@code points} active steps (0: the capital). */
    public double wealth(int member, int points) {
        return wealth[member * (steps + 1) + points];
    }

    /** Runs the pool as a composite runs it and keeps the raw proposals; the real account it drives is irrelevant. */
    private static final class Recorder implements Stage {
        private final String owner;
        private final MemberPool pool;
        private final int width;
        private double[] raw;
        private int steps;
        private int firstActive = -1;

        Recorder(String owner, MemberPool pool, int periods, int assets) {
            this.owner = owner;
            this.pool = pool;
            this.width = pool.size() * (assets + 1);
            this.raw = new double[Math.max(1, periods) * width];
        }

        @Override public String label() { return "pool tape of " + owner; }

        @Override public int warmup() { return pool.warmup(); }

        @Override public List<Stage> children() { return pool.stages(); }

        @Override
        public void reset(RunSetup setup) {
            // exactly as PooledStage.reset: the members see the composite's scoped setup
            pool.reset(setup.forMember(owner, setup.symbols()));
            steps = 0;
            firstActive = -1;
        }

        @Override
        public void propose(Decision decision, double[] out) {
            if (firstActive < 0) firstActive = decision.step();
            pool.propose(decision);
            int n1 = out.length;
            for (int k = 0; k < pool.size(); k++) System.arraycopy(pool.rawProposal(k), 0, raw, steps * width + k * n1, n1);
            steps++;
            // the recording account stays in cash: only the shadow accounts matter
            Arrays.fill(out, 0.0);
            out[n1 - 1] = 1.0;
        }

        @Override
        public void observe(Outcome outcome) {
            pool.observe(outcome);
        }
    }
}
