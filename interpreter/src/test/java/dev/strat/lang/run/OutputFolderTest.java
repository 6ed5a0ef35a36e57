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
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each experiment and backtest of one run writes to its own folder; none overwrites another's. */
class OutputFolderTest {

    @TempDir
    Path out;

    private RunOutcome run(String text) {
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", text),
                new RunOptions(out, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        return outcome;
    }

    @Test
    void backtestsOnTwoSplitsWriteTwoFolders() throws Exception {
        RunOutcome outcome = run("""
                market us = synthetic gbm(assets=3, days=700, seed=5)
                split a = test 2000-06-01..2001-06-30
                split b = test 2001-07-01..
                backtest ucrp on us split a
                backtest ucrp on us split b
                backtest bah on us
                backtest bah on us
                """);
        // before the fix both split backtests wrote to backtest-ucrp-on-us and the file list held each file twice
        List<Path> artefacts = outcome.artefacts();
        assertEquals(artefacts.size(), new HashSet<>(artefacts).size(), artefacts.toString());
        for (String folder : List.of("backtest-ucrp-on-us-split-a", "backtest-ucrp-on-us-split-b", "backtest-bah-on-us",
                "backtest-bah-on-us-2")) {
            assertTrue(Files.exists(out.resolve(folder).resolve("results.json")), folder + " in " + artefacts);
        }
        assertTrue(!Files.readString(out.resolve("backtest-ucrp-on-us-split-a/equity.csv"))
                .equals(Files.readString(out.resolve("backtest-ucrp-on-us-split-b/equity.csv"))));
    }

    @Test
    void twoExperimentsWithOneReportFolderKeepBoth() {
        String dir = out.resolve("same").toString().replace("\\", "/");
        run("""
                market m = synthetic gbm(assets=3, days=300, seed=1)
                experiment one on m { compare ucrp
                    report "DIR" }
                experiment two on m { compare bah
                    report "DIR" }
                """.replace("DIR", dir));
        assertTrue(Files.exists(out.resolve("same/results.json")));
        assertTrue(Files.exists(out.resolve("same-2/results.json")));
    }
}
