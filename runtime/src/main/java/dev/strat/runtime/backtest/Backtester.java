package dev.strat.runtime.backtest;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.LookAheadException;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.pipeline.StageReports;

import java.util.Arrays;
import java.util.Objects;

/**
 * The portfolio environment: runs one {@link Stage} (usually a pipeline) over a range of bars of a
 * market and records what the account did.
 *
 * <h2>One step</h2>
 * The account arithmetic is {@link MarketStep}'s (shared with every training environment); the
 * cost model is the configuration's ({@link BacktestConfig#costModel()}), by default:
 * The run makes decisions at bars {@code firstBar .. lastBar - 1}; with {@code T = lastBar - firstBar}
 * it records {@code T} periods. At decision bar {@code t} (step {@code k = t - firstBar}), with
 * wealth {@code V_k} and the weights {@code d} the account drifted to since the last rebalance:
 * <ol>
 *   <li>the stage sees {@link History} up to and including bar {@code t} and proposes target
 *       weights {@code w} (N + 1, cash last);</li>
 *   <li>trading from {@code d} to {@code w} costs a fraction of wealth
 *       {@code c = (fee + s) * sum_{i < N} |w_i - d_i|}, where the slippage {@code s} is drawn
 *       uniformly from {@code [slippageMin, slippageMax]} by a stream derived from the run's seed
 *       ({@link RunSetup#random(String) random("slippage")}), one draw every step;</li>
 *   <li>the portfolio earns the price relatives {@code x} of bar {@code t + 1}:
 *       {@code gross = sum_i w_i x_i + w_cash * x_cash} ({@code x_cash = 1} unless the
 *       configuration gives cash a risk-free rate) and
 *       {@code V_{k+1} = V_k * (1 - c) * gross};</li>
 *   <li>the weights drift to {@code d'_i = w_i x_i / gross} for the next step, and every stage
 *       {@linkplain Stage#observe observes} the {@link Outcome}.</li>
 * </ol>
 * The cost is first order, as in the online portfolio selection literature (Li and Hoi, OLPS): it
 * charges the proportional rate on the traded value measured before costs, ignoring that the cost
 * itself shrinks the positions being bought (a second-order term of size {@code rate^2}). Cash
 * legs are not charged: moving value from an asset into cash is charged once, on the asset. The
 * account starts in cash, so the first rebalance pays for building the portfolio, unless the run
 * starts from given {@link Holdings} (the next leg of an account whose model changed, such as a
 * walk-forward window): then the first rebalance pays only for the trades away from them. Turnover, as
 * recorded, counts the cash leg too ({@code sum over all N + 1 columns}), per
 * {@code shared/design/metrics.md}.
 *
 * <h2>Warm-up</h2>
 * While fewer than {@link Stage#warmup()} bars are visible ({@code t + 1 < warmup}) the stage is
 * neither asked nor told anything and the account does not trade: it holds cash, or lets the
 * holdings it started from drift. Bars before {@code firstBar} count as
 * visible history, so a test split that starts late in a market normally needs no warm-up steps.
 * {@link Decision#step()} and {@link Outcome#step()} are the period index {@code k} of the run
 * (the row of {@link BacktestResult#weights()}), so after warm-up steps a stage's first call has
 * {@code step > 0}: stages should initialise in {@link Stage#reset}, not on {@code step == 0}.
 *
 * <h2>Validation</h2>
 * Stages see the market only through a {@link History} view they cannot move (the loop keeps its
 * {@link History.Cursor}); reading a bar after the decision bar throws {@link LookAheadException}.
 * Every proposal must be finite and non-negative (entries down to {@code -1e-12} are clipped to 0)
 * and sum to 1 within {@code 1e-6} (tiny drift is renormalised away). Anything else is a bug in a
 * stage and fails the run with an {@link IllegalStateException} naming the stage, step and date.
 * The output buffer is filled with NaN before each call, so a stage that forgets to write an entry
 * (often cash) is caught too.
 *
 * <h2>Buffers</h2>
 * The loop allocates nothing per step but one {@link Decision} and one {@link Outcome} record,
 * which C2's escape analysis removes once the stage's calls are inlined (measured: a 2,500-step run
 * of a constant stage, alone or in a two-stage pipeline, allocates about 1.3 KB beyond its result
 * arrays). The arrays inside the records ({@code current}, {@code executed}, {@code relatives})
 * are reused from step to step: a stage that wants to keep them past the call must copy them.
 *
 * <p>A {@code Backtester} holds only its configuration and may be shared between threads; a
 * {@link Stage} may not.
 */
