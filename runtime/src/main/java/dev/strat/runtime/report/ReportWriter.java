package dev.strat.runtime.report;

import dev.strat.runtime.io.AtomicFiles;
import dev.strat.runtime.metrics.MetricId;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an experiment report into a folder: {@code index.html} (CSS, the bundled uPlot library and
 * the interactive charts' data inline; the other charts shown from their files; nothing fetched from
 * the network, so the folder opens offline) and the charts as files beside it: {@code equity.svg},
 * {@code equity.png}, {@code drawdown.svg}, {@code drawdown.png}, {@code rolling-sharpe.svg},
 * {@code metric-<name>.svg}, one {@code weights-<strategy>.svg} per strategy with weights (a
 * {@code weights-<strategy>.png} heatmap, one column per decision period, for a fast trader) and,
 * when strategies were trained, {@code training-reward.svg} and {@code training-validation.svg}, and one
 * {@code stage-<strategy>-<series>.svg} per series a strategy's stages reported (with a table of their
 * counters on the page), and for a walk-forward {@code windows-<metric>.svg}, the headline metric per window
 * (with a table of the windows on the page), and {@code monthly.csv}, each strategy's monthly and yearly
 * returns, shown on the page as heat-coloured tables ({@link PeriodReturns}).
 * Every file is written atomically, the page last, so it never links a missing chart.
 */
public final class ReportWriter {

