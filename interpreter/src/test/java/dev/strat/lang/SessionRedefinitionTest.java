package dev.strat.lang;

import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.Session;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A REPL redefinition replaces the old definition, however often it happens, and says so. */
class SessionRedefinitionTest {

    @TempDir
    Path dir;

    private Session open() {
        return new Interpreter().openSession(new RunOptions(dir, dir.resolve("out"), OptionalLong.empty(), dir));
    }

    private static String ok(Session.Result r) {
        assertTrue(r.diagnostics().stream().noneMatch(dev.strat.lang.diag.Diagnostic::isError),
                DiagnosticFormatter.formatAll(r.diagnostics()));
        return r.output();
    }

    @Test
    void aNameRedefinedTwiceStaysUsable() {
        Session s = open();
        assertEquals("defined market m\n", ok(s.eval("market m = synthetic gbm(assets=3, days=300, seed=1)", ProgressListener.NONE)));
        assertEquals("defined strategy s\n", ok(s.eval("strategy s = ucrp", ProgressListener.NONE)));
        assertEquals("redefined strategy s\n", ok(s.eval("strategy s = bah", ProgressListener.NONE)));
        // before the fix, the two older definitions of s clashed here: "strategy 's' is already defined"
        assertEquals("redefined strategy s\n", ok(s.eval("strategy s = olmar(window=5)", ProgressListener.NONE)));
        String table = ok(s.eval("backtest s on m", ProgressListener.NONE));
        assertTrue(table.contains("s"), table);
        ok(s.eval("backtest ucrp on m", ProgressListener.NONE));
        assertEquals("redefined market m\n", ok(s.eval("market m = synthetic gbm(assets=4, days=300, seed=2)", ProgressListener.NONE)));
        ok(s.eval("backtest s on m", ProgressListener.NONE));
    }

    @Test
    void loadingTwoFilesWithTheSameMarketAndCosts() throws Exception {
        Path a = Files.writeString(dir.resolve("a.strat"), """
                market us = synthetic gbm(assets=3, days=300, seed=1)
                costs fee 0.1%
                capital 10_000
                strategy a = ucrp
                """);
        Path b = Files.writeString(dir.resolve("b.strat"), """
                market us = synthetic gbm(assets=3, days=300, seed=2)
                costs fee 0.2%
                strategy b = bah
                """);
        Session s = open();
        assertEquals("defined market us\ndefined costs\ndefined capital\ndefined strategy a\n", ok(s.load(a, ProgressListener.NONE)));
        assertEquals("redefined market us\nredefined costs\ndefined strategy b\n", ok(s.load(b, ProgressListener.NONE)));
        assertEquals("redefined market us\nredefined costs\nredefined capital\nredefined strategy a\n", ok(s.load(a, ProgressListener.NONE)));
        ok(s.eval("backtest a on us", ProgressListener.NONE));
        ok(s.eval("backtest b on us", ProgressListener.NONE));
        assertEquals("redefined costs\n", ok(s.eval("costs fee 0.3%", ProgressListener.NONE)));
        ok(s.eval("backtest ucrp on us", ProgressListener.NONE));
    }
}
