package dev.strat.runtime.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    private static final List<String> NAMES = List.of("fast", "ucrp", "bah<1>");
    private static final List<String> LABELS = List.of(
            "olmar(window=5) | constrain(max_weight=40%)", "ucrp", "bah & <hold> | \"quoted\" 'x'");

    @Test
    void writesPageAndChartFiles(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out/cmp");
        ReportData data = Synthetic.data(NAMES, LABELS, 500, 5);
        List<Path> files = ReportWriter.write(data, dir);
        preview(dir, data);

        assertEquals(dir.resolve("index.html"), files.get(0));
        for (String name : List.of("index.html", "equity.svg", "equity.png", "drawdown.svg", "drawdown.png",
                "rolling-sharpe.svg", "metric-sharpe.svg", "weights-fast.svg", "weights-ucrp.svg", "weights-bah_1_.svg")) {
            Path p = dir.resolve(name);
            assertTrue(Files.isRegularFile(p), name + " missing");
            assertTrue(files.contains(p), name + " not reported as written");
            assertTrue(Files.size(p) > 500, name + " is nearly empty");
        }
        assertEquals(files.size(), Files.list(dir).count(), "only the reported files, no temporaries");

        String html = Files.readString(dir.resolve("index.html"));
        List<String> svgs = figureSvgs(html, dir);
        assertEquals(7, svgs.size(), "equity, drawdown, rolling Sharpe, headline metric and 3 weights charts");
        for (String svg : svgs) parse(svg);
        assertEquals(List.of(), inlineSvgs(html), "charts are shown from their files, not inlined a second time");
        assertEquals(4, count(html, "<div class=\"chart\" data-chart="), "equity, drawdown, rolling Sharpe and the headline metric interactive");
        assertFalse(Pattern.compile("src=\"(https?:)?//|href=\"(https?:)?//|@import|url\\((?!#|data:)|<script src")
                .matcher(html).find(), "no external resources");
        assertEquals(1, count(html, "/*! https://github.com/leeoniya/uPlot (v" + InteractiveCharts.UPLOT_VERSION + ")"),
                "uPlot inlined once, its banner kept");
        assertEquals(1, count(html, "<script id=\"chart-data\""), "the charts' data once");

        // The table: one row per strategy with its formatted cells; the best cell per column marked.
        assertEquals(3, count(html, "<td class=\"name\">"));
        assertTrue(html.contains(">fast<div class=\"label\">"), "the pipeline text sits under the name");
        assertTrue(html.contains("0.40 ± 0.10"));
        assertTrue(html.contains("<td class=\"num best\">1.00 ± 0.10</td>"), "highest Sharpe is best");
        // Labels and names with markup characters are escaped, never interpreted.
        assertTrue(html.contains("bah &amp; &lt;hold&gt; | &quot;quoted&quot; &#39;x&#39;"));
        assertTrue(html.contains("bah&lt;1&gt;"));
        assertFalse(html.contains("<hold>"));
        assertFalse(html.contains("bah<1>"));
        // Reproduce and notes.
        assertTrue(html.contains("<dt>command</dt><dd>strat run examples/cmp.strat --report out/cmp</dd>"));
        assertTrue(html.contains("<dt>seeds</dt><dd>1, 2, 3</dd>"));
        assertTrue(html.contains("<dt>costs</dt><dd>fee 0.25%, slippage 0%..0.1%</dd>"));
        assertTrue(html.contains("<li>symbol &lt;BRK.B&gt; dropped: no data</li>"));

        // Chart files are well-formed XML documents with a root <svg>.
        for (Path p : files) {
            if (!p.toString().endsWith(".svg")) continue;
            Document doc = parse(Files.readString(p));
            assertEquals("svg", doc.getDocumentElement().getLocalName(), p.toString());
        }
        String equitySvg = Files.readString(dir.resolve("equity.svg"));
        for (String n : NAMES) assertTrue(equitySvg.contains(Html.escape(n).replace("&#39;", "'")), "legend shows " + n);
        assertTrue(Files.readString(dir.resolve("weights-fast.svg")).contains(">cash<"), "cash in the weights legend");

        BufferedImage png = ImageIO.read(dir.resolve("equity.png").toFile());
        assertNotNull(png);
        assertEquals(ReportWriter.WIDTH, png.getWidth());
        assertEquals(ReportWriter.EQUITY_HEIGHT, png.getHeight());
    }

    @Test
    void largeReportStaysSmall(@TempDir Path tmp) throws Exception {
        List<String> names = new ArrayList<>(), labels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add("strategy_" + i);
            labels.add("olmar(window=" + (i + 2) + ") | constrain(max_weight=20%)");
        }
        ReportData data = Synthetic.data(names, labels, 2500, 30);
        ReportWriter.write(data, tmp);
        preview(tmp, data);
        long size = Files.size(tmp.resolve("index.html"));
        // 10 strategies x 2,500 bars: the interactive charts' data is bounded by InteractiveCharts.MAX_POINTS
        assertTrue(size < 400_000, "index.html is " + size + " bytes");
        String weights = Files.readString(tmp.resolve("weights-strategy_3.svg"));
        assertTrue(weights.contains("other (20 assets)"), "small assets grouped in the legend");
        parse(weights);
        assertEquals(4 + 10, figureSvgs(Files.readString(tmp.resolve("index.html")), tmp).size(),
                "4 performance charts and 10 weights charts");
    }

    @Test
    void rewritingReplacesFiles(@TempDir Path tmp) throws IOException {
        ReportWriter.write(Synthetic.data(NAMES, LABELS, 300, 4), tmp);
        ReportData other = Synthetic.data(List.of("solo"), List.of("ucrp"), 300, 4);
        ReportWriter.write(other, tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        assertTrue(html.contains(">solo<div class=\"label\">"));
        assertFalse(html.contains(">fast<"));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            assertTrue(Files.getPosixFilePermissions(tmp.resolve("index.html"))
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), "report readable by others");
        }
    }

    @Test
    void tableOnlyReportWithoutSeries(@TempDir Path tmp) throws IOException {
        ReportData full = Synthetic.data(NAMES, LABELS, 100, 3);
        ReportData data = new ReportData(full.title(), "", full.settings(), full.metricColumns(), full.table(),
                List.of(), 252, List.of());
        List<Path> files = ReportWriter.write(data, tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        assertEquals(1, figureSvgs(html, tmp).size(), "only the headline metric chart");
        assertEquals(1, count(html, "<div class=\"chart\" data-chart=\"metric-sharpe\""), "the headline metric's bars are interactive");
        assertEquals(3, files.size(), "the page, the metric chart's SVG and PNG exports");
        assertFalse(html.contains("id=\"notes\""));
    }

    @Test
    void tinyAndHourlySeriesStillRender(@TempDir Path tmp) throws Exception {
        long h = 3600;
        SeriesSet two = new SeriesSet("two bars", new long[] {1_700_000_000L, 1_700_000_000L + h},
                new double[] {10, 11}, List.of("X", "cash"), new double[] {0.5, 0.5});
        long[] t = new long[48];
        for (int i = 0; i < t.length; i++) t[i] = 1_700_000_000L + i * h;
        SeriesSet hourly = new SeriesSet("hourly", t, Synthetic.wealth(48, 0, 0.002, 3), List.of("X", "Y", "cash"),
                Synthetic.weights(48, 2, 4)); // one row per time, not per decision
        ReportData data = new ReportData("tiny", "", java.util.Map.of(), List.of(), List.of(),
                List.of(two, hourly), 365 * 24, List.of());
        ReportWriter.write(data, tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        assertEquals(4, figureSvgs(html, tmp).size(), "equity, drawdown and two weights charts; too short for rolling");
        for (String svg : figureSvgs(html, tmp)) parse(svg);
        assertTrue(Files.exists(tmp.resolve("weights-two_bars.svg")));
    }

    @Test
    void slugsAreFileSafe() {
        assertEquals("bah_1_", ReportWriter.slug("bah<1>"));
        assertEquals("a_b", ReportWriter.slug("a/b"));
        assertEquals("__", ReportWriter.slug(".."));
        assertEquals("strategy", ReportWriter.slug(""));
    }

    /**
     * The SVG of every figure on the page: the file its {@code <img>} (or, for an interactive chart,
     * its no-script fallback) shows; each must exist beside the page.
     */
    static List<String> figureSvgs(String html, Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<figure id=\"[^\"]*\">(.*?)</figure>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            Matcher img = Pattern.compile("<img src=\"([^\"]+\\.svg)\"").matcher(m.group(1));
            assertTrue(img.find(), "a figure shows no chart file: " + m.group(1));
            out.add(Files.readString(dir.resolve(img.group(1))));
        }
        return out;
    }

    static List<String> inlineSvgs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) out.add(m.group());
        return out;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    /** Copies a report to {@code -Dstrat.report.preview=DIR} for looking at it by eye. */
    private static void preview(Path dir, ReportData data) throws IOException {
        String to = System.getProperty("strat.report.preview");
        if (to == null) return;
        Path target = Path.of(to).resolve(data.series().size() + "x" + data.series().get(0).wealth().length);
        Files.createDirectories(target);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) Files.copy(p, target.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        // PNG twins of the SVG-only charts, to look at them without a browser.
        ReportCharts charts = new ReportCharts(Palette.forStrategies(data.table().stream().map(ReportRow::strategy).toList()));
        charts.rollingSharpe(data.series(), data.periodsPerYear()).ifPresent(c -> png(c, target.resolve("rolling.png"), 320));
        charts.headline(data.table(), data.metricColumns().get(1), 1).ifPresent(c ->
                png(c, target.resolve("metric.png"), Math.max(200, 110 + 34 * data.table().size())));
        Palette assets = Palette.forAssets(data.series().get(0).columns());
        for (int i = 0; i < Math.min(2, data.series().size()); i++) {
            int k = i;
            charts.weights(data.series().get(i), assets).ifPresent(c -> png(c, target.resolve("weights-" + k + ".png"), 340));
        }
    }

    private static void png(org.jfree.chart.JFreeChart chart, Path file, int height) {
        try {
            org.jfree.chart.ChartUtils.saveChartAsPNG(file.toFile(), chart, ReportWriter.WIDTH, height);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
