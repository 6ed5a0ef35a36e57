package dev.strat.lang.plan;

import dev.strat.lang.check.CheckContext;
import dev.strat.lang.check.CheckResult;
import dev.strat.lang.check.Checker;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.load.InMemorySourceLoader;
import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.StandardLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineBuilderTest {

    private static final MarketInfo THREE_DAILY = new MarketInfo(List.of("A", "B", "C"), Map.of(), Frequency.DAILY_STOCKS);

    private static StrategyPlan strategy(String text) {
        CheckResult r = Checker.check(new Source("p.strat", text),
                new CheckContext(StandardLibrary.registry(), InMemorySourceLoader.empty(), Optional.empty()));
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        return r.plan().orElseThrow().strategy("s").orElseThrow();
    }

    @Test
    void buildsARuntimePipelineStageByStage() {
        PipelineBuilder.Result r = PipelineBuilder.build(strategy("strategy s = olmar(window=5) | constrain(max_weight=40%)"), THREE_DAILY);
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        Pipeline p = r.pipeline().orElseThrow();
        assertEquals("s", p.name());
        assertEquals(2, p.stages().size());
    }

    @Test
    void aFactoryRejectionBecomesADiagnosticAtTheStage() {
        PipelineBuilder.Result r = PipelineBuilder.build(strategy("strategy s = crp([50%, 50%])"), THREE_DAILY);
        assertTrue(r.pipeline().isEmpty());
        assertEquals(1, r.diagnostics().size());
        Diagnostic d = r.diagnostics().get(0);
        assertTrue(d.message().startsWith("crp: expected 3 weights"), d.message());
        assertEquals(1, d.span().line());
        assertEquals(14, d.span().column());
    }

    @Test
    void everyFailingStageIsReported() {
        PipelineBuilder.Result r = PipelineBuilder.build(strategy("strategy s = crp([1]) | constrain(min_weight=40%)"), THREE_DAILY);
        assertEquals(2, r.diagnostics().size(), () -> r.diagnostics().toString());
    }

    @Test
    void lengthsAreConvertedToBarsAndRangeCheckedForTheMarket() {
        PipelineBuilder.Result hourly = PipelineBuilder.build(strategy("strategy s = olmar(window=1h)"), THREE_DAILY);
        assertTrue(hourly.pipeline().isEmpty());
        assertTrue(hourly.diagnostics().get(0).message().contains("shorter than one bar of daily data"),
                hourly.diagnostics().get(0).message());
        PipelineBuilder.Result ok = PipelineBuilder.build(strategy("strategy s = olmar(window=2w)"), THREE_DAILY);
        assertTrue(ok.ok(), () -> ok.diagnostics().toString());
    }
}
