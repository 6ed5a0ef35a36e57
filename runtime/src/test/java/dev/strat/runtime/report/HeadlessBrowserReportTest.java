package dev.strat.runtime.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a written report in a real headless browser (Debian's {@code chromium}) and checks what a
 * reader would see: the page loads with no console error, and every interactive chart was drawn
 * (uPlot made its canvas) from a positive number of points. Skipped when no {@code chromium},
 * {@code chromium-browser} or {@code google-chrome} is on the PATH (or named by the
 * {@code STRAT_CHROMIUM} environment variable): {@code apt-get install -y chromium}, then
 * {@code ./dev test -pl runtime -Dtest=HeadlessBrowserReportTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class HeadlessBrowserReportTest {

    @Test
    void reportLoadsWithoutConsoleErrorsAndEveryChartHasPoints(@TempDir Path tmp) throws Exception {
        Optional<Path> browser = browser();
        assumeTrue(browser.isPresent(), "no chromium on the PATH: apt-get install -y chromium to run this test");
        ReportData base = Synthetic.data(List.of("fast", "ucrp", "bah<1>"), List.of("olmar(window=5)", "ucrp", "bah"),
                600, 6);
        List<SeriesSet> series = new ArrayList<>(base.series());
        series.add(SeriesSet.withoutWeights("^GSPC", Synthetic.days(600), Synthetic.wealth(600, 0.0003, 0.01, 99))
                .asBenchmark());
        // training curves, a numeric and a categorical stage series and walk-forward windows: every chart the report draws
        List<TrainingCurves> training = List.of(
                new TrainingCurves("fast", Synthetic.wealth(120, 0.001, 0.05, 7), Synthetic.wealth(10, 0.01, 0.02, 8), "sharpe"),
                new TrainingCurves("ucrp", Synthetic.wealth(120, 0.0005, 0.05, 9), new double[0], "sharpe"));
        long[] t = Synthetic.days(600);
        long[] decisions = java.util.Arrays.copyOf(t, 599);
        double[] chosen = new double[599];
        double[] cash = new double[599];
        for (int k = 0; k < chosen.length; k++) {
            chosen[k] = (k / 40) % 3;
            cash[k] = 0.1 + 0.05 * Math.sin(k / 30.0);
        }
        StageReportSet stages = new StageReportSet("fast", decisions, new dev.strat.runtime.pipeline.StageReport(
                java.util.Map.of("member", chosen, "cash share", cash), java.util.Map.of("member", List.of("olmar", "ucrp", "hold")),
                java.util.Map.of()), java.util.Map.of("switches", 14.0));
        MetricColumn sharpe = MetricColumn.of(dev.strat.runtime.metrics.MetricId.SHARPE);
        List<WindowTable.Row> rows = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            double[] v = {0.5 + 0.1 * k, k == 2 ? Double.NaN : -0.2 * k, 0.3};
            rows.add(new WindowTable.Row(k, "", "", "2016-0" + (k + 1) + "-01", "2016-0" + (k + 2) + "-01", t[100 + 120 * k],
                    List.of("x", "y", "z"), v));
        }
        WindowTable windows = new WindowTable(sharpe, List.of("fast", "ucrp", "bah<1>"), rows);
        ReportData data = new ReportData(base.title(), base.subtitle(), base.settings(), base.metricColumns(),
                base.table(), series, 252, base.notes(), training, List.of(stages), Optional.of(windows));
        Path dir = tmp.resolve("report");
        ReportWriter.write(data, dir);
        // -Dstrat.report.preview=DIR keeps a copy to look at
        String preview = System.getProperty("strat.report.preview");
        if (preview != null) {
            Path to = Files.createDirectories(Path.of(preview).resolve("browser"));
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }

        Page page = open(browser.get(), dir.resolve("index.html"), tmp.resolve("profile"));
        List<String> errors = page.console().stream()
                .filter(l -> l.contains(":ERROR:CONSOLE") || l.contains("Uncaught") || l.contains("Error:")).toList();
        assertEquals(List.of(), errors, "console errors while loading the report");
        Matcher failed = Pattern.compile("<p class=\"chart-error\">(.*?)</p>").matcher(page.dom());
        assertFalse(failed.find(), () -> "a chart said it could not be drawn: " + failed.group(1) + "; console: "
                + page.console());

        Matcher m = Pattern.compile("<div class=\"chart\" data-chart=\"([^\"]+)\"([^>]*)>(.*?)</div>\\s*<figcaption",
                Pattern.DOTALL).matcher(page.dom());
        List<String> drawn = new ArrayList<>();
        while (m.find()) {
            Matcher points = Pattern.compile("data-points=\"(\\d+)\"").matcher(m.group(2));
            assertTrue(points.find(), m.group(1) + " was not drawn: " + m.group(2));
            assertTrue(Integer.parseInt(points.group(1)) > 0, m.group(1) + " has no points");
            assertTrue(m.group(3).contains("<canvas"), m.group(1) + " has no canvas");
            if (List.of("equity", "drawdown", "rolling-sharpe").contains(m.group(1))) {
                assertTrue(m.group(3).contains("^GSPC"), m.group(1) + " lists the benchmark in its legend");
            }
            drawn.add(m.group(1));
        }
        // every chart of the page is interactive now; stage series come in no set order
        assertEquals(java.util.Set.of("equity", "drawdown", "rolling-sharpe", "metric-sharpe", "windows-sharpe", "training-reward",
                "training-validation", "stage-fast-member", "stage-fast-cash_share"), new java.util.HashSet<>(drawn));
        assertEquals(9, drawn.size(), drawn.toString());
        assertEquals(List.of("equity", "drawdown", "rolling-sharpe", "metric-sharpe"), drawn.subList(0, 4));
        // the bar chart's legend names its strategies (each bar toggles), the step chart's its series
        String dom = page.dom();
        String metric = dom.substring(dom.indexOf("data-chart=\"metric-sharpe\""));
        assertTrue(metric.substring(0, metric.indexOf("<figcaption")).contains("bah&lt;1&gt;"), "strategies in the bars' legend");
        String member = dom.substring(dom.indexOf("data-chart=\"stage-fast-member\""));
        assertTrue(member.substring(0, member.indexOf("<figcaption")).contains("member"), "the series in the steps' legend");
        // no <img> of a chart is left on the page but the weights charts'
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\"[^>]*loading=\"lazy\"").matcher(dom.replaceAll("(?s)<noscript>.*?</noscript>", ""));
        while (img.find()) assertTrue(img.group(1).startsWith("weights-"), img.group(1) + " is still a static image");
        // the SVG exports are kept beside the page
        for (String f : List.of("metric-sharpe.svg", "windows-sharpe.svg", "training-reward.svg", "training-validation.svg",
                "stage-fast-member.svg", "training-reward.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " missing");
        }
    }

    /** What the browser saw: the page's DOM after its scripts ran, and its console lines. */
    record Page(String dom, List<String> console) {
    }

    static Page open(Path browser, Path html, Path profile) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dom", ".html");
        Path err = Files.createTempFile("console", ".txt");
        try {
            Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile, "--window-size=1280,2400",
                    "--virtual-time-budget=5000", "--dump-dom", html.toUri().toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the browser did not finish in 120 s");
            }
            String console = Files.readString(err, StandardCharsets.UTF_8);
            List<String> lines = console.lines().filter(l -> l.contains("CONSOLE")).toList();
            return new Page(Files.readString(out, StandardCharsets.UTF_8), lines);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Optional<Path> browser() {
        String named = System.getenv("STRAT_CHROMIUM");
        if (named != null && !named.isBlank() && Files.isExecutable(Path.of(named))) return Optional.of(Path.of(named));
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : path.split(File.pathSeparator)) {
                if (d.isEmpty()) continue;
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
