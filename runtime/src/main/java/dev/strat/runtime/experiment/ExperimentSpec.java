package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an experiment runs: every strategy with every seed under a {@link Protocol}: one fixed test
 * range (decision bars {@code firstBar .. lastBar - 1}, wealth recorded through {@code lastBar}) or
 * the windows of a walk-forward, whose test ranges tile {@code firstBar .. lastBar}.
 *
 * @param name         the experiment's name, for reports
 * @param market       the market; bars before {@code firstBar} are warm-up history
 * @param protocol     the train / test windows
 * @param strategies   the strategies compared, in report order; names must be distinct
 * @param seeds        the seeds; each strategy runs once per seed (per window, when it learns)
 * @param config       capital and costs
 * @param metrics      the metrics reports show, in column order (all are computed regardless)
 * @param options      metric conventions
 * @param significance the significance tests asked for, each a reference against every other
 *                     strategy; empty for none
 * @param paths        Monte Carlo scenario paths, one per seed (run {@code k} uses seed {@code k}
 *                     on path {@code k}), or empty when every run uses {@code market}; paths share
 *                     {@code market}'s symbols and bar count, and {@code market} names the set
 * @param programHash  hash of the program the experiment came from (recorded in every {@link RunSpec}),
 *                     empty when it was not built from a program
 * @param benchmark    the compared strategy the benchmark-relative metrics (alpha, beta, tracking
 *                     error, information ratio) measure every strategy against, or empty for none
 * @param symbolBenchmark true when the benchmark is a symbol of the market held throughout
 *                     ({@code benchmark ^GSPC}), a row for reference rather than a strategy tried:
 *                     it is not one of the trials the deflated Sharpe ratio counts
 */
