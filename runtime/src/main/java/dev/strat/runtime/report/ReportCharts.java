package dev.strat.runtime.report;

import dev.strat.runtime.metrics.MetricId;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Builds the report's charts with JFreeChart. Every chart plots epoch times on a UTC {@link DateAxis}
 * and colours strategies through one {@link Palette}, so a strategy looks the same everywhere.
 * Long series are thinned here ({@link Downsampler}) so vector output stays small.
 */
public final class ReportCharts {

    static {
        // Charts must render on servers and CI without a display; respect an explicit choice.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Most points per curve in the equity, drawdown and rolling Sharpe charts. */
    public static final int MAX_CURVE_POINTS = 1500;
    /** Most time steps per stacked weights chart (bucket means). */
    public static final int MAX_WEIGHT_ROWS = 500;
    /** Assets shown by name in a weights chart; the rest are summed as "other". */
    public static final int TOP_ASSETS = 10;
    /**
     * The rolling charts' window: about three months of the data's bars ({@code periodsPerYear / 4}:
     * 63 daily stock bars, 2,190 hourly crypto bars), or one month when the test is too short for two
     * three-month windows; the span is stated in the chart's title.
     *
     * @param bars the window in bars
     * @param span the window in words, e.g. {@code "3-month"}
     */
    public record RollingWindow(int bars, String span) {

        /** The window for a test of {@code periods} returns, empty when even a month's does not fit twice. */
        public static Optional<RollingWindow> of(double periodsPerYear, int periods) {
            for (int months : new int[] {3, 1}) {
                int bars = (int) Math.round(periodsPerYear * months / 12.0);
                if (bars >= 5 && periods >= 2 * bars) return Optional.of(new RollingWindow(bars, months + "-month"));
            }
            return Optional.empty();
        }

        /** E.g. {@code "3-month window (63 bars)"}. */
        public String describe() {
            return span + " window (" + String.format(Locale.ROOT, "%,d", bars) + " bars)";
        }
    }
    /** Equity curves switch to a log axis when the largest value is this many times the smallest. */
    public static final double LOG_SCALE_RATIO = 3.0;

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final BasicStroke CURVE = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** Thinner curves once many strategies share a chart, so crossings stay legible. */
    private static final BasicStroke THIN_CURVE = new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke REFERENCE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {4f, 3f}, 0f);

