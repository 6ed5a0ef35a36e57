package dev.strat.runtime.backtest;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.LookAheadException;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.RandomWalkMarket;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktesterTest {

    /** A: 100 -> 110 -> 99 -> 108.9 (relatives 1.1, 0.9, 1.1); B: 50 -> 50 -> 55 -> 55 (1, 1.1, 1). */
    private static final MarketData TWO = TestStages.market(List.of("A", "B"), new double[][]{
            {100, 50}, {110, 50}, {99, 55}, {108.9, 55}});

    @Test
    void fiftyFiftyRebalanceMatchesHandCalculationWithFees() {
        Backtester bt = new Backtester(new BacktestConfig(1000, 0.01, 0, 0));
        BacktestResult r = bt.run("half", TestStages.constant("half", 0.5, 0.5, 0), TWO, 0, 3, 1);

        // Step 0: from all cash to 50/50 trades 1.0 of wealth in assets: cost 0.01.
        //   gross = 0.5*1.1 + 0.5*1.0 = 1.05; V1 = 1000 * 0.99 * 1.05 = 1039.5
        //   drifted = (0.55/1.05, 0.50/1.05)
        double v1 = 1000 * 0.99 * 1.05;
        // Step 1: trade |0.5 - 0.55/1.05| + |0.5 - 0.5/1.05| = 0.05/1.05, cost 0.01 * 0.05/1.05.
        //   gross = 0.5*0.9 + 0.5*1.1 = 1.0; drifted = (0.45, 0.55)
        double c1 = 0.01 * 0.05 / 1.05;
        double v2 = v1 * (1 - c1) * 1.0;
        // Step 2: trade 0.05 + 0.05 = 0.1, cost 0.001; gross = 0.55 + 0.5 = 1.05.
        double v3 = v2 * (1 - 0.001) * 1.05;

        assertEquals(3, r.periods());
        assertArrayEquals(new double[]{1000, v1, v2, v3}, r.wealth(), 1e-9);
        assertEquals(1039.5, v1, 1e-12);
        assertEquals(1039.005, v2, 1e-9);
        assertArrayEquals(new double[]{0.01, c1, 0.001}, r.costs(), 1e-15);
        // Turnover counts the cash leg: 1.0 (assets) + 1.0 (cash) at the first step.
        assertArrayEquals(new double[]{2.0, 0.05 / 1.05, 0.1}, r.turnover(), 1e-15);
        assertArrayEquals(new double[]{0.5, 0.5, 0, 0.5, 0.5, 0, 0.5, 0.5, 0}, r.weights(), 0);
        assertArrayEquals(new long[]{TWO.time(0), TWO.time(1), TWO.time(2), TWO.time(3)}, r.times());
        assertEquals("half", r.label());
        assertEquals(252, r.periodsPerYear());
    }

    @Test
    void buyAndHoldDriftsWithPricesAndPaysOnlyTheInitialTrade() {
        Stage hold = new Stage() {
            public String label() { return "bah"; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) {
                if (d.step() == 0) { out[0] = 0.5; out[1] = 0.5; out[2] = 0; }
                else System.arraycopy(d.current(), 0, out, 0, out.length);
            }
        };
        BacktestResult r = new Backtester(new BacktestConfig(1000, 0.01, 0, 0)).run("bah", hold, TWO, 0, 3, 1);
        // 990 invested at bar 0: 495 in each; at bar 3 worth 495*1.089 + 495*1.1.
        assertEquals(495 * 1.089 + 495 * 1.1, r.finalWealth(), 1e-9);
        assertEquals(0, r.costs()[1], 1e-15);
        assertEquals(0, r.costs()[2], 1e-15);
        // Held weights at step 2 are the drifted ones: A grew by 1.1*0.9 = 0.99, B by 1.1.
        assertEquals(0.99 / 2.09, r.weight(2, 0), 1e-12);
        assertEquals(1.1 / 2.09, r.weight(2, 1), 1e-12);
    }

    @Test
    void cashEarnsTheConfiguredRiskFreeRate() {
        MarketData market = RandomWalkMarket.of(2, 253, 3);
        BacktestResult r = new Backtester(new BacktestConfig(100, 0.01, 0, 0, 0.05))
                .run("cash", TestStages.constant("hold", 0, 0, 1), market, 0, 252, 1);
        assertEquals(105, r.finalWealth(), 1e-9);
        assertEquals(0, r.totalCostPaid(), 0);
    }

    @Test
    void warmupHoldsCashAndSkipsTheStage() {
        List<Integer> proposed = new ArrayList<>();
        List<Integer> observed = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        Stage slow = new Stage() {
            public String label() { return "slow"; }
            public int warmup() { return 3; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) {
                proposed.add(d.history().now());
                steps.add(d.step());
                out[0] = 1; out[1] = 0; out[2] = 0;
            }
            public void observe(Outcome o) { observed.add(o.step()); }
        };
        BacktestResult r = new Backtester(new BacktestConfig(1000, 0.01, 0, 0)).run("slow", slow, TWO, 0, 3, 1);
        // Bars 0 and 1 have 1 and 2 bars visible: fewer than the 3 the stage needs.
        assertEquals(List.of(2), proposed);
        assertEquals(List.of(2), steps, "steps index the run's periods, warm-up included");
        assertEquals(List.of(2), observed);
        assertEquals(1000, r.wealth()[1], 0);
        assertEquals(1000, r.wealth()[2], 0);
        assertEquals(1.0, r.weight(0, 2), 0);
        assertEquals(1000 * 0.99 * 1.1, r.finalWealth(), 1e-9);

        // History before firstBar counts: starting at bar 2, the stage is asked at once.
        proposed.clear();
        new Backtester(BacktestConfig.FRICTIONLESS).run("slow", slow, TWO, 2, 3, 1);
        assertEquals(List.of(2), proposed);
    }

    @Test
    void outcomesMatchTheRecordedPath() {
        List<double[]> seen = new ArrayList<>();
        Stage watcher = new Stage() {
            public String label() { return "watch"; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) { out[0] = 0.3; out[1] = 0.3; out[2] = 0.4; }
            public void observe(Outcome o) {
                seen.add(new double[]{o.step(), o.wealth(), o.netReturn(), o.cost(), o.grossReturn(), o.executed()[2], o.relatives()[1]});
            }
        };
        BacktestResult r = new Backtester(new BacktestConfig(1000, 0.002, 0.001, 0.003)).run("w", watcher, TWO, 0, 3, 5);
        assertEquals(3, seen.size());
        for (int k = 0; k < 3; k++) {
            double[] s = seen.get(k);
            assertEquals(k, (int) s[0]);
            assertEquals(r.wealth()[k + 1], s[1], 0);
            assertEquals(r.wealth()[k + 1] / r.wealth()[k] - 1, s[2], 1e-14);
            assertEquals(r.costs()[k], s[3], 0);
            assertEquals((1 - s[3]) * (1 + s[4]) - 1, s[2], 1e-15);
            assertEquals(0.4, s[5], 0);
            assertEquals(TWO.relative(k + 1, 1), s[6], 0);
            // The slippage draw lies in [0.001, 0.003): rate = cost / assets traded.
            double traded = r.turnover()[k] - Math.abs(r.weight(k, 2) - (k == 0 ? 1 : driftedCash(r, k)));
            double rate = r.costs()[k] / traded;
            assertTrue(rate >= 0.003 - 1e-12 && rate < 0.005 + 1e-12, "rate " + rate);
        }
    }

    private static double driftedCash(BacktestResult r, int k) {
        // cash weight after drifting through period k-1 (cash relative 1)
        double gross = 0;
        for (int j = 0; j < 2; j++) gross += r.weight(k - 1, j) * TWO.relative(k, j);
        gross += r.weight(k - 1, 2);
        return r.weight(k - 1, 2) / gross;
    }

    /**
     * Replays a random stage's recorded weights through an independent implementation of the
     * accounting (same slippage stream, drift computed from values held rather than weights).
     */
    @Test
    void wealthPathMatchesAnIndependentReplay() {
        MarketData market = RandomWalkMarket.of(5, 320, 17);
        BacktestConfig config = new BacktestConfig(50_000, 0.002, 0.0005, 0.003);
        RunSetup[] seen = new RunSetup[1];
        Stage random = TestStages.randomWeights();
        Stage spy = new Stage() {
            public String label() { return random.label(); }
            public void reset(RunSetup setup) { seen[0] = setup; random.reset(setup); }
            public void propose(Decision d, double[] out) { random.propose(d, out); }
        };
        BacktestResult r = new Backtester(config).run("rnd", spy, market, 70, 319, 99);
        assertEquals(new RunSetup(market.symbols(), market.frequency(), 99, 70, 319, seen[0].reports(), config), seen[0]);

        java.util.SplittableRandom slip = seen[0].random("slippage");
        double[] held = new double[6];     // currency value per column, cash last
        held[5] = 50_000;
        for (int k = 0; k < r.periods(); k++) {
            double v = 0;
            for (double h : held) v += h;
            assertEquals(r.wealth()[k], v, 1e-8 * v);
            double traded = 0;
            for (int i = 0; i < 5; i++) traded += Math.abs(r.weight(k, i) * v - held[i]);
            double cost = (0.002 + slip.nextDouble(0.0005, 0.003)) * traded;
            double after = v - cost;
            for (int j = 0; j < 6; j++) {
                double relative = j < 5 ? market.relative(70 + k + 1, j) : 1;
                held[j] = r.weight(k, j) * after * relative;
            }
        }
        double v = 0;
        for (double h : held) v += h;
        assertEquals(r.finalWealth(), v, 1e-8 * v);
    }

    @Test
    void sameSeedReproducesAndAnotherSeedChangesSlippage() {
        MarketData market = RandomWalkMarket.of(5, 300, 11);
        Backtester bt = new Backtester(new BacktestConfig(1e6, 0.001, 0, 0.01));
        BacktestResult a = bt.run("r", TestStages.randomWeights(), market, 50, 299, 7);
        BacktestResult b = bt.run("r", TestStages.randomWeights(), market, 50, 299, 7);
        assertArrayEquals(a.wealth(), b.wealth(), 0);
        assertArrayEquals(a.weights(), b.weights(), 0);
        assertArrayEquals(a.turnover(), b.turnover(), 0);
        assertArrayEquals(a.costs(), b.costs(), 0);
        assertArrayEquals(a.times(), b.times());

        // A constant stage makes the same trades under any seed; only the slippage draws differ.
        Stage ucrp = TestStages.constant("ucrp", 0.2, 0.2, 0.2, 0.2, 0.2, 0);
        BacktestResult c = bt.run("u", ucrp, market, 50, 299, 1);
        BacktestResult d = bt.run("u", ucrp, market, 50, 299, 2);
        BacktestResult e = bt.run("u", ucrp, market, 50, 299, 1);
        assertArrayEquals(c.wealth(), e.wealth(), 0);
        assertFalse(Arrays.equals(c.wealth(), d.wealth()));
        assertArrayEquals(c.turnover(), d.turnover(), 1e-15);
        assertTrue(Math.abs(c.finalWealth() / d.finalWealth() - 1) < 0.01);
    }

    @Test
    void stagesCannotSeeTheFuture() {
        List<Integer> nows = new ArrayList<>();
        int[] refused = {0};
        Stage peeker = new Stage() {
            public String label() { return "peek"; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) {
                nows.add(d.history().now());
                try {
                    d.history().close(-1, 0);
                } catch (LookAheadException expected) {
                    refused[0]++;
                }
                // The decision bar itself is visible.
                assertEquals(TWO.close(d.history().now(), 0), d.history().close(0, 0));
                out[0] = 0; out[1] = 0; out[2] = 1;
            }
        };
        new Backtester(BacktestConfig.FRICTIONLESS).run("peek", peeker, TWO, 1, 3, 1);
        assertEquals(List.of(1, 2), nows);
        assertEquals(2, refused[0]);

        Stage cheat = new Stage() {
            public String label() { return "cheat"; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) {
                double next = d.history().relative(-1, 0);
                out[0] = next > 1 ? 1 : 0; out[1] = 0; out[2] = 1 - out[0];
            }
        };
        assertThrows(LookAheadException.class, () -> new Backtester(BacktestConfig.FRICTIONLESS).run("c", cheat, TWO, 0, 3, 1));

        // and a stage has no way to move the view it is given: only the backtester's cursor can
        assertThrows(NoSuchMethodException.class, () -> History.class.getMethod("advanceTo", int.class));
    }

    @Test
    void invalidProposalsNameTheStageStepAndDate() {
        Backtester bt = new Backtester(BacktestConfig.FRICTIONLESS);
        IllegalStateException sum = assertThrows(IllegalStateException.class,
                () -> bt.run("x", TestStages.constant("leaky(k=2)", 0.5, 0.5, 0.1), TWO, 1, 3, 1));
        assertTrue(sum.getMessage().contains("'leaky(k=2)'"), sum.getMessage());
        assertTrue(sum.getMessage().contains("step 0"), sum.getMessage());
        assertTrue(sum.getMessage().contains("2019-01-02"), sum.getMessage());
        assertTrue(sum.getMessage().contains("summing to 1.1"), sum.getMessage());

        IllegalStateException negative = assertThrows(IllegalStateException.class,
                () -> bt.run("x", TestStages.constant("short", 1.5, -0.5, 0), TWO, 0, 3, 1));
        assertTrue(negative.getMessage().contains("-0.5 for B"), negative.getMessage());

        Stage forgetsCash = new Stage() {
            public String label() { return "nocash"; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) { out[0] = 0.5; out[1] = 0.5; }
        };
        IllegalStateException nan = assertThrows(IllegalStateException.class, () -> bt.run("x", forgetsCash, TWO, 0, 3, 1));
        assertTrue(nan.getMessage().contains("NaN for cash"), nan.getMessage());

        Stage infinite = TestStages.constant("inf", Double.POSITIVE_INFINITY, 0, 0);
        assertThrows(IllegalStateException.class, () -> bt.run("x", infinite, TWO, 0, 3, 1));
    }

    @Test
    void noiseLevelViolationsAreRepaired() {
        BacktestResult r = new Backtester(BacktestConfig.FRICTIONLESS)
                .run("n", TestStages.constant("noisy", 0.6 + 4e-7, 0.4, -1e-13), TWO, 0, 3, 1);
        for (int t = 0; t < 3; t++) {
            assertEquals(0, r.weight(t, 2), 0);
            assertEquals(1, r.weight(t, 0) + r.weight(t, 1), 1e-15);
            assertEquals(0.6, r.weight(t, 0), 1e-6);
        }
    }

    @Test
    void pipelinesRunAndReportProgress() {
        List<Long> progress = new ArrayList<>();
        long[] total = {0};
        ProgressListener listener = new ProgressListener() {
            public void start(String name, long t) { total[0] = t; }
            public void progress(long done, String message) { progress.add(done); }
        };
        MarketData market = RandomWalkMarket.of(3, 400, 2);
        Pipeline p = new Pipeline("p", List.of(TestStages.constant("third", 1 / 3.0, 1 / 3.0, 1 / 3.0, 0)));
        BacktestResult r = new Backtester(BacktestConfig.FRICTIONLESS).run("p", p, market, 100, 399, 1, listener);
        assertEquals(299, total[0]);
        assertEquals(299L, progress.get(progress.size() - 1));
        assertTrue(progress.size() >= 100);
        assertEquals("third", r.label());
        assertEquals(3, r.assets());
    }

    @Test
    void rejectsBadRanges() {
        Backtester bt = new Backtester(BacktestConfig.FRICTIONLESS);
        Stage s = TestStages.constant("c", 0, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> bt.run("x", s, TWO, 2, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> bt.run("x", s, TWO, 0, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> bt.run("x", s, TWO, -1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new BacktestConfig(100, 0.3, 0, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new BacktestConfig(100, 0.01, 0.02, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new BacktestConfig(0, 0, 0, 0));
    }
}