public final class Backtester {

    /** Largest negative weight accepted (and clipped to zero) as floating-point noise. */
    public static final double NEGATIVE_TOLERANCE = 1e-12;
    /** Largest distance of a proposal's sum from 1 that is renormalised rather than rejected. */
    public static final double SUM_TOLERANCE = 1e-6;

    private final BacktestConfig config;

    public Backtester(BacktestConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    public BacktestConfig config() {
        return config;
    }

    /** Runs without progress reports. See {@link #run(String, Stage, MarketData, int, int, long, ProgressListener)}. */
    public BacktestResult run(String strategy, Stage stage, MarketData market, int firstBar, int lastBar, long seed) {
        return run(strategy, stage, market, firstBar, lastBar, seed, ProgressListener.NONE);
    }

    /**
     * Runs {@code stage} with decisions at bars {@code firstBar .. lastBar - 1}; the result holds
     * wealth at bars {@code firstBar .. lastBar}. The stage is {@linkplain Stage#reset reset} first.
     * The account opens in cash with the configuration's capital.
     *
     * @param strategy the name reports use for the run
     * @param seed     the run's seed, handed to the stage and used for slippage draws
     * @param progress told about the steps (one task of {@code T} units); never null
     */
    public BacktestResult run(String strategy, Stage stage, MarketData market, int firstBar, int lastBar, long seed,
                              ProgressListener progress) {
        return execute(strategy, stage, market, firstBar, lastBar, seed, null, progress).result();
    }

    /**
     * One leg of an account's life: a backtest and the holdings its account ends with (the weights
     * drifted by the last period, and the final wealth), from which the next leg starts.
     *
     * @param result the backtest; its wealth starts at the starting holdings' wealth
     * @param end    what the account holds at the close of the last bar
     */
    public record Leg(BacktestResult result, Holdings end) {
        public Leg {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(end, "end");
        }
    }

    /**
     * Runs {@code stage} as {@link #run(String, Stage, MarketData, int, int, long, ProgressListener)}
     * does, but with an account that starts from {@code start} instead of cash: its first decision
     * sees {@code start}'s weights as the current ones and pays only for trading away from them, and
     * its wealth path starts at {@code start}'s wealth. Starting from
     * {@link Holdings#cash(int, double) cash} with the capital gives exactly the plain run. So the
     * legs of one account, each starting from the holdings the one before ended with, give exactly
     * the account's continuous run whatever stage each leg runs (with a deterministic cost model;
     * a random one draws each leg's stream from the leg's seed and configuration).
     *
     * @param start the starting weights (N + 1, cash last), checked like a proposal (finite,
     *              non-negative, summing to 1 within {@link #SUM_TOLERANCE}; used as given, not
     *              renormalised, so a carried drift is not rounded) and wealth
     * @throws IllegalArgumentException when {@code start} does not fit the market or is not a valid portfolio
     */
    public Leg run(String strategy, Stage stage, MarketData market, int firstBar, int lastBar, long seed, Holdings start,
                   ProgressListener progress) {
        Objects.requireNonNull(start, "start");
        return execute(strategy, stage, market, firstBar, lastBar, seed, start, progress);
    }

    /** The loop; {@code start} null opens in cash with the capital. */
    private Leg execute(String strategy, Stage stage, MarketData market, int firstBar, int lastBar, long seed, Holdings start,
                        ProgressListener progress) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(progress, "progress");
        if (firstBar < 0 || lastBar <= firstBar || lastBar >= market.bars()) {
            throw new IllegalArgumentException("a backtest needs 0 <= firstBar < lastBar < bars (" + market.bars()
                    + "), got " + firstBar + ".." + lastBar);
        }
        final double[] startWeights = start == null ? null : startingWeights(start, market);
        final int n = market.assets();
        final int m = n + 1;
        final int periods = lastBar - firstBar;
        final double periodsPerYear = market.frequency().periodsPerYear();
        final StageReports reports = new StageReports(periods);
        final RunSetup setup = new RunSetup(market.symbols(), market.frequency(), seed, firstBar, lastBar, reports, config);
        stage.reset(setup);
        final String label = stage.label();
        final int warmup = stage.warmup();
        final MarketStep account = new MarketStep(market, config);
        if (startWeights == null) {
            account.reset(setup);
        } else {
            account.reset(setup, startWeights, start.wealth());
        }

        final long[] times = new long[periods + 1];
        final double[] wealth = new double[periods + 1];
        final double[] weights = new double[periods * m];
        final double[] turnover = new double[periods];
        final double[] costs = new double[periods];

        final double[] current = new double[m];
        final double[] target = new double[m];

        final History.Cursor cursor = History.cursor(market, firstBar);
        final History history = cursor.view();
        wealth[0] = account.wealth();
        times[0] = market.time(firstBar);

        final int reportEvery = Math.max(1, periods / 100);
        progress.start("backtest " + strategy, periods);
        for (int step = 0; step < periods; step++) {
            final int t = firstBar + step;
            final boolean active = t + 1 >= warmup;
            if (active) {
                cursor.advanceTo(t);
                System.arraycopy(account.drifted(), 0, current, 0, m);
                Arrays.fill(target, Double.NaN);
                stage.propose(new Decision(history, step, current, current, account.wealth()), target);
                validate(target, n, label, step, market, t);
            } else if (account.holdsOnlyCash()) {
                Arrays.fill(target, 0, n, 0.0);
                target[n] = 1.0;
            } else {
                // no decision, no trade: carried holdings drift
                System.arraycopy(account.drifted(), 0, target, 0, m);
            }

            final Outcome outcome = account.step(step, t, target);
            System.arraycopy(target, 0, weights, step * m, m);
            turnover[step] = account.lastTurnover();
            costs[step] = outcome.cost();
            wealth[step + 1] = outcome.wealth();
            times[step + 1] = market.time(t + 1);

            if (active) stage.observe(outcome);
            if ((step + 1) % reportEvery == 0 || step + 1 == periods) progress.progress(step + 1, null);
        }
        progress.finish();
        return new Leg(new BacktestResult(strategy, label, seed, market.symbols(), times, wealth, weights, turnover, costs,
                periodsPerYear, reports.snapshot()), account.holdings());
    }