public record ExperimentSpec(String name, MarketData market, Protocol protocol, List<NamedStrategy> strategies,
                             List<Long> seeds, BacktestConfig config, List<MetricId> metrics, MetricOptions options,
                             List<SignificanceSpec> significance, List<MarketData> paths, String programHash,
                             Optional<String> benchmark, boolean symbolBenchmark) {

    /** An experiment whose benchmark, if any, is one of the strategies tried. */
    public ExperimentSpec(String name, MarketData market, Protocol protocol, List<NamedStrategy> strategies,
                          List<Long> seeds, BacktestConfig config, List<MetricId> metrics, MetricOptions options,
                          Optional<SignificanceSpec> significance, List<MarketData> paths, String programHash,
                          Optional<String> benchmark) {
        this(name, market, protocol, strategies, seeds, config, metrics, options, significance.map(List::of).orElse(List.of()), paths,
                programHash, benchmark, false);
    }

    /** An experiment without a benchmark. */
    public ExperimentSpec(String name, MarketData market, Protocol protocol, List<NamedStrategy> strategies,
                          List<Long> seeds, BacktestConfig config, List<MetricId> metrics, MetricOptions options,
                          Optional<SignificanceSpec> significance, List<MarketData> paths, String programHash) {
        this(name, market, protocol, strategies, seeds, config, metrics, options, significance, paths, programHash, Optional.empty());
    }

    /** An experiment over one fixed test range, possibly over scenario paths. */
    public ExperimentSpec(String name, MarketData market, int firstBar, int lastBar, List<NamedStrategy> strategies,
                          List<Long> seeds, BacktestConfig config, List<MetricId> metrics, MetricOptions options,
                          Optional<SignificanceSpec> significance, List<MarketData> paths) {
        this(name, market, fixed(name, market, firstBar, lastBar), strategies, seeds, config, metrics, options, significance,
                paths, "");
    }

    /** An experiment on one market over one fixed test range: every run uses {@code market}. */
    public ExperimentSpec(String name, MarketData market, int firstBar, int lastBar, List<NamedStrategy> strategies,
                          List<Long> seeds, BacktestConfig config, List<MetricId> metrics, MetricOptions options,
                          Optional<SignificanceSpec> significance) {
        this(name, market, firstBar, lastBar, strategies, seeds, config, metrics, options, significance, List.of());
    }

    /** An experiment on one market under {@code protocol}. */
    public ExperimentSpec(String name, MarketData market, Protocol protocol, List<NamedStrategy> strategies,
                          List<Long> seeds, BacktestConfig config, List<MetricId> metrics, MetricOptions options,
                          Optional<SignificanceSpec> significance) {
        this(name, market, protocol, strategies, seeds, config, metrics, options, significance, List.of(), "");
    }

    private static Protocol fixed(String name, MarketData market, int firstBar, int lastBar) {
        Objects.requireNonNull(market, "market");
        if (firstBar < 0 || lastBar <= firstBar || lastBar >= market.bars()) {
            throw new IllegalArgumentException("experiment " + name + ": bars " + firstBar + ".." + lastBar
                    + " do not fit market " + market.name() + " (" + market.bars() + " bars)");
        }
        return Protocol.FixedSplit.testOnly(new BarRange(firstBar, lastBar));
    }

    public ExperimentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(programHash, "programHash");
        paths = List.copyOf(paths);
        if (!paths.isEmpty()) {
            if (paths.size() != seeds.size()) {
                throw new IllegalArgumentException("experiment " + name + " has " + paths.size() + " scenario paths but "
                        + seeds.size() + " seeds; each path needs its own seed");
            }
            for (MarketData p : paths) {
                if (!p.symbols().equals(market.symbols()) || p.bars() != market.bars()) {
                    throw new IllegalArgumentException("scenario path " + p.name() + " does not match " + market.name()
                            + " (symbols or number of bars differ)");
                }
            }
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        significance = List.copyOf(significance);
        strategies = List.copyOf(strategies);
        seeds = List.copyOf(seeds);
        metrics = List.copyOf(metrics);
        if (strategies.isEmpty()) throw new IllegalArgumentException("experiment " + name + " compares no strategies");
        if (seeds.isEmpty()) throw new IllegalArgumentException("experiment " + name + " has no seeds");
        if (metrics.isEmpty()) throw new IllegalArgumentException("experiment " + name + " shows no metrics");
        if (new HashSet<>(metrics).size() != metrics.size()) throw new IllegalArgumentException("experiment " + name + " lists a metric twice");
        if (new HashSet<>(seeds).size() != seeds.size()) throw new IllegalArgumentException("experiment " + name + " repeats a seed");
        protocol.checkFits(name, market);
        Set<String> names = new HashSet<>();
        for (NamedStrategy s : strategies) {
            if (!names.add(s.name())) throw new IllegalArgumentException("experiment " + name + " compares '" + s.name() + "' twice");
        }
        Objects.requireNonNull(benchmark, "benchmark");
        benchmark.ifPresent(b -> {
            if (!names.contains(b)) throw new IllegalArgumentException("benchmark '" + b + "' is not compared in experiment " + name);
        });
        if (symbolBenchmark && benchmark.isEmpty()) throw new IllegalArgumentException("experiment " + name + " has no benchmark symbol");
        for (SignificanceSpec sig : significance) {
            if (!names.contains(sig.reference())) {
                throw new IllegalArgumentException("significance reference '" + sig.reference() + "' is not compared in experiment " + name);
            }
        }
    }

    /** Seeds 1..count, the default when a program says {@code seeds 10}. */
    public static List<Long> seeds(int count) {
        if (count < 1) throw new IllegalArgumentException("need at least one seed");
        Long[] s = new Long[count];
        for (int k = 0; k < count; k++) s[k] = (long) (k + 1);
        return List.of(s);
    }

    /**
     * A Monte Carlo experiment: run {@code k} of every strategy uses seed {@code k} on
     * {@code paths.get(k)}, so metric means and standard deviations are across paths and the mean
     * goal probability is the share of paths reaching the goal. Seeds are 1..paths. The spec's
     * {@code market} is a close-only copy of the first path renamed {@code scenarioName}: reports
     * take the set's name, symbols and calendar from it.
     */
    public static ExperimentSpec overPaths(String name, String scenarioName, List<MarketData> paths, int firstBar, int lastBar,
                                           List<NamedStrategy> strategies, BacktestConfig config, List<MetricId> metrics,
                                           MetricOptions options, Optional<SignificanceSpec> significance) {
        if (paths.isEmpty()) throw new IllegalArgumentException("experiment " + name + " has no scenario paths");
        MarketData first = paths.get(0);
        MarketData named = new MarketData(scenarioName, first.symbols(), first.classes(), timesOf(first), null, null, null,
                closesOf(first), null, first.frequency());
        return new ExperimentSpec(name, named, firstBar, lastBar, strategies, seeds(paths.size()), config, metrics, options,
                significance, paths);
    }

    private static long[] timesOf(MarketData m) {
        long[] t = new long[m.bars()];
        for (int k = 0; k < t.length; k++) t[k] = m.time(k);
        return t;
    }

    private static double[] closesOf(MarketData m) {
        int n = m.assets();
        double[] c = new double[m.bars() * n];
        for (int k = 0; k < m.bars(); k++) for (int i = 0; i < n; i++) c[k * n + i] = m.close(k, i);
        return c;
    }

    /** The market run {@code k} (seed {@code seeds().get(k)}) uses. */
    public MarketData marketFor(int run) {
        return paths.isEmpty() ? market : paths.get(run);
    }

    /** True for a Monte Carlo experiment over scenario paths. */
    public boolean scenario() {
        return !paths.isEmpty();
    }

    /** The same experiment, its runs recording {@code hash} as their program's. */
    public ExperimentSpec withProgramHash(String hash) {
        return new ExperimentSpec(name, market, protocol, strategies, seeds, config, metrics, options, significance, paths, hash,
                benchmark, symbolBenchmark);
    }

    /** The same experiment, running the significance tests {@code tests} (in place of any it had). */
    public ExperimentSpec withSignificance(List<SignificanceSpec> tests) {
        return new ExperimentSpec(name, market, protocol, strategies, seeds, config, metrics, options, tests, paths, programHash,
                benchmark, symbolBenchmark);
    }

    /** The same experiment, measuring every strategy against the compared strategy {@code strategy}. */
    public ExperimentSpec withBenchmark(String strategy) {
        return new ExperimentSpec(name, market, protocol, strategies, seeds, config, metrics, options, significance, paths,
                programHash, Optional.of(strategy), false);
    }

    /**
     * The same experiment, measuring every strategy against {@code strategy}, the row that holds a
     * symbol of the market ({@code benchmark ^GSPC}): a reference, not one of the strategies tried.
     */
    public ExperimentSpec withSymbolBenchmark(String strategy) {
        return new ExperimentSpec(name, market, protocol, strategies, seeds, config, metrics, options, significance, paths,
                programHash, Optional.of(strategy), true);
    }

    /**
     * True when {@code strategy} is one of the strategies tried, which the deflated Sharpe ratio
     * counts: every compared strategy except a symbol benchmark, which is there for reference.
     */
    public boolean tried(String strategy) {
        return !(symbolBenchmark && benchmark.isPresent() && benchmark.get().equals(strategy));
    }

    /** The number of strategies tried ({@link #tried}): a strategy benchmark counts once, a symbol benchmark not at all. */
    public int strategiesTried() {
        return (int) strategies.stream().filter(s -> tried(s.name())).count();
    }

    /** First decision bar of the (concatenated) test span. */
    public int firstBar() {
        return protocol.firstBar();
    }

    /** The bar whose close values the final wealth of the (concatenated) test span. */
    public int lastBar() {
        return protocol.lastBar();
    }

    /** True when the protocol has several windows whose results are reported one by one. */
    public boolean walkForward() {
        return protocol instanceof Protocol.WalkForward;
    }

    /** Number of periods each (concatenated) run records. */
    public int periods() {
        return lastBar() - firstBar();
    }
}
