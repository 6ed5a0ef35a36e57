package dev.strat.runtime.report;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.ExperimentResult;
import dev.strat.runtime.experiment.ExperimentSpec;
import dev.strat.runtime.experiment.MetricSummary;
import dev.strat.runtime.experiment.Protocol;
import dev.strat.runtime.experiment.StrategyResult;
import dev.strat.runtime.experiment.TableRenderer;
import dev.strat.runtime.experiment.TrainingLog;
import dev.strat.runtime.experiment.WindowResult;
import dev.strat.runtime.metrics.MetricId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an experiment's results into the report's input: the metric table with the same cell
 * format as the terminal table, the first seed's wealth and weights of every strategy, and, for
 * strategies trained before their test, the training curves averaged over seeds, and what the
 * strategies' stages reported (first seed's series, counters averaged over seeds). A walk-forward
 * also gets its per-window results: the headline metric of every window, as the terminal's "per
 * window" table shows it.
 */
public final class ExperimentReportData {

    private ExperimentReportData() {
    }

    /**
     * @param settings what a reader needs to reproduce the run (data files, command, version...),
     *                 shown after the settings derived from the experiment itself
     * @param notes    warnings raised while loading data or planning the run
     */
    public static ReportData of(ExperimentResult result, Map<String, String> settings, List<String> notes) {
        ExperimentSpec spec = result.spec();
        MarketData market = spec.market();
        List<MetricId> metrics = spec.metrics();

        List<MetricColumn> columns = metrics.stream().map(MetricColumn::of).toList();
        List<ReportRow> rows = new ArrayList<>();
        List<SeriesSet> series = new ArrayList<>();
        List<TrainingCurves> training = new ArrayList<>();
        List<StageReportSet> stages = new ArrayList<>();
        for (StrategyResult s : result.strategies()) {
            var intervals = dev.strat.runtime.experiment.MetricIntervals.of(spec, s);
            stageReports(s).ifPresent(stages::add);
            if (s.trained()) training.add(curves(s.name(), s.training()));
            List<String> cells = new ArrayList<>(metrics.size());
            double[] means = new double[metrics.size()];
            double[] stds = new double[metrics.size()];
            for (int c = 0; c < metrics.size(); c++) {
                MetricSummary summary = s.summary(metrics.get(c));
                cells.add(TableRenderer.cell(metrics.get(c), summary, intervals.get(metrics.get(c))));
                means[c] = summary.mean();
                stds[c] = summary.std();
            }
            boolean isBenchmark = spec.benchmark().map(s.name()::equals).orElse(false);
            String label = isBenchmark && !s.label().endsWith("(benchmark)") ? s.label() + " (benchmark)" : s.label();
            rows.add(new ReportRow(s.name(), label, cells, means, stds));
            series.add(SeriesSet.of(s.firstRun()));
        }

        Map<String, String> all = new LinkedHashMap<>();
        all.put("market", market.name() + " (" + market.assets() + " assets: " + String.join(", ", market.symbols()) + ")");
        all.put("test period", TableRenderer.barTime(market, spec.firstBar()) + " .. " + TableRenderer.barTime(market, spec.lastBar())
                + " (" + spec.periods() + " periods)");
        if (spec.protocol() instanceof Protocol.WalkForward wf) {
            all.put("protocol", TableRenderer.describe(wf) + "; metrics over the concatenated test windows");
        }
        all.put("frequency", market.frequency().label());
        all.put("seeds", spec.seeds().toString());
        all.put("capital", String.format("%,.0f", spec.config().capital()));
        // the model says what it charges, as in the terminal table: a flat cost has no fee to show
        all.put("costs", spec.config().costModel().describe());
        all.put("risk-free rate", String.format("%.4g%% a year", spec.options().riskFree() * 100));
        all.putAll(settings);

        String subtitle = market.name() + ", test " + all.get("test period") + ", " + spec.seeds().size()
                + (spec.seeds().size() == 1 ? " seed" : " seeds");
        // the table's conventions (intervals, annualisation, turnover, DSR trials) follow the load and plan warnings
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(TableRenderer.notes(result));
        return new ReportData("Experiment " + spec.name(), subtitle, all, columns, rows, series,
                market.frequency().periodsPerYear(), allNotes, training, stages, windows(result), spec.benchmark(),
                dev.strat.runtime.experiment.SignificanceSections.of(result));
    }