    static {
        // Before any AWT class initialises: charts render without a display (servers, CI).
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 1000;
    static final int EQUITY_HEIGHT = 440;
    static final int DRAWDOWN_HEIGHT = 340;
    static final int ROLLING_HEIGHT = 320;
    static final int WEIGHTS_HEIGHT = 340;
    static final int TRAINING_HEIGHT = 340;
    static final int STAGE_HEIGHT = 300;
    static final int WINDOWS_HEIGHT = 360;

    private ReportWriter() {
    }

    /**
     * Writes the report for {@code data} into {@code dir} (created if missing; existing files of
     * the same names are replaced) and returns the files written, {@code index.html} first.
     */
    public static List<Path> write(ReportData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<String> names = new LinkedHashSet<>();
        data.table().forEach(r -> names.add(r.strategy()));
        data.series().forEach(s -> names.add(s.strategy()));
        Set<String> benchmarks = new HashSet<>();
        data.series().stream().filter(SeriesSet::benchmark).forEach(s -> benchmarks.add(s.strategy()));
        data.benchmark().ifPresent(benchmarks::add);
        Palette palette = Palette.forStrategies(names, benchmarks);
        ReportCharts charts = new ReportCharts(palette, data.benchmark());
        List<Path> written = new ArrayList<>();

        List<HtmlPage.Figure> performance = new ArrayList<>();
        List<HtmlPage.Figure> weights = new ArrayList<>();
        List<InteractiveCharts.Chart> interactive = new ArrayList<>();
        List<SeriesSet> series = data.series();
        if (!series.isEmpty()) {
            long[] boundaries = data.windows().map(WindowTable::boundaries).orElse(new long[0]);
            JFreeChart equity = charts.equity(series, boundaries);
            performance.add(interactiveFigure(equity, WIDTH, EQUITY_HEIGHT, "equity", dir, written,
                    "Growth of 1 unit of capital for each strategy's drawn path."
                            + (boundaries.length > 0 ? " Dotted vertical lines mark where walk-forward windows meet." : "")
                            + INTERACTION));
            List<double[]> wealth = series.stream().map(s -> SeriesMath.normalised(s.wealth())).toList();
            boolean log = ReportCharts.isLogScale(wealth);
            interactive.add(new InteractiveCharts.Chart("equity", "Equity curves" + (log ? " (log scale)" : ""), "x", log,
                    1.0, boundaries, EQUITY_HEIGHT - 60, InteractiveCharts.lines(series, times(series), wealth, palette)));

            JFreeChart drawdown = charts.drawdown(series);
            performance.add(interactiveFigure(drawdown, WIDTH, DRAWDOWN_HEIGHT, "drawdown", dir, written,
                    "Distance below the running peak; the lowest point of each curve is its maximum drawdown."
                            + INTERACTION));
            interactive.add(new InteractiveCharts.Chart("drawdown", "Drawdowns", "pct", false, 0, new long[0],
                    DRAWDOWN_HEIGHT - 60, InteractiveCharts.lines(series, times(series),
                    series.stream().map(s -> SeriesMath.drawdown(s.wealth())).toList(), palette)));

            Optional<JFreeChart> rolling = charts.rollingSharpe(series, data.periodsPerYear());
            Optional<ReportCharts.RollingWindow> window = ReportCharts.rollingWindow(series, data.periodsPerYear());
            if (rolling.isPresent() && window.isPresent()) {
                int bars = window.get().bars();
                List<SeriesSet> longEnough = series.stream().filter(s -> s.wealth().length - 1 >= 2 * bars).toList();
                performance.add(interactiveFigure(rolling.get(), WIDTH, ROLLING_HEIGHT, "rolling-sharpe", dir, written,
                        "Sharpe ratio over a trailing " + window.get().describe() + ", sized by the data's "
                                + fmt(data.periodsPerYear()) + " bars per year: when each strategy earned its "
                                + "risk-adjusted return." + INTERACTION));
                interactive.add(new InteractiveCharts.Chart("rolling-sharpe", ReportCharts.rollingTitle(window.get()), "num",
                        false, 0, new long[0], ROLLING_HEIGHT - 40, InteractiveCharts.lines(longEnough,
                        longEnough.stream().map(s -> ReportCharts.rollingTimes(s, bars)).toList(),
                        longEnough.stream().map(s -> SeriesMath.rollingSharpe(s.wealth(), bars, data.periodsPerYear())).toList(),
                        palette)));
            }
        }
        Optional<Integer> headline = headlineColumn(data.metricColumns());
        if (headline.isPresent()) {
            int c = headline.get();
            MetricColumn col = data.metricColumns().get(c);
            Optional<JFreeChart> chart = charts.headline(data.table(), col, c);
            if (chart.isPresent()) {
                int height = Math.max(200, 110 + 34 * data.table().size());
                String name = "metric-" + slug(col.name());
                Optional<InteractiveCharts.Chart> bars = MoreCharts.headline(name, chart.get().getTitle().getText(), data.table(), col, c,
                        METRIC_HEIGHT, palette);
                String caption = "Headline metric per strategy" + (hasStd(data.table(), c)
                        ? "; whiskers show \u00b11 standard deviation across seeds." : ".");
                if (bars.isPresent()) {
                    performance.add(interactiveFigure(chart.get(), WIDTH, height, name, dir, written, caption + HOVER));
                    interactive.add(bars.get());
                } else {
                    performance.add(svgFigure(chart.get(), WIDTH, height, name, dir, written, caption, false));
                }
            }
        }

        if (!series.isEmpty()) {
            Palette assets = assetPalette(series);
            Map<String, Integer> slugs = new HashMap<>();
            for (SeriesSet s : series) {
                if (s.benchmark()) continue;
                Optional<JFreeChart> chart = charts.weights(s, assets);
                if (chart.isEmpty()) continue;
                String base = "weights-" + slug(s.strategy());
                int n = slugs.merge(base, 1, Integer::sum);
                String file = n == 1 ? base : base + "-" + n;
                // a heatmap is a raster: as an SVG it holds a rectangle per cell (hundreds of KB)
                weights.add(ReportCharts.isHeatmap(chart.get())
                        ? pngFigure(chart.get(), WIDTH, WEIGHTS_HEIGHT, file, dir, written,
                        "Portfolio weights of " + s.strategy() + ", one column per decision period: it trades too often "
                                + "for a stacked chart (assets never held are left out).")
                        : svgFigure(chart.get(), WIDTH, WEIGHTS_HEIGHT, file, dir, written,
                        "Portfolio weights of " + s.strategy() + " at each decision (cash on top; assets never held "
                                + "are left out).", false));
            }
        }

        List<HtmlPage.Figure> windows = new ArrayList<>();
        String windowTable = "";
        if (data.windows().isPresent()) {
            WindowTable table = data.windows().get();
            windowTable = HtmlPage.windowTable(table, palette);
            Optional<JFreeChart> chart = charts.windows(table);
            String name = "windows-" + slug(table.metric().name());
            Optional<InteractiveCharts.Chart> lines = chart.flatMap(ch -> MoreCharts.windows(name, ch.getTitle().getText(), table,
                    WINDOWS_HEIGHT - 60, palette));
            if (chart.isPresent() && lines.isPresent()) {
                windows.add(interactiveFigure(chart.get(), WIDTH, WINDOWS_HEIGHT, name, dir, written,
                        "Headline metric of each walk-forward window's test, mean over seeds, a dot per window (the SVG "
                                + "export draws the windows' bars side by side)." + INTERACTION));
                interactive.add(lines.get());
            }
        }

        List<HtmlPage.Figure> training = new ArrayList<>();
        if (!data.training().isEmpty()) {
            Optional<JFreeChart> rewards = charts.trainingRewards(data.training());
            Optional<InteractiveCharts.Chart> rewardLines = MoreCharts.trainingRewards("training-reward", data.training(),
                    TRAINING_HEIGHT - 60, palette);
            if (rewards.isPresent() && rewardLines.isPresent()) {
                training.add(interactiveFigure(rewards.get(), WIDTH, TRAINING_HEIGHT, "training-reward", dir, written,
                        "Reward of each training episode (mean over seeds); a rising curve means the agent is learning "
                                + "on the training split." + INTERACTION));
                interactive.add(rewardLines.get());
            }
            Optional<JFreeChart> validation = charts.trainingValidation(data.training());
            Optional<InteractiveCharts.Chart> validationLines = MoreCharts.trainingValidation("training-validation", data.training(),
                    TRAINING_HEIGHT - 60, palette);
            if (validation.isPresent() && validationLines.isPresent()) {
                training.add(interactiveFigure(validation.get(), WIDTH, TRAINING_HEIGHT, "training-validation", dir, written,
                        "Validation metric after each epoch (mean over seeds); training that keeps the best model "
                                + "tests the best epoch's." + INTERACTION));
                interactive.add(validationLines.get());
            }
        }

        List<HtmlPage.Figure> stages = new ArrayList<>();
        Map<String, Integer> stageSlugs = new HashMap<>();
        for (StageReportSet r : data.stageReports()) {
            for (Map.Entry<String, double[]> e : r.report().series().entrySet()) {
                List<String> labels = r.report().categoriesOf(e.getKey());
                Optional<JFreeChart> chart = charts.stageSeries(r.strategy(), e.getKey(), r.epochSeconds(), e.getValue(), labels);
                if (chart.isEmpty()) continue;
                String base = "stage-" + slug(r.strategy() + "-" + e.getKey());
                int n = stageSlugs.merge(base, 1, Integer::sum);
                int height = labels.isEmpty() ? STAGE_HEIGHT : Math.min(STAGE_HEIGHT + 120, 150 + 22 * labels.size());
                String name = n == 1 ? base : base + "-" + n;
                String caption = "Series '" + e.getKey() + "' reported by " + r.strategy() + (labels.isEmpty() ? "" : " (categorical)")
                        + ", first seed.";
                Optional<InteractiveCharts.Chart> line = MoreCharts.stageSeries(name, r.strategy(), e.getKey(), r.epochSeconds(),
                        e.getValue(), labels, height - 60, palette);
                if (line.isPresent()) {
                    stages.add(interactiveFigure(chart.get(), WIDTH, height, name, dir, written, caption + INTERACTION));
                    interactive.add(line.get());
                } else {
                    stages.add(svgFigure(chart.get(), WIDTH, height, name, dir, written, caption, false));
                }
            }
        }

        String returns = "";
        if (!series.isEmpty()) {
            List<PeriodReturns> periods = series.stream().map(PeriodReturns::of).toList();
            returns = ReturnsTables.html(periods, palette);
            written.add(AtomicFiles.writeString(dir.resolve(ReturnsTables.CSV), ReturnsTables.csv(periods)));
        }

        List<HtmlPage.Section> sections = List.of(
                new HtmlPage.Section("performance", "Performance", performance),
                new HtmlPage.Section("significance", "Significance", List.of(), HtmlPage.significanceTables(data.significance())),
                new HtmlPage.Section("returns", "Calendar returns", List.of(), returns),
                new HtmlPage.Section("windows", "Windows", windows, windowTable),
                new HtmlPage.Section("weights", "Weights", weights),
                new HtmlPage.Section("training", "Training", training),
                new HtmlPage.Section("stages", "Stage reports", stages, HtmlPage.counterTable(data.stageReports(), palette)));
        Path index = AtomicFiles.writeString(dir.resolve("index.html"), HtmlPage.render(data, palette, sections, interactive));
        written.add(0, index);
        return List.copyOf(written);
    }

    /** How to read the interactive bar chart, said under it. */
    private static final String HOVER = " Hover for values, click a name in the legend to hide or show it.";
    /** Plot height of the interactive headline-metric bars. */
    static final int METRIC_HEIGHT = 300;

    /** How to use an interactive chart, said under each. */
    private static final String INTERACTION = " Drag to zoom (double-click to reset), hover for values, click a name"
            + " in the legend to hide or show it.";

    /**
     * Writes {@code chart} as an SVG file (and a PNG when asked) beside the page; the page shows the
     * file through an {@code <img>}, so the SVG is not inlined a second time.
     */
    private static HtmlPage.Figure svgFigure(JFreeChart chart, int width, int height, String name, Path dir,
                                             List<Path> written, String caption, boolean png) throws IOException {
        List<String> files = exports(chart, width, height, name, dir, written, png);
        String img = "<img src=\"" + Html.escape(name) + ".svg\" width=\"" + width + "\" height=\"" + height
                + "\" loading=\"lazy\" alt=\"" + Html.escape(chart.getTitle() == null ? name : chart.getTitle().getText()) + "\">";
        return new HtmlPage.Figure(name, img, caption, files);
    }

    /** {@code chart} as a PNG file beside the page, shown through an {@code <img>}. */
    private static HtmlPage.Figure pngFigure(JFreeChart chart, int width, int height, String name, Path dir,
                                             List<Path> written, String caption) throws IOException {
        written.add(AtomicFiles.write(dir.resolve(name + ".png"), temp -> ChartUtils.saveChartAsPNG(temp.toFile(), chart, width, height)));
        String img = "<img src=\"" + Html.escape(name) + ".png\" width=\"" + width + "\" height=\"" + height
                + "\" loading=\"lazy\" alt=\"" + Html.escape(chart.getTitle() == null ? name : chart.getTitle().getText()) + "\">";
        return new HtmlPage.Figure(name, img, caption, List.of(name + ".png"));
    }

    /** An interactive chart's figure: its placeholder on the page, its SVG and PNG exports beside it. */
    private static HtmlPage.Figure interactiveFigure(JFreeChart chart, int width, int height, String name, Path dir,
                                                     List<Path> written, String caption) throws IOException {
        List<String> files = exports(chart, width, height, name, dir, written, true);
        return new HtmlPage.Figure(name, InteractiveCharts.placeholder(name, name + ".svg"), caption, files);
    }

    private static List<String> exports(JFreeChart chart, int width, int height, String name, Path dir,
                                        List<Path> written, boolean png) throws IOException {
        String svg = ReportCharts.svg(chart, width, height, name + "-chart");
        written.add(AtomicFiles.writeString(dir.resolve(name + ".svg"), SvgCharts.document(svg)));
        List<String> files = new ArrayList<>(List.of(name + ".svg"));
        if (png) {
            written.add(AtomicFiles.write(dir.resolve(name + ".png"),
                    temp -> ChartUtils.saveChartAsPNG(temp.toFile(), chart, width, height)));
            files.add(name + ".png");
        }
        return files;
    }

    private static List<long[]> times(List<SeriesSet> series) {
        return series.stream().map(SeriesSet::epochSeconds).toList();
    }

    private static String fmt(double periodsPerYear) {
        return periodsPerYear == Math.rint(periodsPerYear)
                ? String.format(java.util.Locale.ROOT, "%,d", (long) periodsPerYear)
                : String.format(java.util.Locale.ROOT, "%,.1f", periodsPerYear);
    }

    /** Sharpe if the table has it (the usual headline), else the first column. */
    static Optional<Integer> headlineColumn(List<MetricColumn> cols) {
        for (int i = 0; i < cols.size(); i++) {
            if (MetricId.byName(cols.get(i).name()).orElse(null) == MetricId.SHARPE) return Optional.of(i);
        }
        return cols.isEmpty() ? Optional.empty() : Optional.of(0);
    }

    private static boolean hasStd(List<ReportRow> rows, int c) {
        return rows.stream().anyMatch(r -> Double.isFinite(r.stds()[c]));
    }

    /**
     * Colours for assets, most held first over all strategies, so an asset has one colour in every
     * weights chart.
     */
    private static Palette assetPalette(List<SeriesSet> series) {
        Map<String, Double> total = new HashMap<>();
        for (SeriesSet s : series) {
            int rows = s.weightRows();
            int n = s.columns().size();
            for (int c = 0; c < n; c++) {
                if (c == n - 1 && s.columns().get(c).equalsIgnoreCase("cash")) continue;
                double sum = 0;
                for (int r = 0; r < rows; r++) sum += s.weights()[r * n + c];
                total.merge(s.columns().get(c), rows == 0 ? 0 : sum / rows, Double::sum);
            }
        }
        List<String> order = new ArrayList<>(total.keySet());
        order.sort(Comparator.comparingDouble((String k) -> -total.get(k)).thenComparing(k -> k));
        return Palette.forAssets(order);
    }

    /** A file-name-safe form of {@code name}: letters, digits, '-' and '_' kept, the rest '_'. */
    static String slug(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < 60; i++) {
            char c = name.charAt(i);
            sb.append((c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_' ? c : '_');
        }
        return sb.isEmpty() ? "strategy" : sb.toString();
    }
}
