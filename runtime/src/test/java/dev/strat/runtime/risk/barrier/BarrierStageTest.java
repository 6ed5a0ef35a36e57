package dev.strat.runtime.risk.barrier;

import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.backtest.BacktestConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The risk stage: a = a_rl + lambda a_c with a_c from an independent controller on the same
 * inputs, ARS's bound before the solve, DCM's lambda on the correction only, and the reports.
 */
class BarrierStageTest {

    private static final double RF = 0.016575;
    private static final int N = 3;

    /** 40 bars of three assets with different trends and noise, so the forecasts differ. */
    private static MarketData market() {
        int bars = 40;
        double[] close = new double[bars * N];
        long[] times = new long[bars];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        double[] p = {10, 100, 50};
        double[] drift = {0.002, -0.001, 0.0005};
        for (int k = 0; k < bars; k++) {
            times[k] = 1_577_836_800L + 86_400L * k;
            for (int i = 0; i < N; i++) {
                if (k > 0) p[i] *= 1 + drift[i] + 0.015 * (rnd.nextDouble() - 0.5) * (i + 1);
                close[k * N + i] = p[i];
            }
        }
        return new MarketData("synthetic", List.of("A", "B", "C"), Map.of(), times, null, null, null, close, null, Frequency.DAILY_STOCKS);
    }

    /** Records what the stage reports. */
    static final class Recorder implements ReportSink {
        final Map<String, Long> counts = new HashMap<>();
        final Map<String, List<Double>> series = new HashMap<>();

        @Override public void series(String name, int step, double value) { series.computeIfAbsent(name, k -> new ArrayList<>()).add(value); }
        @Override public void count(String name, long delta) { counts.merge(name, delta, Long::sum); }
        @Override public void categories(String series, List<String> labels) { }
    }

    private static Recorder reset(BarrierStage stage) {
        Recorder r = new Recorder();
        stage.reset(new RunSetup(List.of("A", "B", "C"), Frequency.DAILY_STOCKS, 1, 22, 39, r, BacktestConfig.FRICTIONLESS));
        return r;
    }

    private static BarrierStage stage() {
        return new BarrierStage("barrier", 21, new PriceForecast.MovingAverage(5), 0.3, 0.001, BarrierController.RIPO_RELAXATION);
    }

    private static final double[] PROPOSAL = {0.3, 0.3, 0.2, 0.2};   // 20% cash: dropped, assets renormalised
    private static final double[] A_RL = {0.375, 0.375, 0.25};
    private static final double[] HELD = {0.5, 0.2, 0.3, 0};

    private static double[] propose(BarrierStage stage, History h, int step) {
        double[] out = new double[N + 1];
        stage.propose(new Decision(h, step, PROPOSAL.clone(), HELD.clone(), 1e6), out);
        return out;
    }

    private static void observe(BarrierStage stage, int step, double net) {
        stage.observe(new Outcome(step, HELD.clone(), new double[]{1, 1, 1}, net, 0, net, 1e6));
    }

    @Test
    void withoutAdaptersTheBoundHoldsTheCurrentRisk() {
        MarketData m = market();
        History h = History.cursor(m, 25).view();
        BarrierStage stage = stage();
        Recorder r = reset(stage);
        double[] out = propose(stage, h, 0);

        BarrierController reference = BarrierController.ripo(N);
        double[] ac = new double[N];
        assertTrue(reference.step(h, A_RL, new double[]{0.5, 0.2, 0.3}, BarrierController.HOLD_RISK, ac));
        double size = 0;
        for (int i = 0; i < N; i++) {
            assertEquals(A_RL[i] + ac[i], out[i], 1e-12);
            size += Math.abs(ac[i]);
        }
        assertTrue(size > 1e-3, "the controller should correct this proposal, |a_c| = " + size);
        assertEquals(0.0, out[N], 0.0, "RiPO holds no cash");
        assertEquals(1.0, out[0] + out[1] + out[2], 1e-12);
        // the reset rule: sigma_s_{t+1} = sigma_alpha_t + sigma_beta
        assertEquals(reference.lastSigmaAlpha() + 0.001, r.series.get("bound").get(0), 1e-15);
        assertEquals(reference.lastSigmaAlpha(), r.series.get("sigma_alpha").get(0), 1e-15);
        assertEquals(size, r.series.get("correction").get(0), 1e-12);
        assertEquals(1L, r.counts.get("solved"));
    }

