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

/** {@code significance sharpe_diff(...)} and {@code wilcoxon(...)} reach the table and results.json, each naming its test. */
class SignificanceRunTest {

    @TempDir
    Path out;

    private RunOutcome run(String significance) {
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", """
                market m = synthetic gbm(assets=4, days=600, seed=3)
                costs fee 0.1%
                experiment e on m {
                    compare ucrp, bah, olmar(window=5)
                    seeds 2
                    metrics ar, sharpe
                    SIG
                }
                """.replace("SIG", significance)), new RunOptions(out, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        return outcome;
    }

    @Test
    void sharpeDiffTestsOverTimeAndShowsPsrAndDsr() throws Exception {
        String table = run("significance sharpe_diff(ucrp, alpha=10%, resamples=199)").tables().get(0);
        assertTrue(table.contains("Ledoit-Wolf Sharpe difference test over time vs ucrp (two-sided, alpha 0.1, paired by period on seed 1's returns"), table);
        assertTrue(table.lines().anyMatch(l -> l.trim().startsWith("sharpe  bah") && l.contains("HAC p = ")), table);
        assertTrue(table.contains("DSR deflates for the 3 strategies compared"), table);
        assertTrue(table.lines().anyMatch(l -> l.trim().startsWith("olmar(window=5)") && l.contains("PSR ") && l.contains("DSR ")), table);
        String json = Files.readString(out.resolve("e").resolve("results.json"));
        assertTrue(json.contains("\"test\" : \"sharpe_diff\""), json);
        assertTrue(json.contains("\"sharpeConfidence\""), json);
    }

    @Test
    void wilcoxonStillWorksAndSaysItMeasuresSeeds() throws Exception {
        String table = run("significance wilcoxon(ucrp)").tables().get(0);
        assertTrue(table.contains("Wilcoxon signed-rank test over seeds vs ucrp"), table);
        assertTrue(table.contains("measures seed-to-seed noise"), table);
        assertTrue(Files.readString(out.resolve("e").resolve("results.json")).contains("\"test\" : \"wilcoxon\""));
    }
}