    /**
     * {@code start}'s weights checked like a proposal. They are not renormalised: a carried drift
     * sums to 1 only up to rounding, and renormalising it would make a leg differ from the
     * continuous account by that rounding. Noise-level negatives are clipped.
     */
    private static double[] startingWeights(Holdings start, MarketData market) {
        final int n = market.assets();
        if (start.assets() != n) {
            throw new IllegalArgumentException("a backtest on " + n + " assets cannot start from holdings of " + start.assets()
                    + " assets (" + (n + 1) + " weights, cash last, are needed)");
        }
        final double[] w = start.weights();
        final String problem = Accounting.tidy(w.clone(), n, market.symbols());
        if (problem != null) throw new IllegalArgumentException("a backtest cannot start from " + problem);
        for (int j = 0; j <= n; j++) if (w[j] < 0) w[j] = 0;
        return w;
    }

    /** Checks a proposal in place: clips noise-level negatives, renormalises noise-level sum drift. */
    private static void validate(double[] w, int n, String label, int step, MarketData market, int t) {
        final String problem = Accounting.tidy(w, n, market.symbols());
        if (problem != null) throw invalid(label, step, market, t, problem);
    }

    private static IllegalStateException invalid(String label, int step, MarketData market, int t, String what) {
        String when = market.frequency().intraday() ? market.instant(t).toString() : market.date(t).toString();
        return new IllegalStateException("stage '" + label + "' proposed " + what + " at step " + step + " (bar " + t
                + ", " + when + "); this is a bug in the stage");
    }
}
