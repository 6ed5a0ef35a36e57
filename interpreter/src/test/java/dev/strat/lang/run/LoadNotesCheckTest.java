package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What loading a market notes (a symbol that starts late cuts the others, a missing bar is
 * forward-filled) is said by {@code strat check}, located at the market, and by the run once.
 */
class LoadNotesCheckTest {

    private static final String PROGRAM = "market m = csv(\"gappy.csv\")\ncosts fee 0.1%\nexperiment e on m {\n compare ucrp\n}\n";

    /** A starts on day 0, B on day 10; B misses day 50. */
    private static void writeData(Path data) throws Exception {
        StringBuilder csv = new StringBuilder("date,symbol,close\n");
        LocalDate d = LocalDate.of(2020, 1, 1);
        for (int k = 0; k < 200; k++, d = d.plusDays(1)) {
            csv.append(d).append(",A,").append(1 + 0.001 * k).append('\n');
            if (k >= 10 && k != 50) csv.append(d).append(",B,").append(2 + 0.002 * Math.sin(k)).append('\n');
        }
        Files.writeString(data.resolve("gappy.csv"), csv);
    }

    @Test
    void checkSaysWhatLoadingTheMarketNotes(@TempDir Path data) throws Exception {
        writeData(data);
        List<Diagnostic> found = new Interpreter().check(new Source("t.strat", PROGRAM), data).diagnostics();
        String text = DiagnosticFormatter.formatAll(found);
        List<Diagnostic> warnings = found.stream().filter(d -> !d.isError()).toList();
        assertEquals(2, warnings.size(), text);
        assertTrue(text.contains("t.strat:1:1: warning: B starts late"), text);
        assertTrue(text.contains("B: forward-filled 1 missing bar"), text);
    }

    @Test
    void theRunSaysThemOnce(@TempDir Path data, @TempDir Path out) throws Exception {
        writeData(data);
        List<String> progressWarnings = new ArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void warn(String message) {
                progressWarnings.add(message);
            }
        };
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", PROGRAM),
                new RunOptions(data, out, OptionalLong.empty(), Path.of("")), recorder);
        String text = DiagnosticFormatter.formatAll(outcome.diagnostics());
        assertEquals(0, outcome.exitCode(), text + outcome.failure());
        assertTrue(text.contains("B starts late"), "located, as check says it: " + text);
        assertTrue(progressWarnings.stream().noneMatch(w -> w.contains("starts late") || w.contains("forward-filled")),
                "not said a second time while running: " + progressWarnings);
    }

    /* A bad value the header scan does not read: check said "ok" while the run failed on it. */
    @Test
    void aValueTheRunCannotReadIsACheckErrorAtTheMarket(@TempDir Path data, @TempDir Path out) throws Exception {
        Files.writeString(data.resolve("gappy.csv"), "date,symbol,close\n2020-01-01,A,1\n2020-01-02,A,abc\n2020-01-03,A,1.2\n"
                + "2020-01-01,B,2\n2020-01-02,B,2.1\n2020-01-03,B,2.2\n");
        List<Diagnostic> found = new Interpreter().check(new Source("t.strat", PROGRAM), data).diagnostics();
        String text = DiagnosticFormatter.formatAll(found);
        assertEquals(1, found.stream().filter(Diagnostic::isError).count(), text);
        assertTrue(text.contains("t.strat:1:1: error: bad data: ") && text.contains("gappy.csv:3:3: column 'close': cannot read number 'abc'"), text);
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", PROGRAM),
                new RunOptions(data, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
        String said = DiagnosticFormatter.formatAll(outcome.diagnostics());
        assertEquals(2, outcome.exitCode(), said);
        assertEquals(1, said.split("bad data: ", -1).length - 1, "said once: " + said);
    }

    @Test
    void aMissingFileIsReportedOnceByItsScan(@TempDir Path data) {
        List<Diagnostic> found = new Interpreter().check(new Source("t.strat", PROGRAM), data).diagnostics();
        String text = DiagnosticFormatter.formatAll(found);
        assertEquals(1, found.stream().filter(Diagnostic::isError).count(), text);
        assertTrue(text.contains("not found") && !text.contains("bad data"), text);
    }
}
