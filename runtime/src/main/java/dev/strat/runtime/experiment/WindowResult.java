package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricValues;

import java.util.List;
import java.util.Objects;

/**
 * One strategy's results in one walk-forward window: the window's run per seed and their metrics.
 *
 * @param window  the window
 * @param runs    one backtest of the window's test range per seed, in seed order (each starting
 *                with the configured capital)
 * @param metrics every metric of each run, in seed order
 */
public record WindowResult(Protocol.Window window, List<BacktestResult> runs, List<MetricValues> metrics) {

    public WindowResult {
        Objects.requireNonNull(window, "window");
        runs = List.copyOf(runs);
        metrics = List.copyOf(metrics);
        if (runs.size() != metrics.size()) throw new IllegalArgumentException("one metric set per run expected");
    }

    /** The metric's value for each seed, in seed order. */
    public double[] values(MetricId metric) {
        return MetricValues.column(metrics, metric);
    }

    public MetricSummary summary(MetricId metric) {
        return MetricSummary.of(values(metric));
    }
}