    /**
     * A walk-forward's windows: dates from the protocol, and per strategy the headline metric's
     * mean over seeds ({@link TableRenderer#headline}, the metric of the terminal's per-window
     * table). Empty for a fixed split.
     */
    static Optional<WindowTable> windows(ExperimentResult result) {
        ExperimentSpec spec = result.spec();
        if (!(spec.protocol() instanceof Protocol.WalkForward wf) || spec.metrics().isEmpty()) return Optional.empty();
        MarketData market = spec.market();
        MetricId id = TableRenderer.headline(spec.metrics());
        List<StrategyResult> strategies = result.strategies();
        List<WindowTable.Row> rows = new ArrayList<>();
        for (int k = 0; k < wf.windows().size(); k++) {
            Protocol.Window w = wf.windows().get(k);
            List<String> cells = new ArrayList<>(strategies.size());
            double[] values = new double[strategies.size()];
            for (int c = 0; c < strategies.size(); c++) {
                List<WindowResult> ws = strategies.get(c).windows();
                // every strategy has its windows under a walk-forward; a missing one shows as n/a, not a crash
                values[c] = k < ws.size() ? ws.get(k).summary(id).mean() : Double.NaN;
                cells.add(TableRenderer.cell(id, values[c], Double.NaN));
            }
            rows.add(new WindowTable.Row(w.index(), w.train().map(r -> dates(market, r)).orElse(""),
                    w.valid().map(r -> dates(market, r)).orElse(""), TableRenderer.barTime(market, w.test().from()),
                    TableRenderer.barTime(market, w.test().to()), market.time(w.test().from()), cells, values));
        }
        return Optional.of(new WindowTable(MetricColumn.of(id), strategies.stream().map(StrategyResult::name).toList(), rows));
    }

    /** The first and last bar of {@code range}, as dates (or instants, intraday). */
    private static String dates(MarketData market, BarRange range) {
        if (range.bars() == 0) return "";
        return TableRenderer.barTime(market, range.from()) + " .. " + TableRenderer.barTime(market, range.to() - 1);
    }

    /** The first seed's series and every seed's counters (mean), when the strategy's stages reported any. */
    static java.util.Optional<StageReportSet> stageReports(StrategyResult s) {
        BacktestResult first = s.firstRun();
        Map<String, Double> counters = new LinkedHashMap<>();
        for (BacktestResult run : s.runs()) run.reports().counters().forEach((k, v) -> counters.merge(k, (double) v, Double::sum));
        // a seed that never counted contributes 0 to the mean
        counters.replaceAll((k, v) -> v / s.runs().size());
        if (first.reports().series().isEmpty() && counters.isEmpty()) return java.util.Optional.empty();
        long[] times = java.util.Arrays.copyOf(first.times(), first.periods());
        return java.util.Optional.of(new StageReportSet(s.name(), times, first.reports(), counters));
    }

    /**
     * One strategy's curves: at each episode (epoch) index the mean over the seeds whose training
     * got that far, so a seed stopped early does not cut the others' curves short.
     */
    static TrainingCurves curves(String strategy, List<TrainingLog> logs) {
        List<double[]> rewards = new ArrayList<>();
        List<double[]> validation = new ArrayList<>();
        for (TrainingLog log : logs) {
            rewards.add(log.episodeRewards());
            validation.add(log.validation());
        }
        return new TrainingCurves(strategy, meanByIndex(rewards), meanByIndex(validation), logs.get(0).metricName());
    }

    private static double[] meanByIndex(List<double[]> curves) {
        int n = 0;
        for (double[] c : curves) n = Math.max(n, c.length);
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int count = 0;
            for (double[] c : curves) {
                if (i < c.length && Double.isFinite(c[i])) {
                    sum += c[i];
                    count++;
                }
            }
            mean[i] = count == 0 ? Double.NaN : sum / count;
        }
        return mean;
    }
}
