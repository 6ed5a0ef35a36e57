package dev.strat.lang.run;

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
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs whole programs through every pass on the shared data, the way `strat run` does. */
class InterpreterRunTest {

    private static final Path DATA = Path.of(System.getProperty("strat.repo.root", "."), "..", "shared", "data");

    @TempDir
    Path out;

    private RunOutcome run(String text) {
        return new Interpreter().run(new Source("t.strat", text), new RunOptions(DATA, out, OptionalLong.empty(), Path.of("")),
                ProgressListener.NONE);
    }

    @Test
    void backtestsBaselinesOnRealDataAndWritesResults() throws Exception {
        assumeTrue(Files.isDirectory(DATA), "shared data not present");
        RunOutcome outcome = run("""
                market us = csv("us_large_caps_daily.csv.gz") symbols AAPL, MSFT, JPM, XOM, KO
                costs fee 0.1%, slippage 0%..0.05%
                split s = train 2015..2017, test 2018..2019
                strategy capped = olmar(window=5) | constrain(max_weight=30%)
                experiment cmp on us split s {
                    compare ucrp, bah, capped, hold
                    seeds 2
                    metrics ar, sharpe, mdd
                }
                """);
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        String table = outcome.tables().get(0);
        assertTrue(table.contains("ucrp") && table.contains("capped") && table.contains("sharpe"), table);
        assertTrue(Files.exists(out.resolve("cmp").resolve("index.html")));
        assertTrue(Files.exists(out.resolve("cmp").resolve("results.json")));
        // cash holds its value exactly: hold's annual return is 0.00%
        assertTrue(table.lines().anyMatch(l -> l.startsWith("hold") && l.contains("0.00%")), table);
    }

    @Test
    void sameFileAndSeedGiveTheSameNumbers() throws Exception {
        String program = """
                market m = synthetic gbm(assets=6, days=800, seed=3)
                costs fee 0.2%, slippage 0%..0.3%
                experiment e on m {
                    compare olmar(window=5) | constrain(max_weight=40%), pamr, ucrp
                    seeds 3
                    report "REPORT"
                }
                """;
        RunOutcome first = run(program.replace("REPORT", out.resolve("a").toString().replace("\\", "/")));
        RunOutcome second = run(program.replace("REPORT", out.resolve("b").toString().replace("\\", "/")));
        assertEquals(0, first.exitCode(), DiagnosticFormatter.formatAll(first.diagnostics()) + first.failure());
        assertEquals(first.tables(), second.tables());
        assertEquals(Files.readString(out.resolve("a/equity.csv")), Files.readString(out.resolve("b/equity.csv")));
        // slippage is drawn per seed, so the three seeds of one strategy differ
        String summary = Files.readString(out.resolve("a/summary.csv"));
        String ucrpCr = summary.lines().filter(l -> l.startsWith("ucrp,") && l.contains(",cr,")).findFirst().orElseThrow();
        String[] f = ucrpCr.split(",");
        assertTrue(!f[f.length - 1].equals(f[f.length - 2]), ucrpCr);
    }

    @Test
    void unknownSymbolIsAUserErrorWithSuggestion() {
        assumeTrue(Files.isDirectory(DATA), "shared data not present");
        RunOutcome outcome = run("""
                market us = csv("us_large_caps_daily.csv.gz") symbols AAPL, MSFTT
                experiment e on us { compare ucrp }
                """);
        assertEquals(2, outcome.exitCode());
        String text = DiagnosticFormatter.formatAll(outcome.diagnostics());
        assertTrue(text.contains("MSFTT") && text.contains("MSFT"), text);
    }
}
