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

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warm-up that leaves the test period no decision is a check error at the experiment, and
 * features whose warm-up leaves a learner no decision in its train split one at the agent, worded
 * as the run words them (check used to say "ok" and the run then failed).
 */
class NoDecisionCheckTest {

    private static String program(int warmup) {
        return "market m = synthetic gbm(assets=3, days=300)\ncosts fee 0.1%\nexperiment e on m {\n compare ucrp\n warmup "
                + warmup + "\n}\n";
    }

    @Test
    void aWarmUpLongerThanTheTestIsACheckErrorAndTheRunSaysItOnce(@TempDir Path out) {
        List<Diagnostic> found = new Interpreter().check(new Source("t.strat", program(400)), out).diagnostics();
        String text = DiagnosticFormatter.formatAll(found);
        assertTrue(text.contains("t.strat:3:1: error: experiment 'e' has no decision to make: its test period holds 300 bar(s) "
                + "after a warm-up of 400"), text);
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", program(400)),
                new RunOptions(out, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
        String said = DiagnosticFormatter.formatAll(outcome.diagnostics());
        assertEquals(2, outcome.exitCode(), said);
        assertEquals(1, said.split("no decision to make", -1).length - 1, "said once: " + said);
    }

    @Test
    void aWarmUpThatLeavesDecisionsChecksClean(@TempDir Path out) {
        List<Diagnostic> found = new Interpreter().check(new Source("t.strat", program(100)), out).diagnostics();
        assertTrue(found.stream().noneMatch(Diagnostic::isError), DiagnosticFormatter.formatAll(found));
    }

    private static String agent(int window) {
        return "market m = synthetic gbm(assets=3, days=300)\ncosts fee 0.1%\nsplit s = train ..2000-06-30, test 2000-07-01..\n"
                + "experiment e on m split s {\n compare agent td3(epochs=1, select=last, features=[returns(window=" + window + ")])\n}\n";
    }

    /* The run failed (exit 1, unlocated) when training started; check said only a warning. */
    @Test
    void featuresWhoseWarmUpLeavesTheTrainSplitNoDecisionAreACheckErrorAtTheAgent(@TempDir Path out) {
        List<Diagnostic> found = new Interpreter().check(new Source("t.strat", agent(500)), out).diagnostics();
        String text = DiagnosticFormatter.formatAll(found);
        assertTrue(text.contains("t.strat:5:10: error: td3(") && text.contains("leaves 0 decisions after the features' warm-up of 501 bars"), text);
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", agent(500)),
                new RunOptions(out, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
        assertEquals(2, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        List<Diagnostic> fine = new Interpreter().check(new Source("t.strat", agent(5)), out).diagnostics();
        assertTrue(fine.stream().noneMatch(Diagnostic::isError), DiagnosticFormatter.formatAll(fine));
    }

    /* The run said "never traded" (an error when no strategy traded) only after running; check said ok. */
    @Test
    void aWindowLongerThanTheDataIsACheckWarningThatTheStrategyWillNeverTrade(@TempDir Path out) {
        String program = "market m = synthetic gbm(assets=3, days=300)\ncosts fee 0.1%\nexperiment e on m {\n compare ucrp, olmar(window=350), olmar(window=5)\n}\n";
        List<Diagnostic> found = new Interpreter().check(new Source("t.strat", program), out).diagnostics();
        String text = DiagnosticFormatter.formatAll(found);
        assertEquals(1, found.stream().filter(d -> d.message().contains("never trade")).count(), text);
        assertTrue(text.contains("t.strat:4:16: warning: strategy 'olmar(window=350)' needs 350 bars of history before its first "
                + "decision, but the data holds 300 up to the end of the test of e: it will never trade"), text);
        assertTrue(found.stream().noneMatch(Diagnostic::isError), text);
    }
}
