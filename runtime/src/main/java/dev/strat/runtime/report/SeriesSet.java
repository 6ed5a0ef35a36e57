package dev.strat.runtime.report;

import dev.strat.runtime.backtest.BacktestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The path of one strategy through time, drawn in the equity, drawdown, rolling Sharpe and weights
 * charts. Usually one representative seed's backtest. Arrays are owned by the record, not copied.
 *
 * @param strategy     the strategy's name; matches {@link ReportRow#strategy()} so colours agree
 * @param epochSeconds bar times in epoch seconds (UTC), strictly increasing, at least 2 entries
 * @param wealth       portfolio value at each time (same length as {@code epochSeconds}, first
 *                     entry positive); normalised to 1 at the start for the charts
 * @param columns      the weight columns: symbols in market order, then {@code "cash"} last; empty
 *                     when weights are not reported
 * @param weights      row-major weights, {@code rows x columns.size()}, where {@code rows} is either
 *                     {@code epochSeconds.length - 1} (one row per decision, row t held from
 *                     {@code epochSeconds[t]} to {@code epochSeconds[t + 1]}, as in a
 *                     {@code BacktestResult}) or {@code epochSeconds.length}; empty with no columns
 * @param benchmark    whether this path is a benchmark (a market symbol or a reference strategy) that
 *                     the others are measured against: drawn dashed grey, outside the strategies'
 *                     palette, and without a weights chart
 * @param decisionPeriod the bars from one of its decisions to the next (1 for a strategy that
 *                     decides every bar, 21 for {@code every 21d} on daily data): a fast trader's
 *                     weights heatmap has one column per decision period
 */
public record SeriesSet(String strategy, long[] epochSeconds, double[] wealth, List<String> columns, double[] weights,
                        boolean benchmark, int decisionPeriod) {

    /** A strategy's path (not a benchmark), deciding every bar. */
    public SeriesSet(String strategy, long[] epochSeconds, double[] wealth, List<String> columns, double[] weights) {
        this(strategy, epochSeconds, wealth, columns, weights, false);
    }

    /** A path deciding every bar. */
    public SeriesSet(String strategy, long[] epochSeconds, double[] wealth, List<String> columns, double[] weights,
                     boolean benchmark) {
        this(strategy, epochSeconds, wealth, columns, weights, benchmark, 1);
    }

    public SeriesSet {
        if (decisionPeriod < 1) throw new IllegalArgumentException("series of '" + strategy + "': decision period " + decisionPeriod);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(epochSeconds, "epochSeconds");
        Objects.requireNonNull(wealth, "wealth");
        Objects.requireNonNull(weights, "weights");
        columns = List.copyOf(columns);
        String who = "series of '" + strategy + "': ";
        if (epochSeconds.length < 2) throw new IllegalArgumentException(who + "needs at least 2 times");
        if (wealth.length != epochSeconds.length) {
            throw new IllegalArgumentException(who + epochSeconds.length + " times but " + wealth.length + " wealth values");
        }
        for (int t = 1; t < epochSeconds.length; t++) {
            if (epochSeconds[t] <= epochSeconds[t - 1]) {
                throw new IllegalArgumentException(who + "times must increase strictly (index " + t + ")");
            }
        }
        if (!(wealth[0] > 0) || !Double.isFinite(wealth[0])) {
            throw new IllegalArgumentException(who + "initial wealth must be positive, got " + wealth[0]);
        }
        if (columns.isEmpty()) {
            if (weights.length != 0) throw new IllegalArgumentException(who + "weights given without columns");
        } else {
            int rows = weights.length / columns.size();
            if (weights.length % columns.size() != 0
                    || (rows != epochSeconds.length && rows != epochSeconds.length - 1)) {
                throw new IllegalArgumentException(who + weights.length + " weights do not form rows of "
                        + columns.size() + " columns for " + epochSeconds.length + " times");
            }
        }
    }

    /**
     * The path of one backtest: its times, wealth and decisions' weights (symbols, then cash), and
     * its decision period as its trades show it ({@link #decisionPeriod(double[])}).
     */
    public static SeriesSet of(BacktestResult result) {
        List<String> columns = new ArrayList<>(result.symbols());
        columns.add("cash");
        return new SeriesSet(result.strategy(), result.times(), result.wealth(), columns, result.weights(), false,
                decisionPeriod(result.turnover()));
    }

    /**
     * The bars between a strategy's decisions, read from the bars at which it traded: the most common
     * gap between consecutive trades (the smaller on a tie), so a schedule ({@code every 5},
     * {@code every 1d} on hourly data) shows as its period even when a decision now and then leaves
     * the weights as they were. 1 when it traded at fewer than three bars (nothing to tell).
     */
    static int decisionPeriod(double[] turnover) {
        java.util.Map<Integer, Integer> gaps = new java.util.HashMap<>();
        int last = -1, trades = 0;
        for (int t = 0; t < turnover.length; t++) {
            if (!(turnover[t] > 1e-12)) continue;
            if (last >= 0) gaps.merge(t - last, 1, Integer::sum);
            last = t;
            trades++;
        }
        if (trades < 3) return 1;
        int best = 1, count = 0;
        for (var e : gaps.entrySet()) {
            if (e.getValue() > count || e.getValue() == count && e.getKey() < best) {
                best = e.getKey();
                count = e.getValue();
            }
        }
        return best;
    }

    /** A series without weights (only the equity, drawdown and rolling charts show it). */
    public static SeriesSet withoutWeights(String strategy, long[] epochSeconds, double[] wealth) {
        return new SeriesSet(strategy, epochSeconds, wealth, List.of(), new double[0]);
    }

    /** This path flagged as the benchmark: drawn dashed grey in every chart. */
    public SeriesSet asBenchmark() {
        return new SeriesSet(strategy, epochSeconds, wealth, columns, weights, true, decisionPeriod);
    }

    /** Number of weight rows (0 when weights are not reported). */
    public int weightRows() {
        return columns.isEmpty() ? 0 : weights.length / columns.size();
    }
}
