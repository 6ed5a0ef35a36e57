package dev.strat.lang.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9's honest statistics, end to end through {@code strat run}: PSR/DSR and benchmark-relative
 * columns, bootstrap intervals, annualisation of short tests, cash earning rf, the frictionless
 * warning, data-file hashes in results.json, and strategies that never trade.
 */
class HonestStatisticsRunTest {

    @TempDir
    Path out;

    /** Warnings the run printed. */
    private final List<String> warnings = new ArrayList<>();

    private final ProgressListener recorder = new ProgressListener() {
        @Override public void start(String name, long total) { }
        @Override public void progress(long done, String message) { }
        @Override public void finish() { }
        @Override public void warn(String message) { warnings.add(message); }
    };

    private RunOutcome run(String program, Path data) {
        return new Interpreter().run(new Source("t.strat", program), new RunOptions(data, out, OptionalLong.empty(), Path.of("")), recorder);
    }

    private String ok(String program) {
        RunOutcome outcome = run(program, out);
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        return outcome.tables().get(0);
    }

    private static final String MARKET = """
            market m = synthetic gbm(assets=4, days=600, seed=3)
            costs fee 10bp
            """;

    @Test
    void psrAndDsrAreColumnsAndDsrSaysItsTrials() {
        String table = ok(MARKET + """
                experiment e on m {
                    compare ucrp, bah, olmar(window=5)
                    seeds 2
                    metrics sharpe, psr, dsr
                }
                """);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("strategy") && l.contains("psr") && l.contains("dsr")), table);
        assertTrue(table.contains("6 trials (3 strategies x 2 seeds)"), table);
        // every row has a probability in both columns, and DSR (deflated for 6 trials) is below PSR
        for (String name : List.of("ucrp", "bah")) {
            String row = table.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
            // cells are "mean ± std", two spaces apart
            String[] cells = row.replace("*", " ").trim().split("\\s{2,}");
            double psr = Double.parseDouble(cells[cells.length - 2].split(" ")[0]);
            double dsr = Double.parseDouble(cells[cells.length - 1].split(" ")[0]);
            assertTrue(psr >= 0 && psr <= 1 && dsr >= 0 && dsr <= psr, row);
        }
    }

    @Test
    void ciShowsBootstrapIntervalsOnlyWhenAsked() {
        String plain = ok(MARKET + "experiment e on m {\n compare ucrp\n metrics sharpe, turnover\n}\n");
        assertFalse(plain.contains("["), plain);
        String withCi = ok(MARKET + "experiment e on m {\n compare ucrp\n metrics sharpe, turnover\n ci 90%\n}\n");
        String row = withCi.lines().filter(l -> l.startsWith("ucrp")).findFirst().orElseThrow();
        // the Sharpe cell has an interval around its estimate; turnover has none
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d+\\.\\d+) \\[(-?\\d+\\.\\d+), (-?\\d+\\.\\d+)\\]").matcher(row);
        assertTrue(m.find(), row);
        double est = Double.parseDouble(m.group(1)), lo = Double.parseDouble(m.group(2)), hi = Double.parseDouble(m.group(3));
        assertTrue(lo < est && est < hi, row);
        assertFalse(m.find(), "only one interval expected: " + row);
        assertTrue(withCi.contains("90% stationary-bootstrap interval on seed 1's returns"), withCi);
    }

    @Test
    void aTestShorterThanAYearIsNotAnnualisedUnlessAsked() {
        String shortTest = "market m = synthetic gbm(assets=3, days=150, seed=1)\ncosts fee 0.1%\n";
        String auto = ok(shortTest + "experiment e on m {\n compare ucrp\n metrics cr, ar\n}\n");
        assertTrue(auto.lines().anyMatch(l -> l.startsWith("ucrp") && l.trim().endsWith("n/a")), auto);
        assertTrue(auto.contains("the test is shorter than a year"), auto);
        String always = ok(shortTest + "experiment e on m {\n compare ucrp\n metrics cr, ar\n annualise always\n}\n");
        assertTrue(always.lines().anyMatch(l -> l.startsWith("ucrp") && l.trim().endsWith("%")), always);
        assertTrue(always.contains("! ar and calmar are annualised from"), always);
    }

    @Test
    void cashRateRfMakesCashEarnTheRate() {
        // an all-cash strategy would be flagged idle; bah of a tiny market with rf shows the difference in wealth
        String none = ok(MARKET + "experiment e on m {\n compare ucrp\n metrics cr\n rf 5%\n}\n");
        String earns = ok(MARKET + "experiment e on m {\n compare ucrp\n metrics cr\n rf 5%\n cash_rate rf\n}\n");
        assertTrue(earns.contains("cash earns 5%/yr"), earns);
        assertFalse(none.contains("cash earns"), none);
    }

    @Test
    void aRunWithoutCostsWarnsThatItIsFrictionless() {
        RunOutcome free = run("market m = synthetic gbm(assets=3, days=400, seed=1)\nexperiment e on m {\n compare ucrp\n}\n", out);
        String text = DiagnosticFormatter.formatAll(free.diagnostics());
        assertEquals(0, free.exitCode(), text);
        // the check says it at the experiment, before the run; the run does not print it a second time
        assertTrue(text.contains("t.strat:2:1: warning: no 'costs' line: e trades without fees or slippage (frictionless)"), text);
        assertFalse(warnings.stream().anyMatch(w -> w.contains("frictionless")), warnings.toString());
        ok(MARKET + "experiment e on m {\n compare ucrp\n}\n");
        assertFalse(warnings.stream().anyMatch(w -> w.contains("frictionless")), warnings.toString());
        // zero costs written on purpose (a paper that states none) are a choice, not an omission
        ok("market m = synthetic gbm(assets=3, days=400, seed=1)\ncosts fee 0%\nexperiment e on m {\n compare ucrp\n}\n");
        assertFalse(warnings.stream().anyMatch(w -> w.contains("frictionless")), warnings.toString());
    }

    @Test
    void benchmarkSymbolIsARowAndAlphaBetaAreMeasuredAgainstIt() throws Exception {
        String table = ok(MARKET + """
                experiment e on m {
                    compare ucrp, olmar(window=5)
                    benchmark S2
                    metrics sharpe, alpha, beta, te, ir, dsr
                    seeds 2
                }
                """);
        // the symbol's row is a reference: DSR deflates for the two strategies tried, not three
        assertTrue(table.contains("4 trials (2 strategies x 2 seeds)") && table.contains("the benchmark S2 is not a trial"), table);
        String bench = table.lines().filter(l -> l.startsWith("S2 (benchmark)")).findFirst().orElseThrow(() -> new AssertionError(table));
        // against itself: beta 1, tracking error 0, alpha 0
        assertTrue(bench.contains("1.00"), bench);
        assertTrue(bench.contains("0.00%"), bench);
        assertTrue(table.contains("alpha, beta, te, ir: against S2"), table);
        JsonNode json = new ObjectMapper().readTree(out.resolve("e").resolve("results.json").toFile());
        JsonNode ucrp = json.get("strategies").get(0);
        assertEquals("ucrp", ucrp.get("name").asText());
        assertTrue(Double.isFinite(ucrp.get("metrics").get("beta").get("mean").asDouble()), ucrp.toString());
    }

    @Test
    void benchmarkStrategyIsACompared() {
        String table = ok(MARKET + "experiment e on m {\n compare ucrp, bah\n benchmark ucrp\n metrics beta, dsr\n}\n");
        assertTrue(table.lines().anyMatch(l -> l.startsWith("ucrp (benchmark)")), table);
        // a compared strategy that is also the benchmark is one trial, counted once
        assertTrue(table.contains("2 trials (2 strategies x 1 seed)"), table);
    }

    @Test
    void unknownBenchmarkSymbolIsALocatedErrorWithDidYouMean() {
        RunOutcome outcome = run(MARKET + "experiment e on m {\n compare ucrp\n benchmark S22\n}\n", out);
        String text = DiagnosticFormatter.formatAll(outcome.diagnostics());
        assertEquals(2, outcome.exitCode(), text);
        assertTrue(text.contains("t.strat:5:") && text.contains("unknown benchmark 'S22'") && text.contains("did you mean 'S2'?"), text);
    }

    @Test
    void resultsJsonRecordsTheSha256OfEveryDataFile(@TempDir Path data) throws Exception {
        StringBuilder csv = new StringBuilder("date,symbol,open,high,low,close,volume\n");
        java.time.LocalDate d = java.time.LocalDate.of(2020, 1, 1);
        for (int k = 0; k < 300; k++, d = d.plusDays(1)) {
            csv.append(d).append(",A,1,1,1,").append(1 + 0.001 * k + 0.01 * Math.sin(k)).append(",100\n");
            csv.append(d).append(",B,1,1,1,").append(1 + 0.002 * Math.cos(k / 7.0)).append(",100\n");
        }
        Path file = data.resolve("tiny.csv.gz");
        try (var gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        RunOutcome outcome = run("market m = csv(\"tiny.csv.gz\")\ncosts fee 0.1%\nexperiment e on m {\n compare ucrp\n}\n", data);
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        JsonNode json = new ObjectMapper().readTree(out.resolve("e").resolve("results.json").toFile());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(expected, json.get("dataSha256").get("tiny.csv.gz").asText(), json.toString());
    }

    @Test
    void aLearnerThatNeverFillsARolloutIsAnErrorAtItsAgentBeforeAnythingRuns() {
        RunOutcome outcome = run("""
                market m = synthetic gbm(assets=3, days=500, seed=2)
                costs fee 0.1%
                split s = train ..2000-12-31, test 2001-01-01..
                strategy lazy = agent ppo(n_steps=100000, epochs=1, features=[returns(window=5)])
                strategy busy = agent a2c(n_steps=5, epochs=1, features=[returns(window=5)])
                experiment e on m split s {
                    compare lazy, busy, ucrp
                    metrics sharpe
                }
                """, out);
        String text = DiagnosticFormatter.formatAll(outcome.diagnostics());
        assertEquals(2, outcome.exitCode(), text);
        assertTrue(text.contains("t.strat:4:17: error: strategy 'lazy': ppo never fills a rollout of n_steps=100000")
                && text.contains("tested untrained"), text);
        // 156 updates are enough (busy is only told that its split has no valid part to select on)
        assertFalse(text.contains("strategy 'busy': a2c makes") || text.contains("strategy 'busy': a2c never"), text);
        assertTrue(text.contains("t.strat:5:17: warning: a2c(") && text.contains(": the split has no valid part, so select=wealth"), text);
    }

    @Test
    void aLearnerWithFewUpdatesIsWarnedOnceAtItsAgentAndTheRunGoesOn() {
        RunOutcome outcome = run("""
                market m = synthetic gbm(assets=3, days=500, seed=2)
                costs fee 0.1%
                split s = train ..2000-12-31, test 2001-01-01..
                strategy few = agent a2c(n_steps=100, epochs=1, features=[returns(window=5)])
                experiment e on m split s {
                    compare few, ucrp
                    metrics sharpe
                }
                """, out);
        String text = DiagnosticFormatter.formatAll(outcome.diagnostics());
        assertEquals(0, outcome.exitCode(), text + outcome.failure());
        assertTrue(outcome.tables().get(0).contains("few"), outcome.tables().get(0));
        // the check says it, located, in the run's words; the run does not print it a second time
        assertTrue(text.contains("t.strat:4:16: warning: strategy 'few': a2c makes only 2 updates"), text);
        assertFalse(warnings.stream().anyMatch(w -> w.contains("strategy 'few'")), warnings.toString());
        // nor the agent's own note that it has no valid part to select its epoch on, which the check gave in its words
        assertTrue(text.contains("the split has no valid part, so select=wealth"), text);
        assertFalse(warnings.stream().anyMatch(w -> w.contains("no valid part")), warnings.toString());
    }

    @Test
    void aStrategyThatNeverTradesIsAWarningAndNothingTradingIsAnError() {
        String table = ok(MARKET + "experiment e on m {\n compare ucrp, olmar(window=100000), hold\n}\n");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("'olmar(window=100000)' never traded")), warnings.toString());
        // the all-cash baseline never trades by design
        assertFalse(warnings.stream().anyMatch(w -> w.contains("'hold' never traded")), warnings.toString());
        assertTrue(table.contains("ucrp"), table);
        RunOutcome none = run(MARKET + "experiment e on m {\n compare olmar(window=100000)\n}\n", out);
        String text = DiagnosticFormatter.formatAll(none.diagnostics());
        assertEquals(2, none.exitCode(), text);
        assertTrue(text.contains("nothing happened in experiment 'e'") && text.contains("never traded"), text);
    }
}
