package dev.strat.runtime.report;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.DateRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.RandomWalkMarket;
import dev.strat.runtime.data.WalkForward;
import dev.strat.runtime.experiment.ExperimentResult;
import dev.strat.runtime.experiment.ExperimentRunner;
import dev.strat.runtime.experiment.ExperimentSpec;
import dev.strat.runtime.experiment.NamedStrategy;
import dev.strat.runtime.experiment.Protocol;
import dev.strat.runtime.experiment.StrategyResult;
import dev.strat.runtime.experiment.TableRenderer;
import dev.strat.runtime.experiment.TrainStep;
import dev.strat.runtime.experiment.TrainingLog;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML report of a walk-forward experiment: its per-window table and chart, and window boundaries. */
class WindowReportTest {

    static final MarketData MARKET = RandomWalkMarket.of(3, 420, 17);
    static final List<MetricId> METRICS = List.of(MetricId.ANNUAL_RETURN, MetricId.SHARPE, MetricId.MAX_DRAWDOWN);

    /** A "learner" whose holding moves to the next asset each window, so the best strategy changes by window. */
    static NamedStrategy rotating() {
        return NamedStrategy.trained("rotate", "rotate(by=window)", (run, market, previous) -> {
            double[] w = new double[4];
            w[run.window() % 3] = 1;
            return new TrainStep.Trained(TestStages.constant("rotate", w),
                    new TrainingLog(new double[] {run.window()}, new double[0], "sharpe"));
        });
    }

    static List<NamedStrategy> strategies() {
        return List.of(rotating(),
                new NamedStrategy("ucrp", "ucrp", seed -> TestStages.constant("ucrp", 1 / 3.0, 1 / 3.0, 1 / 3.0, 0)),
                new NamedStrategy("first", "hold(A)", seed -> TestStages.constant("first", 1, 0, 0, 0)));
    }

    static ExperimentResult walkForward() {
        Protocol.WalkForward wf = Protocol.WalkForward.of(WalkForward.windows(MARKET, 120, 60, DateRange.all(), false),
                Protocol.Retrain.SCRATCH, 20);
        return new ExperimentRunner(2).run(new ExperimentSpec("wf", MARKET, wf, strategies(), ExperimentSpec.seeds(2),
                new BacktestConfig(1e6, 0.001, 0, 0), METRICS, MetricOptions.DEFAULT, Optional.empty()));
    }

