package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.Accounting;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A portfolio environment on a bar range of a real market: an episode makes decisions at bars
 * {@code firstBar .. lastBar - 1}, each earning the next bar's price relatives, and is truncated
 * (not terminated: learners bootstrap) after the last one.
 *
 * <p>A step is exactly a {@link dev.strat.runtime.backtest.Backtester} step, through the same
 * {@link Accounting}: the action becomes weights through the task's {@link ActionMap}, the
 * weights are checked and tidied as a backtest tidies a proposal, trading from the drifted
 * weights costs {@code (fee + slippage) * asset turnover}, and the slippage is drawn from the
 * stream a backtest with the same seed draws from ({@code RunSetup.random("slippage")}). So an
 * agent backtested through {@link AgentStage} over the same bars with the same seed and config
 * sees the same observations, holds the same weights and earns the same returns.
 *
 * <p>The episode starts all cash with the configuration's capital. Observations come from the
 * task's {@link Observations} and {@link Normaliser}. After the last step the observation of bar
 * {@code lastBar} is written (for bootstrapping). Per step the environment allocates no arrays
 * (an {@link Outcome} and an {@link AccountState} record, which escape analysis usually removes,
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
    private final double cashRelative;
    private final History.Cursor cursor;

    private final double[] drifted;
    private final double[] target;
    private final double[] executed;
    private final double[] relatives;
    private final double[] scratch = new double[2];

    private SplittableRandom slippage;
    private int t;
    private double wealth;
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
        this.cashRelative = config.cashRelative(market.frequency().periodsPerYear());
        this.spec = new EnvSpec(task.observations().layout(), task.actions().space(n), lastBar - firstBar);
        this.cursor = History.cursor(market, firstBar);
        this.drifted = new double[n + 1];
        this.target = new double[n + 1];
        this.executed = new double[n + 1];
        this.relatives = new double[n];
    }

    @Override
    public EnvSpec spec() { return spec; }

    public int firstBar() { return firstBar; }

    public int lastBar() { return lastBar; }

    /** The bar of the next decision. */
    public int bar() { return t; }

    /** Portfolio value now. */
    public double wealth() { return wealth; }

    /** The weights held now, drifted since the last rebalance (N + 1, cash last); a live view, do not modify. */
    public double[] weights() { return drifted; }

    /** The weights the last step held over its period, after the map and tidying (N + 1, cash last); a live view. */
    public double[] executed() { return executed; }

    /** Starts all cash at bar {@code firstBar}; the seed drives only random slippage (as in a backtest with that seed). */
    @Override
    public void reset(long seed, float[] observation) {
        slippage = config.fixedSlippage() ? null
                : new RunSetup(market.symbols(), market.frequency(), seed, firstBar, lastBar).random("slippage");
        Arrays.fill(drifted, 0);
        drifted[n] = 1;
        wealth = config.capital();
        t = firstBar;
        task.reward().reset(wealth);
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
        market.relatives(t + 1, relatives);
        final double rate = slippage == null ? config.fee() + config.slippageMin()
                : config.fee() + slippage.nextDouble(config.slippageMin(), config.slippageMax());
        final double traded = Accounting.settle(target, drifted, relatives, cashRelative, n, scratch);
        final double gross = scratch[0];
        final double cost = rate * traded;
        final double next = wealth * (1 - cost) * gross;
        System.arraycopy(target, 0, executed, 0, n + 1);
        final double reward = task.reward().reward(
                new Outcome(t - firstBar, executed, relatives, gross - 1, cost, (1 - cost) * gross - 1, next));
        wealth = next;
        t++;
        final boolean end = t == lastBar;
        if (end) started = false;
        observe(observation);
        return new Step(reward, false, end);
    }

    private void observe(float[] observation) {
        cursor.advanceTo(t);
        task.observations().write(cursor.view(), new AccountState(drifted, wealth, config.capital()), observation);
        task.normaliser().apply(observation);
    }
}
