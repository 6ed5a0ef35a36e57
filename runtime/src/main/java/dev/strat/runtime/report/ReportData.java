package dev.strat.runtime.report;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one experiment report shows. Independent of how the experiment was run: the caller
 * formats the table cells and chooses which seed's path to draw.
 *
 * @param title          the report's heading, e.g. {@code "experiment cmp"}
 * @param subtitle       one line under it, e.g. {@code "us, test 2019-01-02..2019-12-31, 3 seeds"} (may be empty)
 * @param settings       everything needed to reproduce the run, in display order: data files, date
 *                       ranges, split, costs, capital, frequency convention, seeds, strat version,
 *                       command line (key -> value; copied, order kept)
 * @param metricColumns  the table's metric columns, in order
 * @param table          one row per strategy, in display order
 * @param series         one path per strategy to draw (may be empty: then only the table is shown)
 * @param periodsPerYear annualisation for the rolling Sharpe chart, e.g. 252 for daily stocks
 * @param notes          warnings and remarks, e.g. from data loading, shown verbatim (may be empty)
 * @param training       training curves of the strategies that were trained before their test, at
 *                       most one per strategy (may be empty: then the report has no training section)
 * @param stageReports   what the strategies' stages reported (series, counters), at most one per
 *                       strategy; strategies whose stages reported nothing are left out (may be
 *                       empty: then the report has no stage section)
 * @param windows        a walk-forward's per-window results (empty for a fixed split: then the report
 *                       has no windows section and its equity chart no window boundaries)
 * @param benchmark      the strategy (row) the benchmark-relative metrics measure against, drawn
 *                       distinct in the equity chart; empty for none
 * @param significance   the significance tests, one section per request, as the terminal table words them
 */
public record ReportData(String title, String subtitle, Map<String, String> settings,
                         List<MetricColumn> metricColumns, List<ReportRow> table, List<SeriesSet> series,
                         double periodsPerYear, List<String> notes, List<TrainingCurves> training,
                         List<StageReportSet> stageReports, Optional<WindowTable> windows, Optional<String> benchmark,
                         List<dev.strat.runtime.experiment.SignificanceSections.Section> significance) {

    /** A report without significance tests. */
    public ReportData(String title, String subtitle, Map<String, String> settings, List<MetricColumn> metricColumns,
                      List<ReportRow> table, List<SeriesSet> series, double periodsPerYear, List<String> notes,
                      List<TrainingCurves> training, List<StageReportSet> stageReports, Optional<WindowTable> windows,
                      Optional<String> benchmark) {
        this(title, subtitle, settings, metricColumns, table, series, periodsPerYear, notes, training, stageReports, windows,
                benchmark, List.of());
    }

    /** A report without a benchmark. */
    public ReportData(String title, String subtitle, Map<String, String> settings, List<MetricColumn> metricColumns,
                      List<ReportRow> table, List<SeriesSet> series, double periodsPerYear, List<String> notes,
                      List<TrainingCurves> training, List<StageReportSet> stageReports, Optional<WindowTable> windows) {
        this(title, subtitle, settings, metricColumns, table, series, periodsPerYear, notes, training, stageReports, windows,
                Optional.empty());
    }

    /** A report of a single test split (no per-window results). */
    public ReportData(String title, String subtitle, Map<String, String> settings, List<MetricColumn> metricColumns,
                      List<ReportRow> table, List<SeriesSet> series, double periodsPerYear, List<String> notes,
                      List<TrainingCurves> training, List<StageReportSet> stageReports) {
        this(title, subtitle, settings, metricColumns, table, series, periodsPerYear, notes, training, stageReports,
                Optional.empty());
    }

    /** A report without stage reports. */
    public ReportData(String title, String subtitle, Map<String, String> settings, List<MetricColumn> metricColumns,
                      List<ReportRow> table, List<SeriesSet> series, double periodsPerYear, List<String> notes,
                      List<TrainingCurves> training) {
        this(title, subtitle, settings, metricColumns, table, series, periodsPerYear, notes, training, List.of());
    }

    /** A report without training curves. */
    public ReportData(String title, String subtitle, Map<String, String> settings, List<MetricColumn> metricColumns,
                      List<ReportRow> table, List<SeriesSet> series, double periodsPerYear, List<String> notes) {
        this(title, subtitle, settings, metricColumns, table, series, periodsPerYear, notes, List.of());
    }

    public ReportData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        metricColumns = List.copyOf(metricColumns);
        table = List.copyOf(table);
        series = List.copyOf(series);
        notes = List.copyOf(notes);
        training = List.copyOf(training);
        stageReports = List.copyOf(stageReports);
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(benchmark, "benchmark");
        significance = List.copyOf(significance);
        if (!(periodsPerYear > 0) || !Double.isFinite(periodsPerYear)) {
            throw new IllegalArgumentException("periods per year must be positive, got " + periodsPerYear);
        }
        for (ReportRow row : table) {
            if (row.cells().size() != metricColumns.size()) {
                throw new IllegalArgumentException("row '" + row.strategy() + "' has " + row.cells().size()
                        + " cells for " + metricColumns.size() + " metric columns");
            }
        }
        Set<String> seen = new HashSet<>();
        for (SeriesSet s : series) {
            if (!seen.add(s.strategy())) {
                throw new IllegalArgumentException("two series for strategy '" + s.strategy() + "'");
            }
        }
        Set<String> reported = new HashSet<>();
        for (StageReportSet r : stageReports) {
            if (!reported.add(r.strategy())) {
                throw new IllegalArgumentException("two stage reports for strategy '" + r.strategy() + "'");
            }
        }
        Set<String> trained = new HashSet<>();
        for (TrainingCurves c : training) {
            if (!trained.add(c.strategy())) {
                throw new IllegalArgumentException("two sets of training curves for strategy '" + c.strategy() + "'");
            }
        }
    }

    /** This report with {@code windows} as its per-window results. */
    public ReportData withWindows(WindowTable windows) {
        return new ReportData(title, subtitle, settings, metricColumns, table, series, periodsPerYear, notes, training,
                stageReports, Optional.of(windows));
    }
}
