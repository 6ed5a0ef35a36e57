package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricValues;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one strategy produced in an experiment: one run per seed, every metric of each run,
 * and per-metric summaries across seeds. Under a walk-forward, each seed's run is the chained run
 * over the concatenated test span ({@link RunChaining#concat}), which the main table, metrics and
 * significance tests use, and {@code windows} holds the results of every window.
 *
 * @param name    the strategy's name
 * @param label   its pipeline as text
 * @param runs    one backtest per seed, in seed order
 * @param metrics  every metric of each run, in seed order
 * @param training the training curves of each run, in seed order, for a strategy trained before
 *                 its test ({@link NamedStrategy#training()}); empty otherwise. Under a
 *                 walk-forward, a seed's log joins its windows' curves in window order
 * @param windows  per walk-forward window, its runs and metrics; empty under a fixed split
 */
public record StrategyResult(String name, String label, List<BacktestResult> runs, List<MetricValues> metrics,
                             List<TrainingLog> training, List<WindowResult> windows) {

    public StrategyResult {
        runs = List.copyOf(runs);
        metrics = List.copyOf(metrics);
        training = List.copyOf(training);
        windows = List.copyOf(windows);
        for (WindowResult w : windows) {
            if (w.runs().size() != runs.size()) throw new IllegalArgumentException("one run per seed expected in every window");
        }
        if (runs.size() != metrics.size()) throw new IllegalArgumentException("one metric set per run expected");
        if (!training.isEmpty() && training.size() != runs.size()) {
            throw new IllegalArgumentException("one training log per run expected, got " + training.size() + " for " + runs.size());
        }
    }

    /** The result of a single-window experiment. */
    public StrategyResult(String name, String label, List<BacktestResult> runs, List<MetricValues> metrics,
                          List<TrainingLog> training) {
        this(name, label, runs, metrics, training, List.of());
    }

    /** The result of a strategy that was not trained. */
    public StrategyResult(String name, String label, List<BacktestResult> runs, List<MetricValues> metrics) {
        this(name, label, runs, metrics, List.of());
    }

    /** True when the strategy was trained before its test runs. */
    public boolean trained() {
        return !training.isEmpty();
    }

    /** The metric's value for each seed, in seed order. */
    public double[] values(MetricId metric) {
        return MetricValues.column(metrics, metric);
    }

    public MetricSummary summary(MetricId metric) {
        return MetricSummary.of(values(metric));
    }

    /** Summaries of every metric. */
    public Map<MetricId, MetricSummary> summaries() {
        Map<MetricId, MetricSummary> map = new EnumMap<>(MetricId.class);
        for (MetricId id : MetricId.values()) map.put(id, summary(id));
        return map;
    }

    /** The run of the first seed, whose equity curve and weights reports draw. */
    public BacktestResult firstRun() {
        return runs.get(0);
    }
}
