package dev.strat.lang.check;

import dev.strat.lang.ast.Program;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.plan.ExperimentPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplCheckTest {

    private static Program entry(String text) {
        return CheckContext.parse(new Source("<repl>", text)).program();
    }

    @Test
    void earlierDefinitionsAreVisibleAndOnlyTheEntryIsPlanned() {
        List<Program> earlier = List.of(entry("market m = synthetic gbm(assets=5, days=1000, seed=7)"),
                entry("strategy s = olmar(window=5) | constrain(max_weight=40%)"),
                entry("backtest ucrp on m"));
        CheckResult r = Checker.check(entry("backtest s on m"), earlier, CheckFixtures.context(Map.of(), false));
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        List<ExperimentPlan> runs = r.plan().orElseThrow().experiments();
        assertEquals(1, runs.size());
        assertEquals("s", runs.get(0).compare().get(0).name());
        assertEquals(1, r.plan().orElseThrow().strategies().size());
    }

    @Test
    void anEntryMayRedefineAName() {
        List<Program> earlier = List.of(entry("market m = synthetic gbm(assets=5, days=1000)"), entry("strategy s = ucrp"));
        CheckResult r = Checker.check(entry("strategy s = bah"), earlier, CheckFixtures.context(Map.of(), false));
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        assertEquals("bah", r.plan().orElseThrow().strategy("s").orElseThrow().pipeline().render());
    }

    @Test
    void errorsOfTheEntryAreReported() {
        List<Program> earlier = List.of(entry("market m = synthetic gbm(assets=5, days=1000)"));
        CheckResult r = Checker.check(entry("backtest olmr on m"), earlier, CheckFixtures.context(Map.of(), false));
        assertEquals(List.of("'olmr' is not a known built-in or strategy"), r.errors().stream().map(Diagnostic::message).toList());
    }
}
