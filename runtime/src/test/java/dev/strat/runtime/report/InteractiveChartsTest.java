package dev.strat.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interactive charts' data, the palette, the rolling window, the benchmark and the weights charts. */
class InteractiveChartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every drawn value is the series' own value at that bar, and each line keeps its extremes. */
    @Test
    void chartDataIsBoundedExactAndParses(@TempDir Path tmp) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 11; i++) names.add("s" + i + (i == 3 ? " </script><b>" : ""));
        ReportData data = Synthetic.data(names, names, 2000, 11);
        ReportWriter.write(data, tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        JsonNode charts = JSON.readTree(between(html, "<script id=\"chart-data\" type=\"application/json\">", "</script>"));
        assertFalse(html.contains("</script><b>"), "a name cannot end the data element early");

        JsonNode equity = charts.get("equity");
        JsonNode x = equity.get("x");
        assertTrue(x.size() <= InteractiveCharts.MAX_POINTS && x.size() > 300, "shared points: " + x.size());
        assertEquals(11, equity.get("lines").size());
        assertEquals("s3 </script><b>", equity.get("lines").get(3).get("name").asText());
        for (int l = 0; l < 11; l++) {
            SeriesSet s = data.series().get(l);
            double[] w = SeriesMath.normalised(s.wealth());
            JsonNode y = equity.get("lines").get(l).get("y");
            assertEquals(x.size(), y.size());
            for (int i = 0; i < x.size(); i++) {
                int bar = java.util.Arrays.binarySearch(s.epochSeconds(), x.get(i).asLong());
                assertTrue(bar >= 0, "a drawn time is a bar of the series");
                assertEquals(w[bar], y.get(i).asDouble(), Math.abs(w[bar]) * 1e-3);
            }
        }
        // the deepest drawdown of every line is among the drawn points
        JsonNode dd = charts.get("drawdown");
        for (int l = 0; l < 11; l++) {
            double worst = -SeriesMath.maxDrawdown(data.series().get(l).wealth());
            double drawnWorst = 0;
            for (JsonNode v : dd.get("lines").get(l).get("y")) drawnWorst = Math.min(drawnWorst, v.asDouble());
            assertEquals(worst, drawnWorst, Math.abs(worst) * 1e-3, "max drawdown of line " + l + " drawn");
        }
        assertEquals("pct", dd.get("fmt").asText());
        assertEquals("Rolling Sharpe ratio, 3-month window (63 bars)", charts.get("rolling-sharpe").get("title").asText());
    }

    @Test
    void numbersAreValidJsonWithFourDigits() {
        assertEquals("0.9594", InteractiveCharts.number(0.959412));
        assertEquals("-0.1235", InteractiveCharts.number(-0.123456));
        assertEquals("12350", InteractiveCharts.number(12345.6));
        assertEquals("1", InteractiveCharts.number(1.0));
        assertEquals("0", InteractiveCharts.number(0.0));
        assertEquals("\"a\\\"b\\u003c/script\\u003e\"", Html.jsonString("a\"b</script>"));
    }

    /** Sized by the market's bars per year: a 63-hour Sharpe on hourly data is noise. */
    @Test
    void rollingWindowFollowsTheDataFrequency() {
        ReportCharts.RollingWindow daily = ReportCharts.RollingWindow.of(252, 1000).orElseThrow();
        assertEquals(63, daily.bars());
        assertEquals("3-month window (63 bars)", daily.describe());
        assertEquals(2190, ReportCharts.RollingWindow.of(24 * 365, 20_000).orElseThrow().bars());
        assertEquals(1512, ReportCharts.RollingWindow.of(252 * 24, 20_000).orElseThrow().bars());
        ReportCharts.RollingWindow shortTest = ReportCharts.RollingWindow.of(252, 100).orElseThrow();
        assertEquals(21, shortTest.bars());
        assertEquals("1-month", shortTest.span());
        assertTrue(ReportCharts.RollingWindow.of(252, 30).isEmpty());

        long[] t = new long[6000];
        for (int i = 0; i < t.length; i++) t[i] = 1_600_000_000L + 3600L * i;
        SeriesSet hourly = SeriesSet.withoutWeights("h", t, Synthetic.wealth(6000, 0, 0.002, 5));
        JFreeChart chart = new ReportCharts(Palette.forStrategies(List.of("h"))).rollingSharpe(List.of(hourly), 24 * 365)
                .orElseThrow();
        assertEquals("Rolling Sharpe ratio, 3-month window (2,190 bars)", chart.getTitle().getText());
        XYPlot plot = chart.getXYPlot();
        assertEquals(1_600_000_000_000.0 + 3_600_000.0 * 2190, plot.getDataset().getXValue(0, 0), 1,
                "the first value belongs to the bar that completes the first window");
    }

    /** No two of twelve strategies near-identical, and none near the benchmark's grey. */
    @Test
    void twelveStrategyColoursAreDistinct() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) names.add("s" + i);
        Palette p = Palette.forStrategies(names);
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 12; i++) {
            assertTrue(Ciede2000.distance(p.color(names.get(i)), Palette.BENCHMARK) >= 20, names.get(i) + " too near grey");
            for (int j = i + 1; j < 12; j++) {
                least = Math.min(least, Ciede2000.distance(p.color(names.get(i)), p.color(names.get(j))));
            }
        }
        assertTrue(least >= 20, "least pairwise CIEDE2000 difference " + least);
    }

    @Test
    void ciede2000MatchesSharmaReferenceData() {
        // Sharma, Wu and Dalal (2005), pairs 1, 7 and 17 of their test data
        assertEquals(2.0425, Ciede2000.distance(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}), 1e-4);
        assertEquals(2.3669, Ciede2000.distance(new double[] {50, 0, 0}, new double[] {50, -1, 2}), 1e-4);
        assertEquals(27.1492, Ciede2000.distance(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}), 1e-4);
    }

    /** A series flagged as benchmark is dashed grey everywhere, takes no strategy colour and has no weights chart. */
    @Test
    void benchmarkIsDashedGrey(@TempDir Path tmp) throws Exception {
        ReportData base = Synthetic.data(List.of("a", "b"), List.of("a", "b"), 300, 3);
        List<SeriesSet> series = new ArrayList<>();
        SeriesSet bench = new SeriesSet("^GSPC", Synthetic.days(300), Synthetic.wealth(300, 0, 0.01, 3),
                Synthetic.columns(3), Synthetic.weights(299, 3, 4)).asBenchmark();
        series.add(bench);
        series.addAll(base.series());
        ReportData data = new ReportData(base.title(), "", base.settings(), base.metricColumns(), base.table(), series,
                252, List.of());
        List<Path> files = ReportWriter.write(data, tmp);
        assertFalse(files.contains(tmp.resolve("weights-_GSPC.svg")), "no weights chart for the benchmark");
        JsonNode line = JSON.readTree(between(Files.readString(tmp.resolve("index.html")),
                "<script id=\"chart-data\" type=\"application/json\">", "</script>")).get("equity").get("lines").get(0);
        assertEquals("^GSPC", line.get("name").asText());
        assertTrue(line.get("benchmark").asBoolean());
        assertEquals("#7f7f7f", line.get("color").asText());

        Palette palette = Palette.forStrategies(List.of("^GSPC", "a", "b"), List.of("^GSPC"));
        assertEquals(Palette.BENCHMARK, palette.color("^GSPC"));
        assertEquals(new Color(Palette.STRATEGY_RGB[0]), palette.color("a"), "the benchmark takes no strategy colour");
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) new ReportCharts(palette).equity(series).getXYPlot().getRenderer();
        assertEquals(Palette.BENCHMARK, r.getSeriesPaint(0));
        assertNotNull(((BasicStroke) r.getSeriesStroke(0)).getDashArray(), "benchmark dashed");
        assertNull(((BasicStroke) r.getSeriesStroke(1)).getDashArray(), "strategies solid");
    }

    /** Assets never held have no layer and no legend entry. */
    @Test
    void weightsLegendListsOnlyHeldAssets() {
        int rows = 200;
        List<String> cols = List.of("HELD", "NEVER", "ALSO", "cash");
        double[] w = new double[rows * 4];
        for (int r = 0; r < rows; r++) {
            w[r * 4] = 0.5;
            w[r * 4 + 2] = r < 20 ? 0.3 : 0; // held for a while, then sold
            w[r * 4 + 3] = 1 - w[r * 4] - w[r * 4 + 2];
        }
        SeriesSet s = new SeriesSet("x", Synthetic.days(rows + 1), Synthetic.wealth(rows + 1, 0, 0.01, 1), cols, w);
        JFreeChart chart = new ReportCharts(Palette.forStrategies(List.of("x"))).weights(s, Palette.forAssets(cols.subList(0, 3)))
                .orElseThrow();
        List<String> legend = new ArrayList<>();
        org.jfree.chart.LegendItemCollection items = chart.getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) legend.add(items.get(i).getLabel());
        assertEquals(List.of("cash", "ALSO", "HELD"), legend);
        String svg = ReportCharts.svg(chart, 1000, 340, "w");
        assertFalse(svg.contains(">NEVER<"));
        assertTrue(svg.contains("1 asset never held not shown"), "the subtitle says so");
        assertTrue(chart.getXYPlot().getRenderer() instanceof XYAreaRenderer, "a slow trader keeps the stacked chart");
    }

    /**
     * The other charts' data say how to draw them: a category axis with its names and bars with
     * whiskers (the headline metric), steps named by their categories (a categorical stage series),
     * counts (training); a chart of lines over time carries none of it, so the page stays as small.
     */
    @Test
    void chartDataSaysItsAxisStyleAndLabels() throws Exception {
        Palette palette = Palette.forStrategies(List.of("a", "b"));
        ReportRow a = new ReportRow("a", "a", List.of("0.50"), new double[] {0.5}, new double[] {0.1});
        ReportRow b = new ReportRow("b", "b", List.of("n/a"), new double[] {Double.NaN}, new double[] {Double.NaN});
        ReportRow c = new ReportRow("c<1>", "c", List.of("-0.20"), new double[] {-0.2}, new double[] {Double.NaN});
        InteractiveCharts.Chart bars = MoreCharts.headline("metric-sharpe", "Sharpe", List.of(a, b, c),
                MetricColumn.of(dev.strat.runtime.metrics.MetricId.SHARPE), 0, 300, palette).orElseThrow();
        JsonNode j = new ObjectMapper().readTree(InteractiveCharts.json(bars));
        assertEquals("category", j.get("xkind").asText());
        assertEquals("bars", j.get("style").asText());
        // b has no value: no bar, no category
        assertEquals("[\"a\",\"c<1>\"]", j.get("xlabels").toString());
        assertEquals("[0,1]", j.get("x").toString());
        assertEquals("[0.5,null]", j.get("lines").get(0).get("y").toString());
        assertEquals("[0.1,null]", j.get("lines").get(0).get("err").toString());
        assertEquals("[null,-0.2]", j.get("lines").get(1).get("y").toString());
        assertNull(j.get("lines").get(1).get("err"), "no whisker without a spread across seeds");

        long[] t = Synthetic.days(6);
        InteractiveCharts.Chart steps = MoreCharts.stageSeries("stage-a-member", "a", "member", t, new double[] {0, 0, 1, 1, 2, 0},
                List.of("x", "y", "z"), 200, palette).orElseThrow();
        JsonNode s = new ObjectMapper().readTree(InteractiveCharts.json(steps));
        assertEquals("steps", s.get("style").asText());
        assertEquals("[\"x\",\"y\",\"z\"]", s.get("ylabels").toString());
        assertNull(s.get("xkind"), "a time axis is the default");
        assertTrue(MoreCharts.stageSeries("s", "a", "nothing", t, new double[6], List.of(), 200, palette).isPresent());
        double[] nan = new double[6];
        java.util.Arrays.fill(nan, Double.NaN);
        assertTrue(MoreCharts.stageSeries("s", "a", "nothing", t, nan, List.of(), 200, palette).isEmpty());

        InteractiveCharts.Chart rewards = MoreCharts.trainingRewards("training-reward",
                List.of(new TrainingCurves("a", new double[] {1, 2, 3}, new double[0], "sharpe")), 300, palette).orElseThrow();
        JsonNode r = new ObjectMapper().readTree(InteractiveCharts.json(rewards));
        assertEquals("count", r.get("xkind").asText());
        assertEquals("Episode", r.get("xname").asText());
        assertEquals("[1,2,3]", r.get("x").toString());
        assertTrue(MoreCharts.trainingValidation("v", List.of(new TrainingCurves("a", new double[] {1}, new double[0], "sharpe")),
                300, palette).isEmpty(), "nothing validated, no chart");

        String plain = InteractiveCharts.json(new InteractiveCharts.Chart("equity", "E", "x", false, 1, new long[0], 300,
                List.of(new InteractiveCharts.Line("a", "#000000", false, t, new double[] {1, 2, 3, 4, 5, 6}))));
        for (String key : List.of("xkind", "style", "xlabels", "ylabels", "xname", "err")) assertFalse(plain.contains("\"" + key + "\""), key);
    }

    /** A strategy flipping between assets every bar is drawn as a heatmap, not a comb of spikes. */
    @Test
    void fastTraderWeightsBecomeAHeatmap() {
        int rows = 3000, n = 4;
        double[] w = new double[rows * n];
        for (int r = 0; r < rows; r++) w[r * n + (r % 7 < 3 ? 0 : r % 7 < 5 ? 1 : 2)] = 1; // one asset at a time
        long[] t = new long[rows + 1];
        for (int i = 0; i <= rows; i++) t[i] = 1_600_000_000L + 3600L * i;
        SeriesSet s = new SeriesSet("fast", t, Synthetic.wealth(rows + 1, 0, 0.002, 2), List.of("A", "B", "C", "cash"), w);
        JFreeChart chart = new ReportCharts(Palette.forStrategies(List.of("fast"))).weights(s, Palette.forAssets(List.of("A", "B", "C")))
                .orElseThrow();
        assertTrue(ReportCharts.isHeatmap(chart), "heatmap");
        // 3000 one-bar decision periods are more than the plot's columns: whole periods are grouped, 4 per column
        var cells = chart.getXYPlot().getDataset();
        java.util.Set<Double> columns = new java.util.HashSet<>();
        for (int i = 0; i < cells.getItemCount(0); i++) columns.add(cells.getXValue(0, i));
        assertEquals(750, columns.size());
        assertTrue(cells.getItemCount(0) <= 750 * 3, "at most one cell per asset held (cash never was) and column");
        String svg = ReportCharts.svg(chart, 1000, 340, "h");
        assertTrue(svg.contains("Trades often: each column the mean of 4 decision periods of 1 bar"), "the subtitle says why and how");
    }

    /**
     * A strategy deciding once a day on hourly bars (24 a day) gets one column per day, whatever the
     * drift between decisions; the PNG the report writes for it stays small, and an asset held at
     * 1e-12 (rounding) is not listed.
     */
    @Test
    void aDailyTraderOnHourlyBarsHasAColumnPerDay(@TempDir Path tmp) throws Exception {
        int days = 120, rows = days * 24, n = 5;
        double[] w = new double[rows * n];
        double[] turnover = new double[rows];
        for (int r = 0; r < rows; r++) {
            int day = r / 24;
            int asset = day % 3;
            // drifting a little within the day, flipping asset at each day's first bar
            double drift = 0.02 * (r % 24) / 24.0;
            w[r * n + asset] = 0.9 - drift;
            w[r * n + 3] = 1e-12;
            w[r * n + 4] = 0.1 + drift - 1e-12;
            if (r % 24 == 0) turnover[r] = 1.8;
        }
        long[] t = new long[rows + 1];
        for (int i = 0; i <= rows; i++) t[i] = 1_600_000_000L + 3600L * i;
        assertEquals(24, SeriesSet.decisionPeriod(turnover));
        SeriesSet s = new SeriesSet("daily", t, Synthetic.wealth(rows + 1, 0, 0.002, 3), List.of("A", "B", "C", "ROUNDING", "cash"), w,
                false, SeriesSet.decisionPeriod(turnover));
        JFreeChart chart = new ReportCharts(Palette.forStrategies(List.of("daily")))
                .weights(s, Palette.forAssets(List.of("A", "B", "C", "ROUNDING"))).orElseThrow();
        assertTrue(ReportCharts.isHeatmap(chart), "heatmap");
        // one column a day: A, B or C at about 90 %, cash at about 10 %; ROUNDING is not a row
        assertEquals(days * 2, chart.getXYPlot().getDataset().getItemCount(0));
        String[] rowsShown = ((org.jfree.chart.axis.SymbolAxis) chart.getXYPlot().getRangeAxis()).getSymbols();
        assertEquals(List.of("cash", "C", "B", "A"), List.of(rowsShown));
        String svg = ReportCharts.svg(chart, 1000, 340, "d");
        assertTrue(svg.contains("one column per decision period (24 bars)"), "subtitle");
        assertTrue(svg.contains("1 asset never held not shown"), "subtitle");

        ReportData data = new ReportData("t", "s", java.util.Map.of(), List.of(), List.of(), List.of(s), 24 * 365, List.of(),
                List.of(), List.of(), java.util.Optional.empty(), java.util.Optional.empty());
        List<Path> files = ReportWriter.write(data, tmp);
        Path png = tmp.resolve("weights-daily.png");
        assertTrue(files.contains(png), files.toString());
        assertFalse(Files.exists(tmp.resolve("weights-daily.svg")), "a heatmap is written as a PNG only");
        assertTrue(Files.size(png) < 100_000, "heatmap PNG is " + Files.size(png) + " bytes");
        assertTrue(Files.readString(tmp.resolve("index.html")).contains("src=\"weights-daily.png\""));
    }

    static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        assertTrue(a >= 0, from + " missing");
        a += from.length();
        return s.substring(a, s.indexOf(to, a));
    }
}
