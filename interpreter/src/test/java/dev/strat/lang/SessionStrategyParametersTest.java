package dev.strat.lang;

import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.Session;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session knows its parameterised strategies (for completion and :help) and runs their instances. */
class SessionStrategyParametersTest {

    @TempDir
    Path dir;

    private static String ok(Session.Result r) {
        assertTrue(r.ok(), DiagnosticFormatter.formatAll(r.diagnostics()));
        return r.output();
    }

    @Test
    void parametersFollowRedefinitionsAndInstancesRunUnderTheirNames() {
        Session s = new Interpreter().openSession(new RunOptions(dir, dir.resolve("out"), OptionalLong.empty(), dir));
        ok(s.eval("market m = synthetic gbm(assets=3, days=300, seed=1)", ProgressListener.NONE));
        ok(s.eval("strategy capped(eta = 0.1, cap = 50%) = eg(eta=eta) | constrain(max_weight=cap)", ProgressListener.NONE));
        assertEquals(Map.of("capped", Map.of("eta", "0.1", "cap", "50%")), s.strategyParameters());
        assertEquals(List.of("eta", "cap"), List.copyOf(s.strategyParameters().get("capped").keySet()));
        String table = ok(s.eval("backtest capped(eta=0.3) on m", ProgressListener.NONE));
        assertTrue(table.contains("capped(eta=0.3)"), table);
        ok(s.eval("strategy capped = ucrp", ProgressListener.NONE));
        assertEquals(Map.of(), s.strategyParameters());
    }
}
