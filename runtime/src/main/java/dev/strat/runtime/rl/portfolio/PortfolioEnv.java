package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.Accounting;
import dev.strat.runtime.backtest.MarketStep;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;

import java.util.Arrays;
import java.util.Optional;


/**
 * A portfolio environment on a bar range of a real market: an episode makes decisions at bars
 * {@code firstBar .. lastBar - 1}, each earning the next bar's price relatives, and is truncated
 * (not terminated: learners bootstrap) after the last one.
 *
 * <p>A step is exactly a {@link dev.strat.runtime.backtest.Backtester} step of the agent's
 * pipeline, through the same {@link MarketStep}: the action becomes weights through the task's
 * {@link ActionMap}; when the agent is followed by other stages in its pipeline (the
 * <em>downstream</em> stage, usually a {@link dev.strat.runtime.pipeline.Pipeline} of them) those
 * weights are the downstream's {@link Decision#proposal() proposal}, with the account's drifted
 * weights as {@link Decision#current() current}, and the downstream's answer is what trades; the
 * traded weights are checked and tidied as a backtest tidies a proposal; the account is charged
 * by the configuration's cost model, whose random streams derive from the episode's seed as a
 * backtest's do from its seed; the downstream stage then {@linkplain Stage#observe observes} the
 * outcome, and the reward is computed from that executed outcome. So an agent backtested as
 * {@code new Pipeline(.., List.of(new AgentStage(..), downstream))} over the same bars with the same
 * seed and config sees the same observations, holds the same weights and earns the same returns.
 * The downstream stage is {@linkplain Stage#reset reset} at every episode reset with that
 * episode's {@link RunSetup} (stage reports go nowhere during training).
 *
 * <h2>What the learner stores</h2>
 * The environment never writes the action array it is given, so the training loop hands the
 * learner's buffer (replay or rollout) the agent's <em>own</em> action, not the weights the
 * downstream stages made of it. That is RiPO's choice: the risk controller's adjustment is part of
 * the environment the agent learns to act in, and the critic learns the value of what the agent
 * chose. The observation, being built from the account, shows the executed (adjusted) weights.
 *
 * <h2>Decision period</h2>
 * With {@code every = K > 1} the agent is consulted only every K bars, as
 * {@link dev.strat.runtime.pipeline.Scheduled} consults it in a backtest ({@code agent ppo(...) every 5d}):
 * one environment step applies the action at bar {@code t}, then for the next K - 1 bars (fewer at
 * the end of the episode) the agent's place in the pipeline proposes the drifted holdings, as
 * {@code Scheduled} does. Without downstream stages nothing trades on those bars; with them, the
 * downstream stages are still asked each bar (with the holdings as their proposal), exactly as
 * they are in the backtest of {@code Scheduled(agent) | downstream}, so a limit such as
 * {@code constrain(max_weight=20%)} keeps holding on the bars in between too. The step's reward
 * is the <em>sum</em> of the per-bar rewards over its bars: for {@code log_return} that is exactly
 * the log growth of wealth over the period, for {@code simple_return} a first-order
 * approximation of the period's return, and a stateful reward sees every bar as it does with
 * K = 1. An episode then has {@code ceil((lastBar - firstBar) / K)} steps.
 *
 * <p>The episode starts all cash with the configuration's capital. Observations come from the
 * task's {@link Observations} and {@link Normaliser}. After the last step the observation of bar
 * {@code lastBar} is written (for bootstrapping). Per step the environment allocates no arrays
 * (an {@link dev.strat.runtime.pipeline.Outcome}, a {@link Decision} per downstream call and an
 * {@link AccountState} record, which escape analysis usually removes, and whatever Ta4j
 * allocates when the observation has technical indicators).
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
    private final Stage downstream;
    private final int every;
    private final double[] target;
    private final double[] check;
    private final double[] current;
    private final double[] adjusted;
    private final double[] executed;

    private int t;
    private boolean started;

    /** The agent trading alone, consulted every bar. */
    public PortfolioEnv(PortfolioTask task, int firstBar, int lastBar) {
        this(task, firstBar, lastBar, Optional.empty(), 1);
    }

    /**
     * @param downstream the already-built stages that follow the agent in its pipeline (empty: the
     *                   agent's weights trade as they are)
     * @param every      the agent decides every {@code every} bars (1: every bar)
     */
    public PortfolioEnv(PortfolioTask task, int firstBar, int lastBar, Optional<Stage> downstream, int every) {
        this.task = task;
        this.market = task.market();
        this.downstream = downstream.orElse(null);
        if (every < 1) throw new IllegalArgumentException("the agent must decide every 1 or more bars, got " + every);
        this.every = every;
        int warmup = task.observations().warmup();
        if (firstBar + 1 < warmup) {
            throw new IllegalArgumentException("episode starts at bar " + firstBar + " but the observation needs " + warmup
                    + " bars of history (its warm-up): the first bar must be at least " + (warmup - 1));
        }
        if (this.downstream != null && firstBar + 1 < this.downstream.warmup()) {
            throw new IllegalArgumentException("episode starts at bar " + firstBar + " but the stages after the agent ("
                    + this.downstream.label() + ") need " + this.downstream.warmup() + " bars of history: the first bar must be at least "
                    + (this.downstream.warmup() - 1));
        }
        if (lastBar <= firstBar || lastBar >= market.bars()) {
            throw new IllegalArgumentException("an episode needs firstBar < lastBar < bars (" + market.bars() + "), got "
                    + firstBar + ".." + lastBar);
        }
        this.firstBar = firstBar;
        this.lastBar = lastBar;
        this.n = market.assets();
        this.config = task.config();
        int steps = (lastBar - firstBar + every - 1) / every;
        this.spec = new EnvSpec(task.observations().layout(), task.actions().space(n), steps);
        this.cursor = History.cursor(market, firstBar);
        this.account = new MarketStep(market, config);
        this.target = new double[n + 1];
        this.check = new double[n + 1];
        this.current = new double[n + 1];
        this.adjusted = new double[n + 1];
        this.executed = new double[n + 1];
    }

    @Override
    public EnvSpec spec() { return spec; }

    public int firstBar() { return firstBar; }

    public int lastBar() { return lastBar; }

    /** Bars per agent decision. */
    public int every() { return every; }

    /** The stages after the agent that this environment runs, if any. */
    public Optional<Stage> downstream() { return Optional.ofNullable(downstream); }

    /** The bar of the next decision. */
    public int bar() { return t; }

    /** Portfolio value now. */
    public double wealth() { return account.wealth(); }

    /** The weights held now, drifted since the last rebalance (N + 1, cash last); a live view, do not modify. */
    public double[] weights() { return account.drifted(); }

    /**
     * The weights the last bar held over its period, after the map, the downstream stages and
     * tidying (N + 1, cash last); a live view.
     */
    public double[] executed() { return executed; }

    /**
     * Starts all cash at bar {@code firstBar} and resets the downstream stage; the seed drives the
     * cost model's randomness and the downstream's streams (as in a backtest with that seed).
     */
    @Override
    public void reset(long seed, float[] observation) {
        RunSetup setup = new RunSetup(market.symbols(), market.frequency(), seed, firstBar, lastBar, ReportSink.NONE, config);
        if (downstream != null) downstream.reset(setup);
        account.reset(setup);
        t = firstBar;
        task.reward().reset(account.wealth());
        started = true;
        observe(observation);
    }

    @Override
    public Step step(float[] action, float[] observation) {
        if (!started) throw new IllegalStateException("step before reset, or after the episode ended");
        task.actions().toWeights(action, target);
        double[] trade;
        if (downstream == null) {
            mapCheck(target);
            trade = target;
        } else {
            // the downstream sees the map's output untouched, as in the pipeline; a copy is checked to name the map
            System.arraycopy(target, 0, check, 0, n + 1);
            mapCheck(check);
            trade = downstream(target);
        }
        double reward = bar(trade);
        for (int k = 1; k < every && t < lastBar; k++) {
            // the agent is not consulted: its place in the pipeline proposes the drifted holdings
            System.arraycopy(account.drifted(), 0, target, 0, n + 1);
            if (downstream == null) {
                tidyHeld(target);
                trade = target;
            } else {
                trade = downstream(target);
            }
            reward += bar(trade);
        }
        final boolean end = t == lastBar;
        if (end) started = false;
        observe(observation);
        return new Step(reward, false, end);
    }

    /** Trades to {@code trade} at bar {@code t}, earns bar {@code t + 1}, tells the downstream, and returns the bar's reward. */
    private double bar(double[] trade) {
        Outcome outcome = account.step(t - firstBar, t, trade);
        System.arraycopy(trade, 0, executed, 0, n + 1);
        if (downstream != null) downstream.observe(outcome);
        t++;
        return task.reward().reward(outcome);
    }

    /** The downstream stage's answer to {@code proposal} at bar {@code t}, checked and tidied. */
    private double[] downstream(double[] proposal) {
        System.arraycopy(account.drifted(), 0, current, 0, n + 1);
        cursor.advanceTo(t);
        Arrays.fill(adjusted, Double.NaN);
        downstream.propose(new Decision(cursor.view(), t - firstBar, proposal, current, account.wealth()), adjusted);
        String problem = Accounting.tidy(adjusted, n, market.symbols());
        if (problem != null) {
            throw new IllegalStateException("stage '" + downstream.label() + "' proposed " + problem + " at bar " + t + " ("
                    + market.date(t) + ") while training the agent before it; this is a bug in the stage");
        }
        return adjusted;
    }

    private void mapCheck(double[] weights) {
        final String problem = Accounting.tidy(weights, n, market.symbols());
        if (problem != null) {
            throw new IllegalStateException("action map " + task.actions().label() + " gave " + problem + " at bar " + t
                    + " (" + market.date(t) + "); this is a bug in the map");
        }
    }

    /** Tidies drifted holdings as a backtest tidies the proposal of a scheduled stage between its decisions. */
    private void tidyHeld(double[] weights) {
        final String problem = Accounting.tidy(weights, n, market.symbols());
        if (problem != null) throw new IllegalStateException("the drifted holdings at bar " + t + " are " + problem);
    }

    private void observe(float[] observation) {
        cursor.advanceTo(t);
        task.observations().write(cursor.view(), new AccountState(account.drifted(), account.wealth(), config.capital()), observation);
        task.normaliser().apply(observation);
    }
}
