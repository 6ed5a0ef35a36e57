package dev.strat.lang.check;

import dev.strat.lang.plan.PipelineBuilder;
import dev.strat.lang.plan.StrategyPlan;
import dev.strat.runtime.data.Frequency;
import dev.strat.stdlib.MarketInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Windows written as lengths pass the checker and are range-checked in bars once the market is known. */
class LengthWindowTest {

    private static StrategyPlan strategy(String pipeline) {
        CheckResult r = TestRegistry.check("strategy s = " + pipeline);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        return r.plan().orElseThrow().strategy("s").orElseThrow();
    }

    @Test
    void aLengthBelowTheMinimumInBarsIsReportedAtTheStage() {
        MarketInfo daily = new MarketInfo(List.of("A", "B"), Map.of(), Frequency.DAILY_STOCKS);
        PipelineBuilder.Result r = PipelineBuilder.build(strategy("alloc(window=1d)"), daily);
        assertTrue(r.pipeline().isEmpty());
        assertEquals("'window' must be in [2, 500], got 1 (1d is 1 bar of daily, 252 periods/yr)", r.diagnostics().get(0).message());
        assertEquals(14, r.diagnostics().get(0).span().column());
    }

    @Test
    void theSameLengthFitsOnAnHourlyMarket() {
        MarketInfo hourly = new MarketInfo(List.of("A", "B"), Map.of(), Frequency.HOURLY_CRYPTO);
        assertTrue(PipelineBuilder.build(strategy("alloc(window=1d)"), hourly).ok());
        PipelineBuilder.Result tooLong = PipelineBuilder.build(strategy("alloc(window=1mo)"), hourly);
        assertEquals("'window' must be in [2, 500], got 730 (1mo is 730 bars of hourly, 365*24 periods/yr)",
                tooLong.diagnostics().get(0).message());
    }

    @Test
    void everySugarIsCheckedTheSameWay() {
        MarketInfo daily = new MarketInfo(List.of("A", "B"), Map.of(), Frequency.DAILY_STOCKS);
        PipelineBuilder.Result r = PipelineBuilder.build(strategy("alloc every 2h"), daily);
        assertTrue(r.diagnostics().get(0).message().contains("shorter than one bar of daily data"), r.diagnostics().toString());
    }
}
