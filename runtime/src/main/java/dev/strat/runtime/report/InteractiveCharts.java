package dev.strat.runtime.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The report's interactive charts (equity, drawdown, rolling Sharpe, the headline metric, the
 * walk-forward windows, training curves and stage series): their data as one compact
 * JSON object in the page, drawn by the bundled uPlot library (zoom by dragging, values under the
 * cursor, series toggled from the legend). The static SVG/PNG exports stay files beside the page.
 *
 * <p>Each chart is drawn from at most {@link #MAX_POINTS} time points shared by all its lines: the
 * union of every line's bucket extremes ({@link Downsampler#minMaxIndices}), so every drawn value
 * is a real value at a real bar and each line keeps its peaks and troughs; the full series are in
 * {@code equity.csv}.
 */
final class InteractiveCharts {

    /** Version of the bundled uPlot (resources under {@code uplot/}). */
    static final String UPLOT_VERSION = "1.6.32";
    /** Most time points one interactive chart is drawn from. */
    static final int MAX_POINTS = 700;
    private static final MathContext DIGITS = new MathContext(4);

    private InteractiveCharts() {
    }

    /**
     * One line (or, in a bar chart, one bar): a name, its colour, whether it is a benchmark (dashed),
     * its x positions and values, and optionally a ± whisker per value ({@code null} for none).
     *
     * @param epochSeconds the x positions: epoch seconds on a time axis, else the episode, epoch or
     *                     category index
     */
    record Line(String name, String color, boolean benchmark, long[] epochSeconds, double[] values, double[] whiskers) {

        Line(String name, String color, boolean benchmark, long[] epochSeconds, double[] values) {
            this(name, color, benchmark, epochSeconds, values, null);
        }
    }

    /** How a chart's x axis reads. */
    enum Axis {
        /** epoch seconds, drawn as dates */
        TIME,
        /** counts such as training episodes or epochs */
        COUNT,
        /** categories 0..n-1, named by the chart's {@code xLabels} */
        CATEGORY
    }

    /** How a chart's values are drawn. */
    enum Style {
        /** lines */
        LINE,
        /** lines with a dot at every value (few values: epochs, walk-forward windows) */
        POINTS,
        /** a step per change, the y ticks named by {@code yLabels} (a categorical stage series) */
        STEPS,
        /** one bar per line at its category, with its whisker */
        BARS
    }

    /**
     * One chart.
     *
     * @param id        the element's key in the page's data object
     * @param title     heading drawn above the plot
     * @param format    how values read: {@code "x"} (wealth multiple), {@code "pct"} (fraction shown as
     *                  a percentage) or {@code "num"}
     * @param log       log-scaled y axis
     * @param reference a horizontal reference line's value (1 for wealth, 0 otherwise), NaN for none
     * @param markers   epoch seconds of dotted vertical lines (walk-forward window boundaries)
     * @param axis      how x reads
     * @param xName     what x is, shown in the legend's first column ("Date", "Episode", "Strategy")
     * @param xLabels   the categories' names of a {@link Axis#CATEGORY} axis
     * @param yLabels   the categories' names of a {@link Style#STEPS} chart's y axis
     * @param style     how the values are drawn
     */
    record Chart(String id, String title, String format, boolean log, double reference, long[] markers, int height,
                 List<Line> lines, Axis axis, String xName, List<String> xLabels, List<String> yLabels, Style style) {

        Chart {
            xLabels = List.copyOf(xLabels);
            yLabels = List.copyOf(yLabels);
        }

        /** A chart of lines over time. */
        Chart(String id, String title, String format, boolean log, double reference, long[] markers, int height,
              List<Line> lines) {
            this(id, title, format, log, reference, markers, height, lines, Axis.TIME, "Date", List.of(), List.of(), Style.LINE);
        }
    }

    /**
     * {@code chart} as a JSON object: {@code x} the shared times (epoch seconds) and per line its
     * values at those times ({@code null} where it has no bar there or its value is undefined).
     */
    static String json(Chart chart) {
        long[] x = sharedTimes(chart.lines(), MAX_POINTS, chart.style() == Style.STEPS);
        StringBuilder j = new StringBuilder(64 + x.length * 8 * (1 + chart.lines().size()));
        j.append("{\"title\":").append(Html.jsonString(chart.title()))
                .append(",\"fmt\":\"").append(chart.format()).append('"')
                .append(",\"log\":").append(chart.log())
                .append(",\"height\":").append(chart.height());
        if (Double.isFinite(chart.reference())) j.append(",\"ref\":").append(number(chart.reference()));
        // only what differs from a time chart of lines, so the equity, drawdown and rolling data stay as small
        if (chart.axis() != Axis.TIME) j.append(",\"xkind\":\"").append(chart.axis().name().toLowerCase(java.util.Locale.ROOT)).append('"');
        if (!chart.xName().equals("Date")) j.append(",\"xname\":").append(Html.jsonString(chart.xName()));
        if (chart.style() != Style.LINE) j.append(",\"style\":\"").append(chart.style().name().toLowerCase(java.util.Locale.ROOT)).append('"');
        if (!chart.xLabels().isEmpty()) j.append(",\"xlabels\":").append(strings(chart.xLabels()));
        if (!chart.yLabels().isEmpty()) j.append(",\"ylabels\":").append(strings(chart.yLabels()));
        j.append(",\"markers\":[");
        for (int i = 0; i < chart.markers().length; i++) j.append(i == 0 ? "" : ",").append(chart.markers()[i]);
        j.append("],\"x\":[");
        for (int i = 0; i < x.length; i++) j.append(i == 0 ? "" : ",").append(x[i]);
        j.append("],\"lines\":[");
        for (int l = 0; l < chart.lines().size(); l++) {
            Line line = chart.lines().get(l);
            j.append(l == 0 ? "" : ",").append("{\"name\":").append(Html.jsonString(line.name()))
                    .append(",\"color\":\"").append(line.color()).append('"');
            if (line.benchmark()) j.append(",\"benchmark\":true");
            j.append(",\"y\":");
            long[] t = line.epochSeconds();
            at(j, x, t, line.values());
            if (line.whiskers() != null) {
                j.append(",\"err\":");
                at(j, x, t, line.whiskers());
            }
            j.append('}');
        }
        return j.append("]}").toString();
    }

    /** {@code values} (at positions {@code t}) at each of {@code x} as a JSON array, {@code null} where there is none. */
    private static void at(StringBuilder j, long[] x, long[] t, double[] values) {
        j.append('[');
        for (int i = 0; i < x.length; i++) {
            int k = Arrays.binarySearch(t, x[i]);
            double v = k >= 0 ? values[k] : Double.NaN;
            j.append(i == 0 ? "" : ",").append(Double.isFinite(v) ? number(v) : "null");
        }
        j.append(']');
    }

    private static String strings(List<String> texts) {
        StringBuilder j = new StringBuilder("[");
        for (int i = 0; i < texts.size(); i++) j.append(i == 0 ? "" : ",").append(Html.jsonString(texts.get(i)));
        return j.append(']').toString();
    }

    /**
     * The times all lines are drawn at: the union of each line's kept extremes, with a budget per
     * line so the union stays within {@code maxPoints}.
     */
    static long[] sharedTimes(List<Line> lines, int maxPoints) {
        return sharedTimes(lines, maxPoints, false);
    }

    /** As {@link #sharedTimes(List, int)}; with {@code changes}, each line's change points (a step chart's steps) instead of extremes. */
    static long[] sharedTimes(List<Line> lines, int maxPoints, boolean changes) {
        TreeSet<Long> union = new TreeSet<>();
        if (lines.isEmpty()) return new long[0];
        int budget = Math.max(4, maxPoints / lines.size());
        for (Line line : lines) {
            int[] kept = changes ? Downsampler.changePoints(line.values(), budget) : Downsampler.minMaxIndices(line.values(), budget);
            for (int i : kept) {
                if (Double.isFinite(line.values()[i])) union.add(line.epochSeconds()[i]);
            }
        }
        long[] out = new long[union.size()];
        int i = 0;
        for (long t : union) out[i++] = t;
        return out;
    }

    /** {@code v} to four significant digits, without exponent or trailing zeros. */
    static String number(double v) {
        if (v == 0) return "0";
        // JSON wants the leading zero of "0.5"; the headless-browser test caught ".5"
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
    }

    /** The page's data element: every chart's JSON under its id, read by {@link #script()}. */
    static String dataElement(List<Chart> charts) {
        StringBuilder j = new StringBuilder("<script id=\"chart-data\" type=\"application/json\">{");
        for (int i = 0; i < charts.size(); i++) {
            // "</" cannot occur: Html.jsonString escapes every angle bracket
            j.append(i == 0 ? "" : ",").append('"').append(charts.get(i).id()).append("\":").append(json(charts.get(i)));
        }
        return j.append("}</script>\n").toString();
    }

    /** The element a chart is drawn into, with the SVG export as a fallback when scripts are off. */
    static String placeholder(String id, String svgFile) {
        return "<div class=\"chart\" data-chart=\"" + id + "\"><noscript><img src=\"" + Html.escape(svgFile)
                + "\" alt=\"" + Html.escape(id) + " chart\" width=\"100%\"></noscript></div>";
    }

    /** The style sheet: uPlot's, then the page's own additions for the charts. */
    static String css() {
        return resource("uplot/uPlot.min.css") + "\n" + """
                .chart{min-height:120px}
                .chart .u-title{text-align:left;font-size:1rem;font-weight:650;padding:0 0 .2rem 4px}
                .chart .u-legend{font-size:.8rem;text-align:left}
                .chart .u-legend th{font-weight:500}
                .chart-error{color:#a00}
                """;
    }

    /** uPlot (inlined once per page, its licence banner kept) and the code drawing each chart. */
    static String script() {
        return "<script>\n" + resource("uplot/uPlot.iife.min.js") + "\n</script>\n<script>\n" + resource("charts.js")
                + "</script>\n";
    }

    private static String resource(String name) {
        try (InputStream in = InteractiveCharts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing report resource " + name + " (broken jar?)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines for the given series and values, coloured by {@code palette}. */
    static List<Line> lines(List<SeriesSet> series, List<long[]> times, List<double[]> values, Palette palette) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            SeriesSet s = series.get(i);
            out.add(new Line(s.strategy(), Palette.hex(palette.color(s.strategy())), s.benchmark(), times.get(i),
                    values.get(i)));
        }
        return out;
    }
}
