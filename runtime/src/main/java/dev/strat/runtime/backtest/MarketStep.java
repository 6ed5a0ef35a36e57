package dev.strat.runtime.backtest;

import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;

import java.util.Arrays;
import java.util.Objects;

/**
 * One account trading one market: the single implementation of the market step that the
 * {@link Backtester}, every training environment and every shadow account of a composite stage
 * call, so that a portfolio is charged and paid the same way everywhere.
 *
 * <h2>One step at decision bar {@code t}</h2>
 * With wealth {@code V} and the weights {@code d} the account drifted to since the last
 * rebalance, {@link #step} takes target weights {@code w} (N + 1, cash last, already checked):
 * <ol>
 *   <li>the cost model's charger may perturb the price relatives {@code x} of bar {@code t + 1}
 *       (execution noise);</li>
 *   <li>{@code gross = sum_i w_i x_i + w_cash * x_cash}; the charger charges
 *       {@code c = cost(sum_{i < N} |w_i - d_i|, gross)} and {@code V' = V (1 - c) gross};</li>
 *   <li>the weights drift to {@code d'_i = w_i x_i / gross}.</li>
 * </ol>
 * The charger is called every step, traded or not, so a random cost model draws the same
 * numbers whatever the strategy does. The returned {@link Outcome}'s arrays are this account's
 * buffers, reused by the next step: copy them to keep them.
 *
 * <p>Not thread-safe; one per run.
 */
public final class MarketStep {

    private final MarketData market;
    private final int n;
    private final double cashRelative;
    private final double capital;
    private final CostModel costs;
    private final double[] drifted;
    private final double[] executed;
    private final double[] relatives;
    private final double[] scratch = new double[2];
    private CostModel.Charger charger;
    private double wealth;
    private double lastTurnover;

    /** The account of a run on {@code market}: {@link #step} reads the market's next bar. */
    public MarketStep(MarketData market, BacktestConfig config) {
        this(Objects.requireNonNull(market, "market"), market.assets(), config.cashRelative(market.frequency().periodsPerYear()), config);
    }

    private MarketStep(MarketData market, int assets, double cashRelative, BacktestConfig config) {
        this.market = market;
        this.n = assets;
        this.cashRelative = cashRelative;
        this.capital = config.capital();
        this.costs = config.costModel();
        this.drifted = new double[n + 1];
        this.executed = new double[n + 1];
        this.relatives = new double[n];
    }

    /**
     * A shadow account for a member of a composite stage: it earns the relatives the real account
     * realised ({@link #stepWith}), charged by the run's cost model, so a member's track record is
     * what it would have earned trading alone.
     */
    public static MarketStep shadow(RunSetup setup) {
        return new MarketStep(null, setup.assets(), setup.config().cashRelative(setup.frequency().periodsPerYear()), setup.config());
    }

    /** Starts all cash with the configuration's capital; the cost model's streams derive from {@code setup}'s seed. */
    public void reset(RunSetup setup) {
        charger = costs.start(setup);
        Arrays.fill(drifted, 0);
        drifted[n] = 1;
        wealth = capital;
        lastTurnover = 0;
    }

    /**
     * Starts from given holdings instead of cash: the account holds {@code startWeights} (N + 1,
     * cash last; checked by the caller, as a proposal is) worth {@code startWealth}, so its first
     * step pays only for the trades away from them. The cost model's streams derive from
     * {@code setup}'s seed, as in {@link #reset(RunSetup)}. Starting from cash with the capital is
     * the same as {@link #reset(RunSetup)}.
     */
    public void reset(RunSetup setup, double[] startWeights, double startWealth) {
        if (startWeights.length != n + 1) {
            throw new IllegalArgumentException("starting weights need " + (n + 1) + " entries (cash last), got " + startWeights.length);
        }
        if (!(startWealth > 0) || startWealth == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("starting wealth must be positive and finite, got " + startWealth);
        }
        charger = costs.start(setup);
        System.arraycopy(startWeights, 0, drifted, 0, n + 1);
        wealth = startWealth;
        lastTurnover = 0;
    }

    /** What the account holds now: a copy of the drifted weights and the wealth. */
    public Holdings holdings() {
        return new Holdings(drifted, wealth);
    }

    /** True when the account holds no asset at all (as it opens). */
    public boolean holdsOnlyCash() {
        for (int i = 0; i < n; i++) if (drifted[i] != 0) return false;
        return true;
    }

    /** Portfolio value now. */
    public double wealth() { return wealth; }

    /** The initial capital. */
    public double capital() { return capital; }

    /** The weights held now, drifted since the last rebalance (N + 1, cash last); a live view, do not modify. */
    public double[] drifted() { return drifted; }

    /** Turnover of the last step over all N + 1 columns (the recorded turnover convention). */
    public double lastTurnover() { return lastTurnover; }

    /**
     * Trades to {@code target} at decision bar {@code t} and earns bar {@code t + 1}.
     *
     * @param step the period index reported in the outcome
     */
    public Outcome step(int step, int t, double[] target) {
        if (charger == null) throw new IllegalStateException("step before reset");
        if (market == null) throw new IllegalStateException("a shadow account steps with given relatives (stepWith)");
        market.relatives(t + 1, relatives);
        charger.perturb(relatives);
        return settle(step, target);
    }

    /**
     * Trades to {@code target} and earns the given period relatives (N assets), as realised by
     * another account: no perturbation is applied again. Used by shadow accounts.
     */
    public Outcome stepWith(int step, double[] target, double[] realised) {
        if (charger == null) throw new IllegalStateException("step before reset");
        System.arraycopy(realised, 0, relatives, 0, n);
        return settle(step, target);
    }

    private Outcome settle(int step, double[] target) {
        final double traded = Accounting.settle(target, drifted, relatives, cashRelative, n, scratch);
        final double gross = scratch[0];
        final double cost = charger.cost(traded, gross);
        final double next = wealth * (1 - cost) * gross;
        lastTurnover = scratch[1];
        System.arraycopy(target, 0, executed, 0, n + 1);
        wealth = next;
        return new Outcome(step, executed, relatives, gross - 1, cost, (1 - cost) * gross - 1, next);
    }
}
