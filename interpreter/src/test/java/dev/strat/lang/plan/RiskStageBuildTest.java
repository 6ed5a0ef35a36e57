package dev.strat.lang.plan;

import dev.strat.lang.check.CheckContext;
import dev.strat.lang.check.CheckResult;
import dev.strat.lang.check.Checker;
import dev.strat.lang.diag.Source;
import dev.strat.lang.load.InMemorySourceLoader;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.risk.barrier.AdapterStage;
import dev.strat.runtime.risk.barrier.AdaptiveRisk;
import dev.strat.runtime.risk.barrier.BarrierStage;
import dev.strat.runtime.risk.barrier.DynamicContribution;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.StandardLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code risk barrier} with its adapters: attached at build time, either without the other, and run. */
class RiskStageBuildTest {

    private static final MarketInfo THREE = new MarketInfo(List.of("A", "B", "C"), Map.of(), Frequency.DAILY_STOCKS);

    private static PipelineBuilder.Result build(String text) {
        CheckResult r = Checker.check(new Source("p.strat", text),
                new CheckContext(StandardLibrary.registry(), InMemorySourceLoader.empty(), Optional.empty()));
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        return PipelineBuilder.build(r.plan().orElseThrow().strategy("s").orElseThrow(), THREE);
    }

    @Test
    void adaptersAttachToTheBarrierBeforeThem() {
        Pipeline p = build("strategy s = olmar | risk barrier(gamma=0.5) | adapt dcm(m=0, v=0.5, window=3, excess=daily) "
                + "| adapt ars(scale=2, sigma_max=0.02, window=3)").pipeline().orElseThrow();
        BarrierStage barrier = (BarrierStage) p.stages().get(1);
        assertEquals(new DynamicContribution(0, 0.5, 3, false, DynamicContribution.Excess.DAILY, 0.016575), barrier.dcm());
        assertEquals(new AdaptiveRisk(2, 0.01, 0.02, 3, 0.016575), barrier.ars());
        assertSame(barrier.dcm(), ((AdapterStage) p.stages().get(2)).adapter());
    }

    @Test
    void eitherWorksWithoutTheOther() {
        BarrierStage onlyArs = (BarrierStage) build("strategy s = ucrp | risk barrier | adapt ars").pipeline().orElseThrow().stages().get(1);
        assertNull(onlyArs.dcm());
        assertEquals(AdaptiveRisk.class, onlyArs.ars().getClass());
        BarrierStage onlyDcm = (BarrierStage) build("strategy s = ucrp | risk barrier | adapt dcm").pipeline().orElseThrow().stages().get(1);
        assertNull(onlyDcm.ars());
        assertEquals(DynamicContribution.Excess.AUTHORS, onlyDcm.dcm().excess(), "the authors' x is the default");
    }

    @Test
    void anAdapterAfterAnInlinedStrategyReachesItsBarrier() {
        CheckResult r = Checker.check(new Source("p.strat", """
                strategy guarded = olmar | risk barrier
                strategy s = guarded | adapt ars
                """), new CheckContext(StandardLibrary.registry(), InMemorySourceLoader.empty(), Optional.empty()));
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        PipelineBuilder.Result built = PipelineBuilder.build(r.plan().orElseThrow().strategy("s").orElseThrow(), THREE);
        assertTrue(built.ok(), () -> built.diagnostics().toString());
        Pipeline p = built.pipeline().orElseThrow();
        // the inlined strategy's stages are spliced in: olmar, barrier, ars
        BarrierStage barrier = (BarrierStage) p.stages().get(1);
        assertEquals(AdaptiveRisk.class, barrier.ars().getClass());
    }

    @Test
    void aBadBoundIsALocatedError() {
        CheckResult r = Checker.check(new Source("p.strat", "strategy s = ucrp | risk barrier | adapt ars(sigma_min=0.03, sigma_max=0.02)"),
                new CheckContext(StandardLibrary.registry(), InMemorySourceLoader.empty(), Optional.empty()));
        PipelineBuilder.Result built = PipelineBuilder.build(r.plan().orElseThrow().strategy("s").orElseThrow(), THREE);
        assertFalse(built.ok());
        assertEquals("ars: sigma_min 0.03 exceeds sigma_max 0.02", built.diagnostics().get(0).message());
        assertEquals(1, built.diagnostics().get(0).span().line());
    }

    /** 120 bars of three trending, noisy assets. */
    private static MarketData market() {
        int bars = 120, n = 3;
        double[] close = new double[bars * n];
        long[] times = new long[bars];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        double[] p = {10, 100, 50};
        for (int k = 0; k < bars; k++) {
            times[k] = 1_577_836_800L + 86_400L * k;
            for (int i = 0; i < n; i++) {
                if (k > 0) p[i] *= 1 + 0.0005 * (i - 1) + 0.02 * (rnd.nextDouble() - 0.5) * (i + 1);
                close[k * n + i] = p[i];
            }
        }
        return new MarketData("synthetic", List.of("A", "B", "C"), Map.of(), times, null, null, null, close, null, Frequency.DAILY_STOCKS);
    }

    @Test
    void aClassicAllocatorRunsUnderTheControllerWithoutCash() {
        Pipeline p = build("strategy s = olmar | risk barrier | adapt dcm | adapt ars").pipeline().orElseThrow();
        BacktestResult r = new Backtester(BacktestConfig.FRICTIONLESS).run("s", p, market(), 30, 119, 1);
        long solved = r.reports().counters().getOrDefault("solved", 0L);
        long unsolved = r.reports().counters().getOrDefault("unsolved", 0L);
        assertEquals(89, solved + unsolved, "one solve per decision: " + r.reports().counters());
        assertTrue(solved > 0);
        for (int t = 1; t < r.periods(); t++) {
            assertEquals(0.0, r.weight(t, 3), 1e-9, "no cash at period " + t);
        }
        double[] sizes = r.reports().series().get("correction");
        double sum = 0;
        for (double v : sizes) if (!Double.isNaN(v)) sum += v;
        assertTrue(sum > 0, "the controller corrected olmar somewhere");
        assertTrue(r.reports().series().containsKey("lambda") && r.reports().series().containsKey("bound"));
    }
}
