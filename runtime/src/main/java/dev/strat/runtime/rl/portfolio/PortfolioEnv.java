package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.Accounting;
import dev.strat.runtime.backtest.MarketStep;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;


/**
 * A portfolio environment on a bar range of a real market: an episode makes decisions at bars
 * {@code firstBar .. lastBar - 1}, each earning the next bar's price relatives, and is truncated
 * (not terminated: learners bootstrap) after the last one.
 *
 * <p>A step is exactly a {@link dev.strat.runtime.backtest.Backtester} step, through the same
 * {@link MarketStep}: the action becomes weights through the task's {@link ActionMap}, the
 * weights are checked and tidied as a backtest tidies a proposal, trading from the drifted
 * weights costs {@code (fee + slippage) * asset turnover}, and the slippage is drawn from the
 * stream a backtest with the same seed draws from ({@code RunSetup.random("slippage")}). So an
 * agent backtested through {@link AgentStage} over the same bars with the same seed and config
 * sees the same observations, holds the same weights and earns the same returns.
 *
 * <p>The episode starts all cash with the configuration's capital. Observations come from the
 * task's {@link Observations} and {@link Normaliser}. After the last step the observation of bar
 * {@code lastBar} is written (for bootstrapping). Per step the environment allocates no arrays
 * (an {@link dev.strat.runtime.pipeline.Outcome} and an {@link AccountState} record, which escape analysis usually removes,
 * and whatever Ta4j allocates when the observation has technical indicators).
 */
public final class PortfolioEnv implements Env {

    private final PortfolioTask task;
    private final MarketData market;
    private final int firstBar;
    private final int lastBar;
    private final int n;
    private final EnvSpec spec;
    private final BacktestConfig config;
    private final History.Cursor cursor;
    private final MarketStep account;
    private final double[] target;

    private int t;
    private boolean started;

    public PortfolioEnv(PortfolioTask task, int firstBar, int lastBar) {
        this.task = task;
        this.market = task.market();
        int warmup = task.observations().warmup();
        if (firstBar + 1 < warmup) {
            throw new IllegalArgumentException("episode starts at bar " + firstBar + " but the observation needs " + warmup
                    + " bars of history (its warm-up): the first bar must be at least " + (warmup - 1));
        }
        if (lastBar <= firstBar || lastBar >= market.bars()) {
            throw new IllegalArgumentException("an episode needs firstBar < lastBar < bars (" + market.bars() + "), got "
                    + firstBar + ".." + lastBar);
        }
        this.firstBar = firstBar;
        this.lastBar = lastBar;
        this.n = market.assets();
        this.config = task.config();
        this.spec = new EnvSpec(task.observations().layout(), task.actions().space(n), lastBar - firstBar);
        this.cursor = History.cursor(market, firstBar);
        this.account = new MarketStep(market, config);
        this.target = new double[n + 1];
    }

    @Override
    public EnvSpec spec() { return spec; }

    public int firstBar() { return firstBar; }

    public int lastBar() { return lastBar; }

    /** The bar of the next decision. */
    public int bar() { return t; }

    /** Portfolio value now. */
    public double wealth() { return account.wealth(); }

    /** The weights held now, drifted since the last rebalance (N + 1, cash last); a live view, do not modify. */
    public double[] weights() { return account.drifted(); }

    /** The weights the last step held over its period, after the map and tidying (N + 1, cash last); a live view. */
    public double[] executed() { return target; }

    /** Starts all cash at bar {@code firstBar}; the seed drives only the cost model's randomness (as in a backtest with that seed). */
    @Override
    public void reset(long seed, float[] observation) {
        account.reset(new RunSetup(market.symbols(), market.frequency(), seed, firstBar, lastBar, ReportSink.NONE, config));
        t = firstBar;
        task.reward().reset(account.wealth());
        started = true;
        observe(observation);
    }

    @Override
    public Step step(float[] action, float[] observation) {
        if (!started) throw new IllegalStateException("step before reset, or after the episode ended");
        task.actions().toWeights(action, target);
        final String problem = Accounting.tidy(target, n, market.symbols());
        if (problem != null) {
            throw new IllegalStateException("action map " + task.actions().label() + " gave " + problem + " at bar " + t
                    + " (" + market.date(t) + "); this is a bug in the map");
        }
        final double reward = task.reward().reward(account.step(t - firstBar, t, target));
        t++;
        final boolean end = t == lastBar;
        if (end) started = false;
        observe(observation);
        return new Step(reward, false, end);
    }

    private void observe(float[] observation) {
        cursor.advanceTo(t);
        task.observations().write(cursor.view(), new AccountState(account.drifted(), account.wealth(), config.capital()), observation);
        task.normaliser().apply(observation);
    }
}
