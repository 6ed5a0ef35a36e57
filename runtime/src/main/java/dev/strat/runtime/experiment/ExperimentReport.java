package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.CostModel;
import dev.strat.runtime.backtest.FlatCost;
import dev.strat.runtime.backtest.ProportionalCost;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.Metrics;
import dev.strat.runtime.pipeline.StageReport;
import dev.strat.runtime.report.Downsampler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an {@link ExperimentResult}: everything needed to read, compare and reproduce
 * the numbers, without the per-step paths (those go to the equity CSV). Undefined values (NaN, and any non-finite number) are
 * {@code null}, so every standard JSON reader accepts the file.
 *
 * @param experiment     the experiment's name
 * @param market         the market's name
 * @param dataFiles      files the market was read from
 * @param dataSha256     SHA-256 of each data file's bytes as read, keyed by its name in {@code dataFiles}
 * @param symbols        the universe, in weight order
 * @param from           date (or instant, for intraday data) of the first decision bar
 * @param to             date of the last bar, whose close values the final wealth
 * @param firstBar       index of the first decision bar in the market
 * @param lastBar        index of the last bar
 * @param periods        periods T per run
 * @param frequency      the bar convention, e.g. {@code daily, 252 periods/yr}
 * @param periodsPerYear P used to annualise
 * @param costs          the cost model: its kind, description and parameters, and the cash rate
 * @param capital        initial wealth
 * @param seeds          the seeds, in the order of every {@code perSeed} list
 * @param metrics        the metrics shown in tables (all are recorded)
 * @param conventions    metric options
 * @param strategies     per-strategy values
 * @param significance   significance tests, each naming its test, empty when none were asked for
 * @param stratVersion   toolchain version
 * @param sourceHash     hash of the program text, or null
 * @param scenarioPaths  number of Monte Carlo paths (run k on path k), 0 for a single market
 * @param protocol       the split: a fixed test range or the walk-forward's windows
 * @param sharpeConfidence probabilistic and deflated Sharpe ratios of each strategy's first seed,
 *                       recorded with a {@code sharpe_diff} test, empty otherwise
 * @param rlKernels      what the RL agents' networks computed on ({@link dev.strat.runtime.rl.nn.HostKernels#describe}):
 *                       the two paths agree to float rounding, not bit for bit, so a rerun that
 *                       must match needs the same
 */