    @Test
    void dcmScalesTheCorrectionNotTheWeights() {
        MarketData m = market();
        BarrierStage stage = stage();
        stage.attach(new DynamicContribution(0.5, 0.005, 3, false, DynamicContribution.Excess.AUTHORS, RF));
        Recorder r = reset(stage);
        History h = History.cursor(m, 25).view();
        propose(stage, h, 0);
        // three days of 2%: x = 0.02 - rf >= 0, lambda = m = 0.5
        for (int k = 0; k < 3; k++) observe(stage, k, 0.02);
        History h2 = History.cursor(m, 26).view();
        double[] out = propose(stage, h2, 3);

        BarrierController reference = BarrierController.ripo(N);
        double[] ac = new double[N];
        reference.step(h, A_RL, new double[]{0.5, 0.2, 0.3}, BarrierController.HOLD_RISK, ac);
        reference.step(h2, A_RL, new double[]{0.5, 0.2, 0.3}, BarrierController.HOLD_RISK, ac);
        double size = 0;
        for (int i = 0; i < N; i++) {
            assertEquals(A_RL[i] + 0.5 * ac[i], out[i], 1e-12);
            size += Math.abs(ac[i]);
        }
        assertTrue(size > 1e-3);
        assertEquals(List.of(1.0, 0.5), r.series.get("lambda"));
    }

    @Test
    void arsSetsTheBoundBeforeTheSolve() {
        MarketData m = market();
        BarrierStage stage = stage();
        AdaptiveRisk ars = new AdaptiveRisk(1, 0.01, 0.015, 2, RF);
        stage.attach(ars);
        Recorder r = reset(stage);
        History h = History.cursor(m, 25).view();
        double[] first = propose(stage, h, 0);
        observe(stage, 0, 0.00003);
        observe(stage, 1, 0.00005);
        History h2 = History.cursor(m, 26).view();
        double[] second = propose(stage, h2, 2);

        RecentReturns seen = new RecentReturns(2);
        seen.add(0.00003);
        seen.add(0.00005);
        double bound = ars.bound(seen);
        assertTrue(bound > 0.01 && bound < 0.015, "in the line's middle: " + bound);
        assertEquals(List.of(0.01, bound), r.series.get("bound"));

        BarrierController reference = BarrierController.ripo(N);
        double[] ac = new double[N];
        reference.step(h, A_RL, new double[]{0.5, 0.2, 0.3}, 0.01, ac);
        for (int i = 0; i < N; i++) assertEquals(A_RL[i] + ac[i], first[i], 1e-12);
        reference.step(h2, A_RL, new double[]{0.5, 0.2, 0.3}, bound, ac);
        for (int i = 0; i < N; i++) assertEquals(A_RL[i] + ac[i], second[i], 1e-12);
    }

    @Test
    void anAllCashProposalBecomesEqualWeights() {
        BarrierStage stage = stage();
        reset(stage);
        History early = History.cursor(market(), 10).view();   // before the warm-up: a_rl passes through
        double[] out = new double[N + 1];
        stage.propose(new Decision(early, 0, new double[]{0, 0, 0, 1}, HELD.clone(), 1e6), out);
        for (int i = 0; i < N; i++) assertEquals(1.0 / 3, out[i], 1e-15);
        assertEquals(0.0, out[N], 0.0);
    }

    @Test
    void anAdapterAttachesOnce() {
        BarrierStage stage = stage();
        stage.attach(new AdaptiveRisk(1, 0.01, 0.015, 5, RF));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> stage.attach(new AdaptiveRisk(2, 0.01, 0.02, 3, RF)));
        assertTrue(e.getMessage().contains("'ars'"), e.getMessage());
        stage.attach(new DynamicContribution(0.8, 0.005, 5, false, DynamicContribution.Excess.AUTHORS, RF));
        assertThrows(IllegalStateException.class,
                () -> stage.attach(new DynamicContribution(0.8, 0.005, 5, false, DynamicContribution.Excess.AUTHORS, RF)));
    }
}
