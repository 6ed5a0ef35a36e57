package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an experiment runs: every strategy with every seed over decision bars
 * {@code firstBar .. lastBar - 1} of one market (wealth is recorded through {@code lastBar}).
 *
 * @param name         the experiment's name, for reports
 * @param market       the market; bars before {@code firstBar} are warm-up history
 * @param firstBar     first decision bar (the first bar of the test split)
 * @param lastBar      last bar of the test split, inclusive: its close values the final wealth
 * @param strategies   the strategies compared, in report order; names must be distinct
 * @param seeds        the seeds; each strategy runs once per seed
 * @param config       capital and costs
 * @param metrics      the metrics reports show, in column order (all are computed regardless)
 * @param options      metric conventions
 * @param significance optional Wilcoxon tests
 */
public record ExperimentSpec(String name, MarketData market, int firstBar, int lastBar, List<NamedStrategy> strategies,
                             List<Long> seeds, BacktestConfig config, List<MetricId> metrics, MetricOptions options,
                             Optional<SignificanceSpec> significance) {

    public ExperimentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(significance, "significance");
        strategies = List.copyOf(strategies);
        seeds = List.copyOf(seeds);
        metrics = List.copyOf(metrics);
        if (strategies.isEmpty()) throw new IllegalArgumentException("experiment " + name + " compares no strategies");
        if (seeds.isEmpty()) throw new IllegalArgumentException("experiment " + name + " has no seeds");
        if (metrics.isEmpty()) throw new IllegalArgumentException("experiment " + name + " shows no metrics");
        if (new HashSet<>(metrics).size() != metrics.size()) throw new IllegalArgumentException("experiment " + name + " lists a metric twice");
        if (new HashSet<>(seeds).size() != seeds.size()) throw new IllegalArgumentException("experiment " + name + " repeats a seed");
        if (firstBar < 0 || lastBar <= firstBar || lastBar >= market.bars()) {
            throw new IllegalArgumentException("experiment " + name + ": bars " + firstBar + ".." + lastBar
                    + " do not fit market " + market.name() + " (" + market.bars() + " bars)");
        }
        Set<String> names = new HashSet<>();
        for (NamedStrategy s : strategies) {
            if (!names.add(s.name())) throw new IllegalArgumentException("experiment " + name + " compares '" + s.name() + "' twice");
        }
        significance.ifPresent(sig -> {
            if (!names.contains(sig.reference())) {
                throw new IllegalArgumentException("significance reference '" + sig.reference() + "' is not compared in experiment " + name);
            }
        });
    }

    /** Seeds 1..count, the default when a program says {@code seeds 10}. */
    public static List<Long> seeds(int count) {
        if (count < 1) throw new IllegalArgumentException("need at least one seed");
        Long[] s = new Long[count];
        for (int k = 0; k < count; k++) s[k] = (long) (k + 1);
        return List.of(s);
    }

    /** Number of periods each run records. */
    public int periods() {
        return lastBar - firstBar;
    }
}
