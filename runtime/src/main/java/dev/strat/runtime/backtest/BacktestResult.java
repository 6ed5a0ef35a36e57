package dev.strat.runtime.backtest;

import dev.strat.runtime.pipeline.StageReport;

import java.util.List;

/**
 * The full record of one backtest run over bars {@code firstBar..lastBar} of a market.
 * Arrays are owned by the result; callers must not modify them.
 *
 * @param strategy  the strategy's name
 * @param label     the pipeline as text, e.g. {@code olmar(window=5) | constrain(max_weight=0.4)}
 * @param seed      the run's seed
 * @param symbols   the universe (weights have one more column: cash, last)
 * @param times     epoch seconds of bars firstBar..lastBar (T + 1 entries: V_0 is at times[0])
 * @param wealth    portfolio value V_0..V_T at those times (T + 1 entries, V_0 = capital)
 * @param weights   weights chosen at each decision, row-major T x (N + 1): row t was held from
 *                  times[t] to times[t + 1]
 * @param turnover  per decision: sum over assets and cash of |w_new - w_drifted| (T entries)
 * @param costs     per decision: trading cost paid as a fraction of wealth (T entries)
 * @param periodsPerYear annualisation used for metrics
 * @param reports   what the stages reported besides weights (series per period, counters)
 */
public record BacktestResult(String strategy, String label, long seed, List<String> symbols, long[] times,
                             double[] wealth, double[] weights, double[] turnover, double[] costs,
                             double periodsPerYear, StageReport reports) {

    public BacktestResult {
        java.util.Objects.requireNonNull(reports, "reports");
    }

    /** A result whose stages reported nothing besides their weights. */
    public BacktestResult(String strategy, String label, long seed, List<String> symbols, long[] times,
                          double[] wealth, double[] weights, double[] turnover, double[] costs, double periodsPerYear) {
        this(strategy, label, seed, symbols, times, wealth, weights, turnover, costs, periodsPerYear, StageReport.EMPTY);
    }

    /** Number of periods T. */
    public int periods() {
        return wealth.length - 1;
    }

    /** Period returns r_t = V_t / V_{t-1} - 1, T entries. */
    public double[] returns() {
        double[] r = new double[periods()];
        for (int t = 0; t < r.length; t++) r[t] = wealth[t + 1] / wealth[t] - 1;
        return r;
    }

    /** Number of assets N (weights rows have N + 1 columns). */
    public int assets() {
        return symbols.size();
    }

    /** Final wealth V_T. */
    public double finalWealth() {
        return wealth[wealth.length - 1];
    }

    /** Initial wealth V_0, the capital. */
    public double capital() {
        return wealth[0];
    }

    /** Total trading cost over the run, in currency: {@code sum_t c_t * V_t}. */
    public double totalCostPaid() {
        double paid = 0;
        for (int t = 0; t < costs.length; t++) paid += costs[t] * wealth[t];
        return paid;
    }

    /** Weight of column {@code j} (asset, or cash at N) at decision {@code t}. */
    public double weight(int t, int j) {
        return weights[t * (symbols.size() + 1) + j];
    }
}
