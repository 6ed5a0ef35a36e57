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
 * The report's interactive charts (equity, drawdown, rolling Sharpe): their data as one compact
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

    /** One line: a name, its colour, whether it is a benchmark (dashed), its times and values. */
    record Line(String name, String color, boolean benchmark, long[] epochSeconds, double[] values) {
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
     */
    record Chart(String id, String title, String format, boolean log, double reference, long[] markers, int height,
                 List<Line> lines) {
    }

    /**
     * {@code chart} as a JSON object: {@code x} the shared times (epoch seconds) and per line its
     * values at those times ({@code null} where it has no bar there or its value is undefined).
     */
    static String json(Chart chart) {
        long[] x = sharedTimes(chart.lines(), MAX_POINTS);
        StringBuilder j = new StringBuilder(64 + x.length * 8 * (1 + chart.lines().size()));
        j.append("{\"title\":").append(Html.jsonString(chart.title()))
                .append(",\"fmt\":\"").append(chart.format()).append('"')
                .append(",\"log\":").append(chart.log())
                .append(",\"height\":").append(chart.height());
        if (Double.isFinite(chart.reference())) j.append(",\"ref\":").append(number(chart.reference()));
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
            j.append(",\"y\":[");
            long[] t = line.epochSeconds();
            for (int i = 0; i < x.length; i++) {
                int k = Arrays.binarySearch(t, x[i]);
                double v = k >= 0 ? line.values()[k] : Double.NaN;
                j.append(i == 0 ? "" : ",").append(Double.isFinite(v) ? number(v) : "null");
            }
            j.append("]}");
        }
        return j.append("]}").toString();
    }

    /**
     * The times all lines are drawn at: the union of each line's kept extremes, with a budget per
     * line so the union stays within {@code maxPoints}.
     */
    static long[] sharedTimes(List<Line> lines, int maxPoints) {
        TreeSet<Long> union = new TreeSet<>();
        if (lines.isEmpty()) return new long[0];
        int budget = Math.max(4, maxPoints / lines.size());
        for (Line line : lines) {
            for (int i : Downsampler.minMaxIndices(line.values(), budget)) {
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
