package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the command line relies on to say "nothing ran": a file without an experiment or backtest
 * succeeds with no table and no files (and no failure).
 */
class NothingToRunTest {

    @TempDir
    Path out;

    @Test
    void emptyAndDefinitionOnlyFilesRunNothing() {
        for (String text : List.of("", "# a comment\n", """
                market m = synthetic gbm(assets=3, days=300, seed=1)
                strategy s = ucrp
                """)) {
            RunOutcome outcome = new Interpreter().run(new Source("t.strat", text),
                    new RunOptions(out, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
            assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
            assertTrue(outcome.tables().isEmpty() && outcome.artefacts().isEmpty(), text);
        }
    }
}