public record ExperimentReport(String experiment, String market, List<String> dataFiles, Map<String, String> dataSha256,
                               List<String> symbols,
                               String from, String to, int firstBar, int lastBar, int periods, String frequency,
                               double periodsPerYear, Costs costs, double capital, List<Long> seeds,
                               List<String> metrics, Conventions conventions, List<StrategyReport> strategies,
                               List<SignificanceReport> significance, String stratVersion, String sourceHash,
                               int scenarioPaths, ProtocolReport protocol, List<SharpeConfidenceReport> sharpeConfidence,
                               String rlKernels) {

    /** Most points of a stage series in the file (the first seed's; the equity CSV has no series). */
    public static final int MAX_SERIES_POINTS = 500;

    /**
     * How the experiment split its bars.
     *
     * @param kind    {@code fixed} or {@code walk-forward}
     * @param retrain {@code scratch} or {@code continue} for a walk-forward, null for a fixed split
     * @param windows the windows in order (one for a fixed split)
     */
    public record ProtocolReport(String kind, String retrain, List<WindowReport> windows) {
    }

    /**
     * One window: train and valid ranges (null when absent) and its test range.
     */
    public record WindowReport(int index, Span train, Span valid, Span test) {
    }

    /**
     * Bars {@code firstBar .. lastBar} (inclusive) with their dates. For a test range, {@code lastBar}
     * is the bar whose close values the window's final wealth, as for the experiment's own
     * {@code firstBar} and {@code lastBar}.
     */
    public record Span(int firstBar, int lastBar, String from, String to) {
    }

    /** One strategy's metrics in one window, keyed like the strategy's own. */
    public record WindowMetrics(int index, Map<String, MetricReport> metrics) {
    }

    /**
     * What the strategy's stages reported: the first seed's series, thinned to at most
     * {@link #MAX_SERIES_POINTS} points, and every seed's counters.
     *
     * @param series   the series, in the order stages first wrote them
     * @param counters per counter, its value for each seed in seed order (null where a seed did not count it)
     */
    public record StageSummary(List<SeriesReport> series, Map<String, List<Long>> counters) {
    }

    /**
     * One reported series of the first seed's run.
     *
     * @param name   the series' name, scoped by composite members ({@code switch/choice})
     * @param labels the category of each value for a categorical series ({@code values} are indices into
     *               it), empty for a numeric one
     * @param steps  the kept periods (step t decides at bar {@code firstBar + t}), increasing
     * @param values the value at each kept step; null where the stage wrote nothing
     */
    public record SeriesReport(String name, List<String> labels, List<Integer> steps, List<Double> values) {
    }

    /**
     * The account's frictions as the run charged them. Rates are fractions (0.0025 for 0.25 %).
     *
     * @param model       the cost model's kind: {@code proportional} (fee and slippage of traded value)
     *                    or {@code flat} (RiPO's flat cost every step and perturbed closes); another
     *                    model is named by its class
     * @param description the model's own words ({@link CostModel#describe()}), as the table prints them
     * @param parameters  the model's parameters by name: {@code fee, slippageMin, slippageMax} for
     *                    {@code proportional}, {@code rate, perturb} for {@code flat}; empty for a model
     *                    this file does not know
     * @param cashRate    the annual rate cash earns
     */
    public record Costs(String model, String description, Map<String, Double> parameters, double cashRate) {

        public Costs {
            // kept in the model's order, so the file lists them as the model defines them
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        /** The costs of {@code config}: its cost model rather than its fee fields, which a flat model leaves at 0. */
        public static Costs of(BacktestConfig config) {
            CostModel model = config.costModel();
            Map<String, Double> parameters = new LinkedHashMap<>();
            String kind;
            switch (model) {
                case ProportionalCost p -> {
                    kind = "proportional";
                    parameters.put("fee", p.fee());
                    parameters.put("slippageMin", p.slippageMin());
                    parameters.put("slippageMax", p.slippageMax());
                }
                case FlatCost f -> {
                    kind = "flat";
                    parameters.put("rate", f.rate());
                    parameters.put("perturb", f.perturb());
                }
                default -> kind = model.getClass().getSimpleName();
            }
            return new Costs(kind, model.describe(), parameters, config.riskFree());
        }
    }

    /** Metric options; {@code goal} is a multiple of capital or null. */
    /**
     * @param annualise {@code auto} (a test shorter than a year has no annual return) or {@code always}
     * @param ciLevel   coverage of the bootstrap intervals of the tables, null when none were shown
     * @param dsrTrials the number of runs (strategies x seeds) the {@code dsr} metric deflates for
     * @param turnover  what the turnover metrics measure
     */
    public record Conventions(double riskFree, double omegaThreshold, String convention, Double goal, String annualise,
                              Double ciLevel, int dsrTrials, String turnover) {
    }

    /**
     * One strategy: every metric keyed by {@link MetricId#key()}, and per seed the final wealth, the
     * total trading cost paid (currency) and the annualised turnover (mean turnover times P).
     */
    public record StrategyReport(String name, String label, Map<String, MetricReport> metrics, List<Double> finalWealth,
                                 List<Double> totalCost, List<Double> annualTurnover, List<WindowMetrics> windows,
                                 StageSummary reports) {
    }

    /** One metric across seeds. */
    public record MetricReport(Double mean, Double std, List<Double> perSeed) {
    }

    /**
     * One significance test; {@code test} names the test that produced the p-value
     * ({@code wilcoxon} or {@code ranksum} over seeds, {@code sharpe_diff} over time) and
     * {@code metric} the metric compared. For {@code ranksum}, {@code pairs} and {@code nonZero}
     * are the two sample sizes (see {@link SignificanceResult}).
     */
    public record SignificanceReport(String test, String metric, String reference, String other, double alpha, int pairs,
                                     int nonZero, Double pValue, boolean exact, boolean significant,
                                     boolean referenceBetter, Double smallestP, String note) {
    }

    /** PSR and DSR of one strategy's first seed (see {@link SharpeConfidence}). */
    public record SharpeConfidenceReport(String strategy, Double sharpe, Double psr, Double dsr, int trials, int periods) {
    }

    /** Builds the report of a finished experiment. */
    public static ExperimentReport of(ExperimentResult result, RunInfo info) {
        ExperimentSpec spec = result.spec();
        MarketData market = spec.market();
        BacktestConfig config = spec.config();
        List<StrategyReport> strategies = new ArrayList<>();
        for (StrategyResult s : result.strategies()) {
            Map<String, MetricReport> metrics = metrics(s::summary);
            List<WindowMetrics> windows = new ArrayList<>();
            for (WindowResult w : s.windows()) windows.add(new WindowMetrics(w.window().index(), metrics(w::summary)));
            List<Double> finalWealth = new ArrayList<>();
            List<Double> totalCost = new ArrayList<>();
            List<Double> annualTurnover = new ArrayList<>();
            for (BacktestResult run : s.runs()) {
                finalWealth.add(run.finalWealth());
                totalCost.add(run.totalCostPaid());
                annualTurnover.add(orNull(Metrics.annualTurnover(run.turnover(), run.periodsPerYear())));
            }
            strategies.add(new StrategyReport(s.name(), s.label(), metrics, finalWealth, totalCost, annualTurnover, windows,
                    stageReports(s)));
        }
        List<SignificanceReport> tests = new ArrayList<>();
        for (SignificanceResult t : result.significance()) {
            double alpha = t.group() < spec.significance().size() ? spec.significance().get(t.group()).alpha() : Double.NaN;
            tests.add(new SignificanceReport(t.test().key(), t.metric().key(), t.reference(), t.other(), alpha, t.pairs(), t.nonZero(),
                    orNull(t.pValue()), t.exact(), t.significant(), t.referenceBetter(), orNull(t.smallestP()), t.note()));
        }
        List<SharpeConfidenceReport> confidence = new ArrayList<>();
        if (spec.significance().stream().anyMatch(sig -> sig.test() == SignificanceTest.SHARPE_DIFF)) {
            for (SharpeConfidence c : SharpeConfidence.of(spec, result.strategies())) {
                confidence.add(new SharpeConfidenceReport(c.strategy(), orNull(c.sharpe()), orNull(c.psr()), orNull(c.dsr()),
                        c.trials(), c.periods()));
            }
        }
        return new ExperimentReport(spec.name(), market.name(), info.dataFiles(), info.dataHashes(), market.symbols(),
                TableRenderer.barTime(market, spec.firstBar()), TableRenderer.barTime(market, spec.lastBar()),
                spec.firstBar(), spec.lastBar(), spec.periods(), market.frequency().label(),
                market.frequency().periodsPerYear(),
                Costs.of(config),
                config.capital(), spec.seeds(), spec.metrics().stream().map(MetricId::key).toList(),
                new Conventions(spec.options().riskFree(), spec.options().omegaThreshold(),
                        spec.options().convention().name().toLowerCase(java.util.Locale.ROOT), orNull(spec.options().goal()),
                        spec.options().annualise().name().toLowerCase(java.util.Locale.ROOT), orNull(spec.options().ciLevel()),
                        ExperimentRunner.dsrTrials(spec), MetricId.TURNOVER.description()),
                strategies, tests, info.stratVersion(), info.sourceHash(), spec.paths().size(), protocol(spec), confidence,
                dev.strat.runtime.rl.nn.HostKernels.describe());
    }

    private static Map<String, MetricReport> metrics(java.util.function.Function<MetricId, MetricSummary> summaries) {
        Map<String, MetricReport> metrics = new LinkedHashMap<>();
        for (MetricId id : MetricId.values()) {
            MetricSummary summary = summaries.apply(id);
            metrics.put(id.key(), new MetricReport(orNull(summary.mean()), orNull(summary.std()), list(summary.perSeed())));
        }
        return metrics;
    }

    private static ProtocolReport protocol(ExperimentSpec spec) {
        MarketData market = spec.market();
        List<WindowReport> windows = new ArrayList<>();
        for (Protocol.Window w : spec.protocol().windows()) {
            windows.add(new WindowReport(w.index(), w.train().map(r -> span(market, r.from(), r.to() - 1)).orElse(null),
                    w.valid().map(r -> span(market, r.from(), r.to() - 1)).orElse(null),
                    span(market, w.test().from(), w.test().to())));
        }
        return switch (spec.protocol()) {
            case Protocol.FixedSplit f -> new ProtocolReport("fixed", null, windows);
            case Protocol.WalkForward wf -> new ProtocolReport("walk-forward", wf.retrain().name().toLowerCase(java.util.Locale.ROOT), windows);
        };
    }

    private static Span span(MarketData market, int first, int last) {
        return new Span(first, last, TableRenderer.barTime(market, first), TableRenderer.barTime(market, last));
    }

    private static StageSummary stageReports(StrategyResult s) {
        StageReport first = s.firstRun().reports();
        List<SeriesReport> series = new ArrayList<>();
        for (Map.Entry<String, double[]> e : first.series().entrySet()) {
            List<String> labels = first.categoriesOf(e.getKey());
            double[] v = e.getValue();
            int[] keep = labels.isEmpty() ? Downsampler.minMaxIndices(v, MAX_SERIES_POINTS)
                    : Downsampler.changePoints(v, MAX_SERIES_POINTS);
            List<Integer> steps = new ArrayList<>(keep.length);
            List<Double> values = new ArrayList<>(keep.length);
            for (int i : keep) {
                steps.add(i);
                values.add(orNull(v[i]));
            }
            series.add(new SeriesReport(e.getKey(), labels, steps, values));
        }
        Map<String, List<Long>> counters = new LinkedHashMap<>();
        List<BacktestResult> runs = s.runs();
        for (int k = 0; k < runs.size(); k++) {
            for (Map.Entry<String, Long> c : runs.get(k).reports().counters().entrySet()) {
                counters.computeIfAbsent(c.getKey(), x -> new ArrayList<>(java.util.Collections.nCopies(runs.size(), null)))
                        .set(k, c.getValue());
            }
        }
        return new StageSummary(series, counters);
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) out.add(orNull(v));
        return out;
    }
}