    /** The benchmark: dashed, so it reads as a reference line. */
    static final BasicStroke BENCHMARK_CURVE = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {6f, 4f}, 0f);

    /** Window boundaries on a time axis: a light dotted line. */
    private static final BasicStroke BOUNDARY = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {2f, 3f}, 0f);
    /**
     * Windows beyond which the per-window chart labels windows by number instead of date: dates no
     * longer fit side by side, and turned labels would be drawn as glyph outlines (JFreeChart draws
     * rotated text as shapes), several kilobytes each.
     */
    static final int DATED_WINDOWS = 10;
    /** Most window numbers written under the per-window chart; beyond it every k-th is written. */
    static final int MAX_WINDOW_LABELS = 40;

    private final Palette strategies;
    private final java.util.Optional<String> benchmark;

    /** Charts colouring strategies with {@code strategies}. */
    public ReportCharts(Palette strategies) {
        this(strategies, java.util.Optional.empty());
    }

    /** Charts colouring strategies with {@code strategies}, drawing {@code benchmark}'s line dashed. */
    public ReportCharts(Palette strategies, java.util.Optional<String> benchmark) {
        this.strategies = strategies;
        this.benchmark = benchmark;
    }

    /** Wealth normalised to 1 at the start, one line per strategy; log scale when it spans over 3x. */
    public JFreeChart equity(List<SeriesSet> series) {
        return equity(series, new long[0]);
    }

    /**
     * The equity chart with a light vertical line at each of {@code boundaries} (epoch seconds),
     * e.g. where a walk-forward's windows meet, so a reader can tell which window earned what.
     */
    public JFreeChart equity(List<SeriesSet> series, long[] boundaries) {
        DefaultXYDataset data = new DefaultXYDataset();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SeriesSet s : series) {
            double[] w = SeriesMath.normalised(s.wealth());
            for (double v : w) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            data.addSeries(s.strategy(), thinned(s.epochSeconds(), w));
        }
        boolean log = isLogScale(series.stream().map(x -> SeriesMath.normalised(x.wealth())).toList());
        ValueAxis range;
        if (log) {
            NiceLogAxis axis = new NiceLogAxis("Wealth (start = 1, log scale)");
            axis.setSmallestValue(1e-9);
            range = axis;
        } else {
            NumberAxis axis = new NumberAxis("Wealth (start = 1)");
            axis.setAutoRangeIncludesZero(false);
            double step = niceStep(hi - lo);
            axis.setTickUnit(new NumberTickUnit(step, numberFormat(step)));
            range = axis;
        }
        XYPlot plot = new XYPlot(data, dateAxis(), range, lines(series));
        ValueMarker one = new ValueMarker(1.0, ChartStyle.MUTED, REFERENCE);
        plot.addRangeMarker(one);
        // behind the curves: the boundaries give context, the curves stay the subject
        for (long b : boundaries) plot.addDomainMarker(new ValueMarker(millis(b), ChartStyle.AXIS, BOUNDARY), Layer.BACKGROUND);
        return finish(plot, "Equity curves", "Portfolio value relative to the start" + (log ? ", log scale" : ""),
                true);
    }

    /** Whether wealth curves (normalised) span more than {@link #LOG_SCALE_RATIO}, so a log axis reads better. */
    static boolean isLogScale(List<double[]> normalisedWealth) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] w : normalisedWealth) {
            for (double v : w) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo > 0 && hi / lo > LOG_SCALE_RATIO;
    }

    /** Underwater chart: distance below each strategy's running peak, as a negative percentage. */
    public JFreeChart drawdown(List<SeriesSet> series) {
        DefaultXYDataset lines = new DefaultXYDataset();
        DefaultXYDataset areas = new DefaultXYDataset();
        XYAreaRenderer fill = new XYAreaRenderer(XYAreaRenderer.AREA);
        fill.setDefaultSeriesVisibleInLegend(false);
        fill.setOutline(false);
        double worst = 0;
        for (int i = 0; i < series.size(); i++) {
            SeriesSet s = series.get(i);
            double[] dd = SeriesMath.drawdown(s.wealth());
            for (double v : dd) if (Double.isFinite(v)) worst = Math.min(worst, v);
            double[][] xy = thinned(s.epochSeconds(), dd);
            lines.addSeries(s.strategy(), xy);
            areas.addSeries(s.strategy(), xy);
            Color c = strategies.color(s.strategy());
            // Light fills: several strategies' underwater areas overlap, the lines carry the detail.
            // no fill under the benchmark: it is a reference, not a contender
            fill.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(),
                    s.benchmark() ? 0 : series.size() > 3 ? 28 : 45));
        }
        NumberAxis range = new NumberAxis("Drawdown");
        double ddStep = niceStep(-worst);
        range.setTickUnit(new NumberTickUnit(ddStep, percentFormat(ddStep)));
        // A little room above 0 so curves at a new high are not hidden under the plot edge.
        double span = worst < 0 ? -worst : 0.01;
        range.setRange(-span * 1.05, span * 0.015);
        XYPlot plot = new XYPlot(lines, dateAxis(), range, lines(series));
        plot.setDataset(1, areas);
        plot.setRenderer(1, fill);
        return finish(plot, "Drawdowns", "Loss from the running peak (underwater curve)", true);
    }

    /**
     * Stacked weights of one strategy over time: the {@link #TOP_ASSETS} assets with the largest
     * average weight, the rest summed as "other", and cash on top. {@code assets} gives each asset
     * its colour; empty when the series has no weights.
     */
    public Optional<JFreeChart> weights(SeriesSet s, Palette assets) {
        Optional<WeightLayers> maybe = WeightLayers.of(s, TOP_ASSETS);
        if (maybe.isEmpty()) return Optional.empty();
        WeightLayers layers = maybe.get();
        int cols = layers.names().size();
        double[] means = Downsampler.bucketMeans(layers.matrix(), cols, MAX_WEIGHT_ROWS);
        int[] starts = Downsampler.bucketStarts(layers.rows(), MAX_WEIGHT_ROWS);
        // measured on the decisions themselves: bucket means would smooth a fast trader into a calm picture
        if (meanChange(layers.matrix(), cols, layers.cashIndex(), s.decisionPeriod()) > HEATMAP_CHANGE) {
            return Optional.of(heatmap(s, layers));
        }
        int points = starts.length + 1;
        double[] x = new double[points];
        for (int b = 0; b < starts.length; b++) x[b] = millis(s.epochSeconds()[starts[b]]);
        // The last row is held until the end of the series: close the area at the last time.
        x[points - 1] = millis(s.epochSeconds()[s.epochSeconds().length - 1]);
        if (x[points - 1] <= x[points - 2]) x[points - 1] = x[points - 2] + 1;

        // Layers are drawn as cumulative sums, top layer first, each lower one painted over it:
        // one path per layer keeps the SVG small (a stacked renderer draws one polygon per bar).
        DefaultXYDataset data = new DefaultXYDataset();
        XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA);
        renderer.setOutline(false);
        double[] cum = new double[points];
        List<LegendItem> items = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            double[] y = new double[points];
            for (int b = 0; b < starts.length; b++) {
                cum[b] += means[b * cols + c];
                y[b] = cum[b];
            }
            cum[points - 1] = cum[points - 2];
            y[points - 1] = cum[points - 1];
            String name = layers.names().get(c);
            data.addSeries(c + ":" + name, new double[][] {x.clone(), y});
            Paint paint = layers.isCash(c) ? Palette.CASH : layers.isOther(c) ? Palette.OTHER : assets.color(name);
            renderer.setSeriesPaint(c, paint);
            items.add(0, new LegendItem(layers.legendLabel(c), null, null, null,
                    new Rectangle(-5, -5, 10, 10), paint));
        }
        // Legend top to bottom like the stack it describes.
        LegendItemCollection legend = new LegendItemCollection();
        items.forEach(legend::add);
        NumberAxis range = new NumberAxis("Weight");
        range.setRange(0, 1.0);
        range.setTickUnit(new NumberTickUnit(0.2));
        range.setNumberFormatOverride(new DecimalFormat("0%", DecimalFormatSymbolsHolder.US));
        XYPlot plot = new XYPlot(data, dateAxis(), range, renderer);
        plot.setFixedLegendItems(legend);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = finish(plot, "Weights: " + s.strategy(), layers.subtitle(), true);
        LegendTitle lt = chart.getLegend();
        lt.setPosition(RectangleEdge.RIGHT);
        lt.setMargin(new RectangleInsets(0, 12, 0, 0));
        return Optional.of(chart);
    }

    /**
     * The mean one-way change of the asset weights from one decision to the next, rows
     * {@code period} apart (of {@code cols} per row; the cash column left out): the turnover per
     * decision. Above {@link #HEATMAP_CHANGE} a stacked chart is a comb of spikes, so the weights
     * are drawn as a heatmap instead.
     */
    static double meanChange(double[] matrix, int cols, int cashIndex, int period) {
        int rows = matrix.length / cols;
        int p = Math.max(1, period);
        if (rows <= p) return 0;
        double total = 0;
        int steps = 0;
        for (int r = p; r < rows; r += p) {
            double d = 0;
            for (int c = 0; c < cols; c++) {
                if (c != cashIndex) d += Math.abs(matrix[r * cols + c] - matrix[(r - p) * cols + c]);
            }
            total += d / 2;
            steps++;
        }
        return total / steps;
    }

    /** Weights drawn as a heatmap when they change by more than this per decision, on average. */
    static final double HEATMAP_CHANGE = 0.10;
    /**
     * Most time columns of a weights heatmap: about one per pixel of the plot at the report's width.
     * A strategy with more decision periods than this gets whole periods per column.
     */
    static final int HEATMAP_MAX_COLUMNS = 800;

    /**
     * The columns of a fast trader's heatmap: one per decision period of {@code period} bars from the
     * first bar, or {@code group} whole periods per column when there are more than {@code max}.
     *
     * @param starts first weight row of each column
     * @param period bars per decision period
     * @param group  decision periods per column
     */
    record HeatmapColumns(int[] starts, int period, int group) {

        static HeatmapColumns of(int rows, int period, int max) {
            int p = Math.max(1, Math.min(period, rows));
            int periods = (rows + p - 1) / p;
            int group = Math.max(1, (periods + max - 1) / max);
            int width = p * group;
            int[] starts = new int[(rows + width - 1) / width];
            for (int c = 0; c < starts.length; c++) starts[c] = c * width;
            return new HeatmapColumns(starts, p, group);
        }

        /** E.g. "one column per decision period (5 bars)" or "each column 3 decision periods of 1 bar". */
        String describe() {
            String bars = period + (period == 1 ? " bar" : " bars");
            return group == 1 ? "one column per decision period (" + bars + ")"
                    : "each column the mean of " + group + " decision periods of " + bars;
        }
    }

    /** True when {@code chart} is a weights heatmap, which the report writes as a PNG (its SVG would hold a rectangle per cell). */
    static boolean isHeatmap(JFreeChart chart) {
        return chart.getPlot() instanceof XYPlot p && p.getRenderer() instanceof org.jfree.chart.renderer.xy.XYBlockRenderer;
    }

    /**
     * A fast trader's weights: one row per asset held (largest average weight on top, cash at the
     * bottom), one column per decision period (its {@link SeriesSet#decisionPeriod}: a strategy deciding
     * once a day on hourly data gets a column a day) holding the mean weight over its bars, darker for
     * more weight, so what it held stays readable however often it trades.
     */
    JFreeChart heatmap(SeriesSet s, WeightLayers layers) {
        int cols = layers.names().size();
        HeatmapColumns grid = HeatmapColumns.of(layers.rows(), s.decisionPeriod(), HEATMAP_MAX_COLUMNS);
        int[] starts = grid.starts();
        double[] means = new double[starts.length * cols];
        for (int b = 0; b < starts.length; b++) {
            int to = b + 1 < starts.length ? starts[b + 1] : layers.rows();
            for (int r = starts[b]; r < to; r++) {
                for (int c = 0; c < cols; c++) means[b * cols + c] += layers.matrix()[r * cols + c];
            }
            for (int c = 0; c < cols; c++) means[b * cols + c] /= (to - starts[b]);
        }
        long[] t = s.epochSeconds();
        org.jfree.data.xy.DefaultXYZDataset data = new org.jfree.data.xy.DefaultXYZDataset();
        int n = starts.length * cols;
        double[] xs = new double[n], ys = new double[n], zs = new double[n];
        double widest = 0;
        double top = 0.1;
        for (double m : means) top = Math.max(top, Math.ceil(m * 10 - 1e-9) / 10);
        int k = 0;
        for (int b = 0; b < starts.length; b++) {
            double from = millis(t[starts[b]]);
            double to = millis(t[b + 1 < starts.length ? starts[b + 1] : t.length - 1]);
            widest = Math.max(widest, to - from);
            for (int c = 0; c < cols; c++) {
                // a cell that would be drawn white is left out: the background is white
                if (means[b * cols + c] < 0.05 * top) continue;
                xs[k] = (from + to) / 2;
                ys[k] = cols - 1 - c; // first layer (largest) on top
                zs[k] = means[b * cols + c];
                k++;
            }
        }
        data.addSeries("weights", new double[][] {Arrays.copyOf(xs, k), Arrays.copyOf(ys, k), Arrays.copyOf(zs, k)});
        org.jfree.chart.renderer.xy.XYBlockRenderer renderer = new org.jfree.chart.renderer.xy.XYBlockRenderer();
        renderer.setBlockWidth(widest);
        renderer.setBlockHeight(1);
        // eleven steps from white to a dark blue, the darkest at the largest cell rounded up to 10 %
        // (top): a trader spreading over many assets holds little of each, a 0..100 % scale would wash out
        org.jfree.chart.renderer.LookupPaintScale scale = new org.jfree.chart.renderer.LookupPaintScale(0, top + 1e-4, Color.WHITE);
        Color dark = new Color(0x08306B);
        for (int step = 0; step <= 10; step++) {
            double f = step / 10.0;
            scale.add(step == 0 ? 0 : (step - 0.5) / 10.0 * top, new Color(
                    (int) Math.round(255 + (dark.getRed() - 255) * f),
                    (int) Math.round(255 + (dark.getGreen() - 255) * f),
                    (int) Math.round(255 + (dark.getBlue() - 255) * f)));
        }
        renderer.setPaintScale(scale);
        String[] labels = new String[cols];
        for (int c = 0; c < cols; c++) labels[cols - 1 - c] = layers.legendLabel(c);
        SymbolAxis range = new SymbolAxis(null, labels);
        range.setGridBandsVisible(false);
        range.setRange(-0.5, cols - 0.5);
        XYPlot plot = new XYPlot(data, dateAxis(), range, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return finish(plot, "Weights: " + s.strategy(), "Trades often: " + grid.describe() + ", mean weight over its bars"
                + " (white 0 %, dark blue " + Math.round(top * 100) + " % or more)" + layers.leftOutNote(), false);
    }

    /**
     * Horizontal bars of one metric per strategy (table order), with ±1 standard deviation across
     * seeds where the row gives one. Empty when no row has a finite value in that column.
     */
    public Optional<JFreeChart> headline(List<ReportRow> rows, MetricColumn column, int index) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        List<String> names = new ArrayList<>();
        boolean anyStd = false;
        for (ReportRow row : rows) {
            double mean = row.means()[index];
            if (!Double.isFinite(mean)) continue;
            double std = row.stds()[index];
            anyStd |= Double.isFinite(std);
            data.add(Double.valueOf(mean), Double.isFinite(std) ? Double.valueOf(std) : null, column.name(),
                    row.strategy());
            names.add(row.strategy());
        }
        if (names.isEmpty()) return Optional.empty();
        StatisticalBarRenderer renderer = new StatisticalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int col) {
                return strategies.color(names.get(col));
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setErrorIndicatorPaint(ChartStyle.TEXT);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.2f));
        renderer.setItemMargin(0);
        renderer.setMaximumBarWidth(0.6);
        CategoryAxis domain = new CategoryAxis();
        domain.setMaximumCategoryLabelWidthRatio(0.35f);
        domain.setCategoryMargin(0.25);
        String what = column.description().isEmpty() ? column.name() : column.description() + " (" + column.name() + ")";
        NumberAxis range = new NumberAxis(what + (anyStd ? ", mean ± 1 std across seeds" : ""));
        boolean percent = MetricId.byName(column.name()).map(MetricId::percent).orElse(false);
        if (percent) range.setNumberFormatOverride(new DecimalFormat("0.#%", DecimalFormatSymbolsHolder.US));
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.addRangeMarker(new ValueMarker(0, ChartStyle.AXIS, new BasicStroke(1f)));
        String title = (column.description().isEmpty() ? column.name() : capitalised(column.description()))
                + " by strategy";
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
        return Optional.of(ChartStyle.apply(chart, (column.higherIsBetter() ? "Higher" : "Lower") + " is better"));
    }

    /**
     * A walk-forward's metric per window: for each window (labelled by its first test date, unique
     * since windows follow one another, in time order) one bar per strategy, in the strategies' colours, so a reader sees whether one window
     * carried a strategy's result. Empty when no window has a finite value.
     */
    public Optional<JFreeChart> windows(WindowTable table) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean any = false;
        MetricColumn column = table.metric();
        for (WindowTable.Row row : table.rows()) {
            String window = row.testFrom();
            for (int c = 0; c < table.strategies().size(); c++) {
                double v = row.values()[c];
                // an undefined value leaves a gap in the group rather than a bar at 0
                data.addValue(Double.isFinite(v) ? Double.valueOf(v) : null, table.strategies().get(c), window);
                any |= Double.isFinite(v);
            }
        }
        if (!any) return Optional.empty();
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(table.strategies().size() > 5 ? 0.02 : 0.06);
        for (int c = 0; c < table.strategies().size(); c++) renderer.setSeriesPaint(c, strategies.color(table.strategies().get(c)));
        CategoryAxis domain = new WindowAxis(table.rows());
        domain.setCategoryMargin(0.22);
        domain.setLowerMargin(0.01);
        domain.setUpperMargin(0.01);
        NumberAxis range = new NumberAxis(column.description().isEmpty() ? column.name()
                : capitalised(column.description()) + " (" + column.name() + ")");
        boolean percent = MetricId.byName(column.name()).map(MetricId::percent).orElse(false);
        if (percent) range.setNumberFormatOverride(new DecimalFormat("0.#%", DecimalFormatSymbolsHolder.US));
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.addRangeMarker(new ValueMarker(0, ChartStyle.AXIS, new BasicStroke(1f)));
        String title = (column.description().isEmpty() ? column.name() : capitalised(column.description())) + " by window";
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        return Optional.of(ChartStyle.apply(chart, "Each walk-forward window's test, mean over seeds; "
                + (column.higherIsBetter() ? "higher" : "lower") + " is better"));
    }

    /**
     * The per-window chart's category axis: categories are the windows' first test dates; up to
     * {@link #DATED_WINDOWS} windows they are written as such, beyond it as the window numbers of the
     * table (every k-th when there are more than {@link #MAX_WINDOW_LABELS}), which stay legible
     * without turning.
     */
    static final class WindowAxis extends CategoryAxis {

        private final Map<String, String> labels = new HashMap<>();

        WindowAxis(List<WindowTable.Row> rows) {
            super(rows.size() <= DATED_WINDOWS ? "Window (first test date)" : "Window (dates in the table above)");
            int every = (rows.size() + MAX_WINDOW_LABELS - 1) / MAX_WINDOW_LABELS;
            for (int k = 0; k < rows.size(); k++) {
                WindowTable.Row row = rows.get(k);
                String label = rows.size() <= DATED_WINDOWS ? row.testFrom()
                        : k % every == 0 ? Integer.toString(row.index()) : "";
                labels.put(row.testFrom(), label);
            }
        }

        /** The text written under {@code category}'s bars. */
        String label(Comparable<?> category) {
            return labels.getOrDefault(category.toString(), category.toString());
        }

        @Override
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            return super.createLabel(label(category), width, edge, g2);
        }
    }

    /**
     * The window of the rolling charts for {@code series}: sized by the data's bars per year and the
     * longest series ({@link RollingWindow#of}).
     */
    public static Optional<RollingWindow> rollingWindow(List<SeriesSet> series, double periodsPerYear) {
        int longest = 0;
        for (SeriesSet s : series) longest = Math.max(longest, s.wealth().length - 1);
        return RollingWindow.of(periodsPerYear, longest);
    }

    /**
     * Annualised Sharpe ratio over a trailing window of about three months of bars
     * ({@link #rollingWindow}), one line per strategy, the window stated in the title. Empty when no
     * series is long enough for a useful curve (twice the window).
     */
    public Optional<JFreeChart> rollingSharpe(List<SeriesSet> series, double periodsPerYear) {
        Optional<RollingWindow> maybe = rollingWindow(series, periodsPerYear);
        if (maybe.isEmpty()) return Optional.empty();
        int window = maybe.get().bars();
        DefaultXYDataset data = new DefaultXYDataset();
        List<SeriesSet> drawn = new ArrayList<>();
        double lo = 0, hi = 0;
        for (SeriesSet s : series) {
            if (s.wealth().length - 1 < 2 * window) continue;
            double[] sr = SeriesMath.rollingSharpe(s.wealth(), window, periodsPerYear);
            for (double v : sr) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            data.addSeries(s.strategy(), thinned(rollingTimes(s, window), sr));
            drawn.add(s);
        }
        NumberAxis range = new NumberAxis("Sharpe ratio (annualised)");
        range.setAutoRangeIncludesZero(true);
        double step = niceStep(hi - lo);
        range.setTickUnit(new NumberTickUnit(step, numberFormat(step)));
        XYPlot plot = new XYPlot(data, dateAxis(), range, lines(drawn));
        plot.addRangeMarker(new ValueMarker(0, ChartStyle.MUTED, REFERENCE));
        return Optional.of(finish(plot, rollingTitle(maybe.get()),
                "Trailing window, " + fmtPeriods(periodsPerYear) + " periods per year, rf = 0", true));
    }

    /** The rolling Sharpe chart's title, naming its window. */
    static String rollingTitle(RollingWindow w) {
        return "Rolling Sharpe ratio, " + w.describe();
    }

    /** The times of a rolling statistic's values: entry k belongs to bar k + window. */
    static long[] rollingTimes(SeriesSet s, int window) {
        return Arrays.copyOfRange(s.epochSeconds(), window, s.epochSeconds().length);
    }

    /**
     * Reward per training episode, one line per trained strategy, smoothed by a trailing mean over
     * about a fiftieth of the episodes (noisy rewards otherwise hide the trend). Empty when no
     * strategy has episodes.
     */
    public Optional<JFreeChart> trainingRewards(List<TrainingCurves> curves) {
        DefaultXYDataset data = new DefaultXYDataset();
        List<String> drawn = new ArrayList<>();
        int window = 1;
        for (TrainingCurves c : curves) {
            double[] r = c.episodeRewards();
            if (r.length == 0) continue;
            int w = Math.max(1, r.length / 50);
            window = Math.max(window, w);
            data.addSeries(c.strategy(), indexed(SeriesMath.trailingMean(r, w), 1));
            drawn.add(c.strategy());
        }
        if (drawn.isEmpty()) return Optional.empty();
        NumberAxis range = new NumberAxis("Episode reward");
        range.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, countAxis("Training episode"), range, namedLines(drawn));
        return Optional.of(finish(plot, "Training reward",
                window > 1 ? "Reward sum per episode, trailing mean over up to " + window + " episodes" : "Reward sum per episode",
                true));
    }

    /**
     * The validation metric after each training epoch, one line per trained strategy; the report
     * keeps each strategy's best epoch's model. Empty when no strategy was validated.
     */
    public Optional<JFreeChart> trainingValidation(List<TrainingCurves> curves) {
        DefaultXYDataset data = new DefaultXYDataset();
        List<String> drawn = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (TrainingCurves c : curves) {
            double[] v = c.validation();
            if (v.length == 0) continue;
            data.addSeries(c.strategy(), indexed(v, 1));
            drawn.add(c.strategy());
            if (!metrics.contains(c.metricName())) metrics.add(c.metricName());
        }
        if (drawn.isEmpty()) return Optional.empty();
        NumberAxis range = new NumberAxis("Validation " + String.join(" / ", metrics));
        range.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, countAxis("Epoch"), range, namedLines(drawn));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        for (int i = 0; i < drawn.size(); i++) r.setSeriesShapesVisible(i, true);
        return Optional.of(finish(plot, "Validation during training",
                String.join(" / ", metrics) + " on the validation split after each epoch", true));
    }

    /**
     * One series a stage reported, over the test span. A categorical series ({@code labels} not
     * empty: values index them) is a step chart whose y ticks are the labels, e.g. the member a
     * switcher chose; a numeric one is a line. Empty when the series has no finite value.
     */
    public Optional<JFreeChart> stageSeries(String strategy, String name, long[] epochSeconds, double[] values,
                                            List<String> labels) {
        boolean categorical = !labels.isEmpty();
        int[] keep = categorical ? Downsampler.changePoints(values, MAX_CURVE_POINTS)
                : Downsampler.minMaxIndices(values, MAX_CURVE_POINTS);
        double[] xs = new double[keep.length];
        double[] ys = new double[keep.length];
        int n = 0;
        for (int i : keep) {
            if (!Double.isFinite(values[i])) continue;
            xs[n] = millis(epochSeconds[i]);
            ys[n] = values[i];
            n++;
        }
        if (n == 0) return Optional.empty();
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries(name, new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)});
        XYLineAndShapeRenderer renderer = categorical ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, strategies.color(strategy));
        renderer.setSeriesStroke(0, CURVE);
        renderer.setDefaultShapesVisible(false);
        ValueAxis range;
        if (categorical) {
            SymbolAxis axis = new SymbolAxis(null, labels.toArray(new String[0]));
            axis.setGridBandsVisible(false);
            axis.setRange(-0.5, labels.size() - 0.5);
            range = axis;
        } else {
            NumberAxis axis = new NumberAxis(null);
            axis.setAutoRangeIncludesZero(false);
            range = axis;
        }
        XYPlot plot = new XYPlot(data, dateAxis(), range, renderer);
        return Optional.of(finish(plot, strategy + ": " + name, categorical
                ? "Category at each decision (" + labels.size() + " categories)" : "Value at each decision", false));
    }

    /** x = first, first + 1, ... and y = the values, thinned to {@link #MAX_CURVE_POINTS}, NaNs dropped. */
    private static double[][] indexed(double[] y, int first) {
        int[] keep = Downsampler.minMaxIndices(y, MAX_CURVE_POINTS);
        double[] xs = new double[keep.length];
        double[] ys = new double[keep.length];
        int n = 0;
        for (int i : keep) {
            if (!Double.isFinite(y[i])) continue;
            xs[n] = i + first;
            ys[n] = y[i];
            n++;
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.US));
        axis.setAutoRangeIncludesZero(false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0.01);
        return axis;
    }

    private XYLineAndShapeRenderer namedLines(List<String> names) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < names.size(); i++) {
            r.setSeriesPaint(i, strategies.color(names.get(i)));
            r.setSeriesStroke(i, names.size() > 5 ? THIN_CURVE : CURVE);
        }
        r.setLegendLine(new java.awt.geom.Line2D.Double(-9, 0, 9, 0));
        return r;
    }

    /** Renders a chart as a standalone SVG element; {@code id} prefixes its internal ids. */
    public static String svg(JFreeChart chart, int width, int height, String id) {
        return SvgCharts.render(chart, width, height, id);
    }

    private JFreeChart finish(XYPlot plot, String title, String subtitle, boolean legend) {
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, legend);
        return ChartStyle.apply(chart, subtitle);
    }

    private XYLineAndShapeRenderer lines(List<SeriesSet> series) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < series.size(); i++) {
            SeriesSet s = series.get(i);
            boolean isBenchmark = s.benchmark() || benchmark.isPresent() && benchmark.get().equals(s.strategy());
            r.setSeriesPaint(i, isBenchmark ? Palette.BENCHMARK : strategies.color(s.strategy()));
            r.setSeriesStroke(i, isBenchmark ? BENCHMARK_CURVE : series.size() > 5 ? THIN_CURVE : CURVE);
        }
        r.setLegendLine(new java.awt.geom.Line2D.Double(-9, 0, 9, 0));
        return r;
    }

    private static DateAxis dateAxis() {
        DateAxis axis = new DateAxis(null, UTC, Locale.US);
        axis.setStandardTickUnits(DATE_UNITS);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0.01);
        return axis;
    }

    /** Date ticks labelled the way a finance reader expects ("Mar 2019", "2019"), in UTC. */
    private static final TickUnits DATE_UNITS = dateUnits();

    private static TickUnits dateUnits() {
        TickUnits units = new TickUnits();
        for (int h : new int[] {1, 2, 4, 6, 12}) units.add(new DateTickUnit(DateTickUnitType.HOUR, h, utc("d MMM HH:mm")));
        for (int d : new int[] {1, 2, 7, 14}) units.add(new DateTickUnit(DateTickUnitType.DAY, d, utc("d MMM yyyy")));
        for (int m : new int[] {1, 2, 3, 6}) units.add(new DateTickUnit(DateTickUnitType.MONTH, m, utc("MMM yyyy")));
        for (int y : new int[] {1, 2, 5, 10, 20, 50}) units.add(new DateTickUnit(DateTickUnitType.YEAR, y, utc("yyyy")));
        return units;
    }

    private static DateFormat utc(String pattern) {
        SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.US);
        f.setTimeZone(UTC);
        return f;
    }

    /** x (epoch ms) and y arrays of a curve thinned to {@link #MAX_CURVE_POINTS}, NaNs dropped. */
    private static double[][] thinned(long[] epochSeconds, double[] y) {
        int[] keep = Downsampler.minMaxIndices(y, MAX_CURVE_POINTS);
        double[] xs = new double[keep.length];
        double[] ys = new double[keep.length];
        int n = 0;
        for (int i : keep) {
            if (!Double.isFinite(y[i])) continue;
            xs[n] = millis(epochSeconds[i]);
            ys[n] = y[i];
            n++;
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    private static double millis(long epochSeconds) {
        return epochSeconds * 1000.0;
    }

    /**
     * A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about five to eight ticks over
     * {@code span}; JFreeChart's own choice packs ticks as densely as the labels allow.
     */
    static double niceStep(double span) {
        if (!(span > 0) || !Double.isFinite(span)) return 0.1;
        double raw = span / 6;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * pow >= raw) return m * pow;
        }
        return 10 * pow;
    }

    /** Shows multiples of {@code step} with just the decimals they need (0.25 -> "0.00"). */
    static NumberFormat numberFormat(double step) {
        return new DecimalFormat(pattern(step), DecimalFormatSymbolsHolder.US);
    }

    /** Like {@link #numberFormat} for fractions shown as percentages (0.05 -> "5%"). */
    static NumberFormat percentFormat(double step) {
        return new DecimalFormat(pattern(step * 100) + "%", DecimalFormatSymbolsHolder.US);
    }

    private static String pattern(double step) {
        int digits = 0;
        while (digits < 8 && Math.abs(step * Math.pow(10, digits) - Math.rint(step * Math.pow(10, digits))) > 1e-6) {
            digits++;
        }
        return digits == 0 ? "0" : "0." + "0".repeat(digits);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String fmtPeriods(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    /** Locale-independent number symbols, so a report reads the same on every machine. */
    private static final class DecimalFormatSymbolsHolder {
        static final java.text.DecimalFormatSymbols US = java.text.DecimalFormatSymbols.getInstance(Locale.US);
    }

    /**
     * A strategy's weights grouped for display: top assets by average weight (largest first, at the
     * bottom of the stack), then "other", then cash.
     */
    record WeightLayers(List<String> names, double[] matrix, int rows, int cashIndex, int otherIndex, int grouped,
                        int neverHeld) {

        /** The least weight that counts as holding an asset at some decision (0.01 %). */
        static final double HELD = 1e-4;

        static Optional<WeightLayers> of(SeriesSet s, int top) {
            int rows = s.weightRows();
            if (rows == 0) return Optional.empty();
            List<String> cols = s.columns();
            int n = cols.size();
            boolean hasCash = cols.get(n - 1).equalsIgnoreCase("cash");
            int assets = hasCash ? n - 1 : n;
            double[] avg = new double[n];
            // Negative or non-finite entries (a broken run) would tear the stacked areas; draw them as 0.
            double[] w = s.weights().clone();
            for (int i = 0; i < w.length; i++) if (!(w[i] > 0) || !Double.isFinite(w[i])) w[i] = 0;
            double[] most = new double[n];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < n; c++) {
                    avg[c] += w[r * n + c];
                    most[c] = Math.max(most[c], w[r * n + c]);
                }
            }
            // Assets never held get no layer and no legend entry: the legend lists what was owned
            // (an optimiser's 1e-12 of an asset is rounding, not a holding)
            List<Integer> heldList = new ArrayList<>();
            for (int i = 0; i < assets; i++) if (most[i] >= HELD) heldList.add(i);
            int held = heldList.size();
            Integer[] order = heldList.toArray(new Integer[0]);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -avg[i]).thenComparing(i -> i));
            // Grouping a single asset as "other" hides its name for nothing.
            int shown = held <= top + 1 ? held : top;
            int grouped = held - shown;
            List<String> names = new ArrayList<>();
            for (int k = 0; k < shown; k++) names.add(cols.get(order[k]));
            int otherIndex = -1, cashIndex = -1;
            if (grouped > 0) {
                otherIndex = names.size();
                names.add("other");
            }
            // cash never held is left out too: an empty layer, a legend entry saying nothing
            boolean showCash = hasCash && most[n - 1] >= HELD;
            if (showCash) {
                cashIndex = names.size();
                names.add(cols.get(n - 1));
            }
            int m = names.size();
            if (m == 0) return Optional.empty();
            double[] out = new double[rows * m];
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < shown; k++) out[r * m + k] = w[r * n + order[k]];
                if (grouped > 0) {
                    double sum = 0;
                    for (int k = shown; k < held; k++) sum += w[r * n + order[k]];
                    out[r * m + otherIndex] = sum;
                }
                if (showCash) out[r * m + cashIndex] = w[r * n + n - 1];
            }
            return Optional.of(new WeightLayers(List.copyOf(names), out, rows, cashIndex, otherIndex, grouped,
                    assets - held));
        }

        boolean isCash(int c) {
            return c == cashIndex;
        }

        boolean isOther(int c) {
            return c == otherIndex;
        }

        String legendLabel(int c) {
            return isOther(c) ? "other (" + grouped + " assets)" : names.get(c);
        }

        String subtitle() {
            return (grouped > 0
                    ? "Top " + (names.size() - 1 - (cashIndex >= 0 ? 1 : 0)) + " assets by average weight; "
                            + grouped + " more summed as other"
                    : "Portfolio weights over time") + leftOutNote();
        }

        /** E.g. {@code "; 3 assets never held not shown"}, empty when every asset was held. */
        String leftOutNote() {
            return neverHeld == 0 ? "" : "; " + neverHeld + (neverHeld == 1 ? " asset" : " assets") + " never held not shown";
        }
    }
}
