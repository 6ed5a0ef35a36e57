package dev.strat.runtime.report;

import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.ExperimentResult;
import dev.strat.runtime.experiment.ExperimentSpec;
import dev.strat.runtime.experiment.MetricSummary;
import dev.strat.runtime.experiment.StrategyResult;
import dev.strat.runtime.experiment.TableRenderer;
import dev.strat.runtime.metrics.MetricId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an experiment's results into the report's input: the metric table with the same cell
 * format as the terminal table, and the first seed's wealth and weights of every strategy.
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
        for (StrategyResult s : result.strategies()) {
            List<String> cells = new ArrayList<>(metrics.size());
            double[] means = new double[metrics.size()];
            double[] stds = new double[metrics.size()];
            for (int c = 0; c < metrics.size(); c++) {
                MetricSummary summary = s.summary(metrics.get(c));
                cells.add(TableRenderer.cell(metrics.get(c), summary.mean(), summary.std()));
                means[c] = summary.mean();
                stds[c] = summary.std();
            }
            rows.add(new ReportRow(s.name(), s.label(), cells, means, stds));
            series.add(SeriesSet.of(s.firstRun()));
        }

        Map<String, String> all = new LinkedHashMap<>();
        all.put("market", market.name() + " (" + market.assets() + " assets: " + String.join(", ", market.symbols()) + ")");
        all.put("test period", TableRenderer.barTime(market, spec.firstBar()) + " .. " + TableRenderer.barTime(market, spec.lastBar())
                + " (" + spec.periods() + " periods)");
        all.put("frequency", market.frequency().label());
        all.put("seeds", spec.seeds().toString());
        all.put("capital", String.format("%,.0f", spec.config().capital()));
        all.put("costs", String.format("fee %.4g%%, slippage %.4g%% .. %.4g%% of traded value",
                spec.config().fee() * 100, spec.config().slippageMin() * 100, spec.config().slippageMax() * 100));
        all.put("risk-free rate", String.format("%.4g%% a year", spec.options().riskFree() * 100));
        all.putAll(settings);

        String subtitle = market.name() + ", test " + all.get("test period") + ", " + spec.seeds().size()
                + (spec.seeds().size() == 1 ? " seed" : " seeds");
        return new ReportData("Experiment " + spec.name(), subtitle, all, columns, rows, series,
                market.frequency().periodsPerYear(), notes);
    }
}
