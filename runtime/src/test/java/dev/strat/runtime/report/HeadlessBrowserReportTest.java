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
        ReportData data = new ReportData(base.title(), base.subtitle(), base.settings(), base.metricColumns(),
                base.table(), series, 252, base.notes());
        Path dir = tmp.resolve("report");
        ReportWriter.write(data, dir);

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
            assertTrue(m.group(3).contains("^GSPC"), m.group(1) + " lists the benchmark in its legend");
            drawn.add(m.group(1));
        }
        assertEquals(List.of("equity", "drawdown", "rolling-sharpe"), drawn);
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