    @Test
    void walkForwardReportShowsEveryWindowInATableAndAChart(@TempDir Path tmp) throws Exception {
        ExperimentResult result = walkForward();
        List<Protocol.Window> windows = result.spec().protocol().windows();
        assertEquals(5, windows.size()); // bars 120..419 in blocks of 60
        ReportData data = ExperimentReportData.of(result, Map.of(), List.of());
        WindowTable table = data.windows().orElseThrow();
        assertEquals("sharpe", table.metric().name(), "the terminal's per-window metric");
        assertEquals(List.of("rotate", "ucrp", "first"), table.strategies());
        assertEquals(windows.size(), table.rows().size());
        for (int k = 0; k < windows.size(); k++) {
            Protocol.Window w = windows.get(k);
            WindowTable.Row row = table.rows().get(k);
            assertEquals(k, row.index());
            assertEquals(date(w.train().orElseThrow().from()) + " .. " + date(w.train().orElseThrow().to() - 1), row.train());
            assertEquals(date(w.valid().orElseThrow().from()) + " .. " + date(w.valid().orElseThrow().to() - 1), row.valid());
            assertEquals(date(w.test().from()) + " .. " + date(w.test().to()), row.test());
            assertEquals(MARKET.time(w.test().from()), row.testStart());
            for (int c = 0; c < 3; c++) {
                StrategyResult s = result.strategies().get(c);
                assertEquals(s.windows().get(k).summary(MetricId.SHARPE).mean(), row.values()[c], 0, s.name() + " window " + k);
                assertEquals(TableRenderer.cell(MetricId.SHARPE, row.values()[c], Double.NaN), row.cells().get(c));
            }
        }

        Path dir = tmp.resolve("report");
        List<Path> files = ReportWriter.write(data, dir);
        preview(dir, "windows");
        assertTrue(files.contains(dir.resolve("windows-sharpe.svg")), files.toString());
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<a href=\"#windows\">Windows</a>"), "listed in the page's navigation");

        // the table: one row per window with its train, valid and test dates, each window's best in bold
        String tableHtml = between(html, "<table id=\"window-table\">", "</table>");
        for (String s : table.strategies()) assertTrue(tableHtml.contains("</span>" + s + "</th>"), s + " is a column");
        List<String> trs = rows(tableHtml);
        assertEquals(windows.size(), trs.size());
        for (int k = 0; k < trs.size(); k++) {
            WindowTable.Row row = table.rows().get(k);
            List<String> tds = cells(trs.get(k));
            assertEquals(List.of(Integer.toString(k), row.train(), row.valid(), row.test()), tds.subList(0, 4));
            assertEquals(row.cells(), tds.subList(4, 7));
            double max = Math.max(row.values()[0], Math.max(row.values()[1], row.values()[2]));
            List<Integer> expected = new java.util.ArrayList<>();
            for (int c = 0; c < 3; c++) if (row.values()[c] == max) expected.add(4 + c);
            assertEquals(expected, bestCells(trs.get(k)), "window " + k + ": the highest Sharpe is marked");
        }
        // the marks follow each window, not the column: different windows have different winners
        assertTrue(table.rows().stream().map(r -> bestCells(trs.get(r.index()))).distinct().count() > 1,
                "best strategy differs between windows");

        // the chart: one bar series per strategy, one value per window, inline and as a file
        JFreeChart chart = new ReportCharts(Palette.forStrategies(table.strategies())).windows(table).orElseThrow();
        CategoryDataset bars = ((CategoryPlot) chart.getPlot()).getDataset();
        assertEquals(table.strategies(), bars.getRowKeys());
        assertEquals(windows.size(), bars.getColumnCount());
        for (int k = 0; k < windows.size(); k++) {
            assertEquals(date(windows.get(k).test().from()), bars.getColumnKey(k));
            for (int c = 0; c < 3; c++) assertEquals(table.rows().get(k).values()[c], bars.getValue(c, k).doubleValue(), 0);
        }
        String svgFile = Files.readString(dir.resolve("windows-sharpe.svg"));
        ReportWriterTest.parse(svgFile);
        for (String s : table.strategies()) assertTrue(svgFile.contains(">" + s + "<"), s + " in the legend");
        for (Protocol.Window w : windows) assertTrue(svgFile.contains(">" + date(w.test().from()) + "<"), "window label");
        String figure = between(html, "<figure id=\"windows-sharpe\">", "</figure>");
        assertTrue(figure.contains("<img src=\"windows-sharpe.svg\""), "the page shows the chart's file");
        assertTrue(figure.contains("href=\"windows-sharpe.svg\""));

        // the equity chart marks where windows meet, once per boundary, on the chart's time axis
        JFreeChart equity = new ReportCharts(Palette.forStrategies(table.strategies()))
                .equity(data.series(), table.boundaries());
        Collection<?> markers = equity.getXYPlot().getDomainMarkers(Layer.BACKGROUND);
        assertEquals(windows.size() - 1, markers.size());
        assertArrayEquals(windows.stream().skip(1).mapToLong(w -> MARKET.time(w.test().from())).toArray(), table.boundaries());
        assertTrue(between(html, "<figure id=\"equity\">", "</figure>").contains("walk-forward windows meet"));
    }

    @Test
    void fixedSplitReportHasNoWindowSection(@TempDir Path tmp) throws Exception {
        ExperimentResult result = new ExperimentRunner(2).run(new ExperimentSpec("fixed", MARKET, 120, 419, strategies().subList(1, 3),
                ExperimentSpec.seeds(2), new BacktestConfig(1e6, 0.001, 0, 0), METRICS, MetricOptions.DEFAULT, Optional.empty()));
        ReportData data = ExperimentReportData.of(result, Map.of(), List.of());
        assertTrue(data.windows().isEmpty());
        ReportWriter.write(data, tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        assertFalse(html.contains("id=\"windows\""));
        assertFalse(html.contains("href=\"#windows\""));
        assertFalse(html.contains("window-table"));
        assertFalse(html.contains("windows meet"));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("windows")));
        }
        assertTrue(new ReportCharts(Palette.forStrategies(List.of("ucrp", "first"))).equity(data.series())
                .getXYPlot().getDomainMarkers(Layer.BACKGROUND) == null, "no boundaries on the equity chart");
    }

    @Test
    void windowTableRejectsInconsistentRows() {
        MetricColumn sharpe = MetricColumn.of(MetricId.SHARPE);
        WindowTable.Row a = new WindowTable.Row(0, "", "", "2015-01-02", "2015-03-02", 100, List.of("1.00", "2.00"),
                new double[] {1, 2});
        WindowTable.Row b = new WindowTable.Row(1, "", "", "2015-03-02", "2015-05-02", 200, List.of("1.00"), new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> new WindowTable(sharpe, List.of("x", "y"), List.of(a, b)));
        WindowTable.Row early = new WindowTable.Row(1, "", "", "2014-03-02", "2015-01-02", 50, List.of("1.00", "2.00"),
                new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> new WindowTable(sharpe, List.of("x", "y"), List.of(a, early)));
        assertThrows(IllegalArgumentException.class, () -> new WindowTable(sharpe, List.of("x", "x"), List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> new WindowTable.Row(0, "", "", "a", "b", 0, List.of("1"),
                new double[] {1, 2}));
    }

    @Test
    void aWindowWithoutValuesOrTrainingStillRenders(@TempDir Path tmp) throws Exception {
        ReportData base = Synthetic.data(List.of("x", "y"), List.of("x", "y"), 200, 2);
        long t0 = Synthetic.START;
        WindowTable table = new WindowTable(MetricColumn.of(MetricId.MAX_DRAWDOWN), List.of("x", "y"), List.of(
                new WindowTable.Row(0, "", "", "2015-01-02", "2015-04-12", t0, List.of("5.00%", "n/a"),
                        new double[] {0.05, Double.NaN}),
                new WindowTable.Row(1, "", "", "2015-04-12", "2015-07-21", t0 + 100 * Synthetic.DAY,
                        List.of("7.00%", "4.00%"), new double[] {0.07, 0.04})));
        ReportWriter.write(base.withWindows(table), tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        String tableHtml = between(html, "<table id=\"window-table\">", "</table>");
        assertFalse(tableHtml.contains("<th>Train</th>"), "no train column when nothing trains");
        List<String> trs = rows(tableHtml);
        assertFalse(trs.get(0).contains("best"), "a lone finite value is not marked best");
        // maximum drawdown: lower is better
        assertTrue(trs.get(1).contains("<td class=\"num best\">4.00%</td>"), trs.get(1));
        assertTrue(html.contains("&#8595; lower is better"));
        CategoryDataset bars = ((CategoryPlot) new ReportCharts(Palette.forStrategies(List.of("x", "y")))
                .windows(table).orElseThrow().getPlot()).getDataset();
        assertNull(bars.getValue(1, 0), "an undefined value is a gap, not a bar at 0");
        ReportWriterTest.parse(Files.readString(tmp.resolve("windows-mdd.svg")));
    }

    @Test
    void manyWindowsAreLabelledByNumberAndStaySmall(@TempDir Path tmp) throws Exception {
        List<String> names = List.of("a", "b", "c", "d");
        ReportData base = Synthetic.data(names, names, 900, 3);
        List<WindowTable.Row> rows = new java.util.ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int k = 0; k < 16; k++) {
            long start = Synthetic.START + k * 55L * Synthetic.DAY;
            double[] v = rnd.doubles(4, -1, 2.5).toArray();
            List<String> cells = java.util.Arrays.stream(v).mapToObj(x -> TableRenderer.cell(MetricId.SHARPE, x, Double.NaN)).toList();
            rows.add(new WindowTable.Row(k, "2014 .. 2015", "", day(start), day(start + 55 * Synthetic.DAY), start, cells, v));
        }
        WindowTable table = new WindowTable(MetricColumn.of(MetricId.SHARPE), names, rows);
        ReportWriter.write(base.withWindows(table), tmp);
        preview(tmp, "many-windows");
        JFreeChart chart = new ReportCharts(Palette.forStrategies(names)).windows(table).orElseThrow();
        ReportCharts.WindowAxis axis = (ReportCharts.WindowAxis) ((CategoryPlot) chart.getPlot()).getDomainAxis();
        assertEquals("15", axis.label(rows.get(15).testFrom()), "the table's window number, not a date");
        assertEquals("2015-01-02", ((ReportCharts.WindowAxis) ((CategoryPlot) new ReportCharts(Palette.forStrategies(names))
                .windows(new WindowTable(table.metric(), names, rows.subList(0, 5))).orElseThrow().getPlot())
                .getDomainAxis()).label(rows.get(0).testFrom()), "few windows are labelled by date");
        assertEquals(16 * 4, ((CategoryPlot) chart.getPlot()).getDataset().getColumnCount()
                * ((CategoryPlot) chart.getPlot()).getDataset().getRowCount());
        long size = Files.size(tmp.resolve("windows-sharpe.svg"));
        assertTrue(size < 40_000, "windows-sharpe.svg is " + size + " bytes");
        String svg = Files.readString(tmp.resolve("windows-sharpe.svg"));
        assertTrue(svg.contains(">15<") && svg.contains(">0<"), "window numbers under the bars");
        assertEquals(15, table.boundaries().length);
    }

    private static String day(long epochSeconds) {
        return java.time.LocalDate.ofEpochDay(epochSeconds / Synthetic.DAY).toString();
    }

    @Test
    void bestCellsNeedTwoFiniteValuesAndMarkTies() {
        assertArrayEquals(new boolean[] {false, true, true}, BestCells.best(new double[] {1, 2, 2}, true));
        assertArrayEquals(new boolean[] {true, false, false}, BestCells.best(new double[] {1, 2, Double.NaN}, false));
        assertArrayEquals(new boolean[] {false, false}, BestCells.best(new double[] {1, Double.NaN}, true));
    }

    private static String date(int bar) {
        return TableRenderer.barTime(MARKET, bar);
    }

    private static String between(String s, String from, String to) {
        int at = s.indexOf(from);
        assertTrue(at >= 0, from + " missing");
        return s.substring(at, s.indexOf(to, at) + to.length());
    }

    private static List<String> rows(String table) {
        String body = between(table, "<tbody>", "</tbody>");
        return Pattern.compile("<tr>.*?</tr>", Pattern.DOTALL).matcher(body).results().map(m -> m.group()).toList();
    }

    private static List<String> cells(String tr) {
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(tr);
        return m.results().map(r -> r.group(1)).toList();
    }

    /** Positions among the row's cells of those marked best. */
    private static List<Integer> bestCells(String tr) {
        Matcher m = Pattern.compile("<td([^>]*)>").matcher(tr);
        List<Integer> best = new java.util.ArrayList<>();
        for (int i = 0; m.find(); i++) if (m.group(1).contains("best")) best.add(i);
        return best;
    }

    /** Copies the report to {@code -Dstrat.report.preview=DIR}/{@code name} for looking at it by eye. */
    private static void preview(Path dir, String name) throws Exception {
        String to = System.getProperty("strat.report.preview");
        if (to == null) return;
        Path target = Path.of(to).resolve(name);
        Files.createDirectories(target);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) Files.copy(p, target.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
