package dev.strat.runtime.report;

import dev.strat.runtime.metrics.MetricId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The interactive forms of the report's other charts, beside their SVG exports: the headline
 * metric per strategy (bars with ±1 std whiskers), the walk-forward windows' metric (a line per
 * strategy, a dot per window), the training curves (reward per episode, validation per epoch) and
 * each stage series (a line, or steps for a categorical series). They draw the values their static
 * charts draw ({@link ReportCharts}), so the two never disagree.
 */
final class MoreCharts {

    private MoreCharts() {
    }

    /** The headline metric as bars, one per strategy with a finite value; empty when none has one. */
    static Optional<InteractiveCharts.Chart> headline(String id, String title, List<ReportRow> rows, MetricColumn column, int index,
                                                      int height, Palette palette) {
        List<String> names = new ArrayList<>();
        List<InteractiveCharts.Line> lines = new ArrayList<>();
        for (ReportRow row : rows) {
            double mean = row.means()[index];
            if (!Double.isFinite(mean)) continue;
            long at = names.size();
            names.add(row.strategy());
            double std = row.stds()[index];
            lines.add(new InteractiveCharts.Line(row.strategy(), Palette.hex(palette.color(row.strategy())), false, new long[] {at},
                    new double[] {mean}, Double.isFinite(std) ? new double[] {std} : null));
        }
        if (lines.isEmpty()) return Optional.empty();
        return Optional.of(new InteractiveCharts.Chart(id, title, format(column), false, 0, new long[0], height, lines,
                InteractiveCharts.Axis.CATEGORY, "Strategy", names, List.of(), InteractiveCharts.Style.BARS));
    }

    /** The walk-forward's metric, window by window: a line per strategy; empty when no value is finite. */
    static Optional<InteractiveCharts.Chart> windows(String id, String title, WindowTable table, int height, Palette palette) {
        int w = table.rows().size();
        long[] x = new long[w];
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < w; k++) {
            x[k] = k;
            labels.add(table.rows().get(k).testFrom());
        }
        List<InteractiveCharts.Line> lines = new ArrayList<>();
        boolean any = false;
        for (int c = 0; c < table.strategies().size(); c++) {
            double[] v = new double[w];
            for (int k = 0; k < w; k++) {
                v[k] = table.rows().get(k).values()[c];
                any |= Double.isFinite(v[k]);
            }
            String name = table.strategies().get(c);
            lines.add(new InteractiveCharts.Line(name, Palette.hex(palette.color(name)), false, x, v));
        }
        if (!any) return Optional.empty();
        return Optional.of(new InteractiveCharts.Chart(id, title, format(table.metric()), false, 0, new long[0], height, lines,
                InteractiveCharts.Axis.CATEGORY, "Window from", labels, List.of(), InteractiveCharts.Style.POINTS));
    }

    /** Reward per training episode (the same trailing mean as the static chart); empty when no strategy has one. */
    static Optional<InteractiveCharts.Chart> trainingRewards(String id, List<TrainingCurves> curves, int height, Palette palette) {
        int window = 1;
        for (TrainingCurves c : curves) window = Math.max(window, Math.max(1, c.episodeRewards().length / 50));
        List<InteractiveCharts.Line> lines = new ArrayList<>();
        for (TrainingCurves c : curves) {
            double[] r = c.episodeRewards();
            if (r.length == 0) continue;
            lines.add(counted(c.strategy(), SeriesMath.trailingMean(r, Math.max(1, r.length / 50)), palette));
        }
        if (lines.isEmpty()) return Optional.empty();
        String title = "Training reward" + (window > 1 ? " (trailing mean over up to " + window + " episodes)" : "");
        return Optional.of(new InteractiveCharts.Chart(id, title, "num", false, Double.NaN, new long[0], height, lines,
                InteractiveCharts.Axis.COUNT, "Episode", List.of(), List.of(), InteractiveCharts.Style.LINE));
    }

    /** The validation metric after each epoch; empty when no strategy was validated. */
    static Optional<InteractiveCharts.Chart> trainingValidation(String id, List<TrainingCurves> curves, int height, Palette palette) {
        List<InteractiveCharts.Line> lines = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (TrainingCurves c : curves) {
            if (c.validation().length == 0) continue;
            lines.add(counted(c.strategy(), c.validation(), palette));
            if (!metrics.contains(c.metricName())) metrics.add(c.metricName());
        }
        if (lines.isEmpty()) return Optional.empty();
        return Optional.of(new InteractiveCharts.Chart(id, "Validation " + String.join(" / ", metrics) + " after each epoch", "num",
                false, Double.NaN, new long[0], height, lines, InteractiveCharts.Axis.COUNT, "Epoch", List.of(), List.of(),
                InteractiveCharts.Style.POINTS));
    }

    /** One stage series over the test: a line, or steps named by {@code labels} when it is categorical. */
    static Optional<InteractiveCharts.Chart> stageSeries(String id, String strategy, String name, long[] epochSeconds, double[] values,
                                                         List<String> labels, int height, Palette palette) {
        boolean any = false;
        for (double v : values) any |= Double.isFinite(v);
        if (!any) return Optional.empty();
        InteractiveCharts.Line line = new InteractiveCharts.Line(name, Palette.hex(palette.color(strategy)), false, epochSeconds, values);
        return Optional.of(new InteractiveCharts.Chart(id, strategy + ": " + name, "num", false, Double.NaN, new long[0], height,
                List.of(line), InteractiveCharts.Axis.TIME, "Date", List.of(), labels,
                labels.isEmpty() ? InteractiveCharts.Style.LINE : InteractiveCharts.Style.STEPS));
    }

    /** A curve over 1, 2, 3, ... (episodes or epochs). */
    private static InteractiveCharts.Line counted(String strategy, double[] values, Palette palette) {
        long[] x = new long[values.length];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        return new InteractiveCharts.Line(strategy, Palette.hex(palette.color(strategy)), false, x, values);
    }

    private static String format(MetricColumn column) {
        return MetricId.byName(column.name()).map(MetricId::percent).orElse(false) ? "pct" : "num";
    }
}
