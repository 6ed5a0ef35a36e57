package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.Metrics;

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
 * @param symbols        the universe, in weight order
 * @param from           date (or instant, for intraday data) of the first decision bar
 * @param to             date of the last bar, whose close values the final wealth
 * @param firstBar       index of the first decision bar in the market
 * @param lastBar        index of the last bar
 * @param periods        periods T per run
 * @param frequency      the bar convention, e.g. {@code daily, 252 periods/yr}
 * @param periodsPerYear P used to annualise
 * @param costs          fee and slippage
 * @param capital        initial wealth
 * @param seeds          the seeds, in the order of every {@code perSeed} list
 * @param metrics        the metrics shown in tables (all are recorded)
 * @param conventions    metric options
 * @param strategies     per-strategy values
 * @param significance   Wilcoxon tests, empty when none were asked for
 * @param stratVersion   toolchain version
 * @param sourceHash     hash of the program text, or null
 * @param scenarioPaths  number of Monte Carlo paths (run k on path k), 0 for a single market
 */
public record ExperimentReport(String experiment, String market, List<String> dataFiles, List<String> symbols,
                               String from, String to, int firstBar, int lastBar, int periods, String frequency,
                               double periodsPerYear, Costs costs, double capital, List<Long> seeds,
                               List<String> metrics, Conventions conventions, List<StrategyReport> strategies,
                               List<SignificanceReport> significance, String stratVersion, String sourceHash,
                               int scenarioPaths) {

    /** Costs as configured: rates are fractions (0.0025 for 0.25 %). */
    public record Costs(double fee, double slippageMin, double slippageMax, double cashRate) {
    }

    /** Metric options; {@code goal} is a multiple of capital or null. */
    public record Conventions(double riskFree, double omegaThreshold, String convention, Double goal) {
    }

    /**
     * One strategy: every metric keyed by {@link MetricId#key()}, and per seed the final wealth, the
     * total trading cost paid (currency) and the annualised turnover (mean turnover times P).
     */
    public record StrategyReport(String name, String label, Map<String, MetricReport> metrics, List<Double> finalWealth,
                                 List<Double> totalCost, List<Double> annualTurnover) {
    }

    /** One metric across seeds. */
    public record MetricReport(Double mean, Double std, List<Double> perSeed) {
    }

    /** One significance test. */
    public record SignificanceReport(String metric, String reference, String other, double alpha, int pairs,
                                     int nonZero, Double pValue, boolean exact, boolean significant,
                                     boolean referenceBetter, Double smallestP, String note) {
    }

    /** Builds the report of a finished experiment. */
    public static ExperimentReport of(ExperimentResult result, RunInfo info) {
        ExperimentSpec spec = result.spec();
        MarketData market = spec.market();
        BacktestConfig config = spec.config();
        List<StrategyReport> strategies = new ArrayList<>();
        for (StrategyResult s : result.strategies()) {
            Map<String, MetricReport> metrics = new LinkedHashMap<>();
            for (MetricId id : MetricId.values()) {
                MetricSummary summary = s.summary(id);
                metrics.put(id.key(), new MetricReport(orNull(summary.mean()), orNull(summary.std()), list(summary.perSeed())));
            }
            List<Double> finalWealth = new ArrayList<>();
            List<Double> totalCost = new ArrayList<>();
            List<Double> annualTurnover = new ArrayList<>();
            for (BacktestResult run : s.runs()) {
                finalWealth.add(run.finalWealth());
                totalCost.add(run.totalCostPaid());
                annualTurnover.add(orNull(Metrics.annualTurnover(run.turnover(), run.periodsPerYear())));
            }
            strategies.add(new StrategyReport(s.name(), s.label(), metrics, finalWealth, totalCost, annualTurnover));
        }
        double alpha = spec.significance().map(SignificanceSpec::alpha).orElse(Double.NaN);
        List<SignificanceReport> tests = new ArrayList<>();
        for (SignificanceResult t : result.significance()) {
            tests.add(new SignificanceReport(t.metric().key(), t.reference(), t.other(), alpha, t.pairs(), t.nonZero(),
                    orNull(t.pValue()), t.exact(), t.significant(), t.referenceBetter(), orNull(t.smallestP()), t.note()));
        }
        return new ExperimentReport(spec.name(), market.name(), info.dataFiles(), market.symbols(),
                TableRenderer.barTime(market, spec.firstBar()), TableRenderer.barTime(market, spec.lastBar()),
                spec.firstBar(), spec.lastBar(), spec.periods(), market.frequency().label(),
                market.frequency().periodsPerYear(),
                new Costs(config.fee(), config.slippageMin(), config.slippageMax(), config.riskFree()),
                config.capital(), spec.seeds(), spec.metrics().stream().map(MetricId::key).toList(),
                new Conventions(spec.options().riskFree(), spec.options().omegaThreshold(),
                        spec.options().convention().name().toLowerCase(java.util.Locale.ROOT), orNull(spec.options().goal())),
                strategies, tests, info.stratVersion(), info.sourceHash(), spec.paths().size());
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
