package dev.strat.runtime.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.backtest.Holdings;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.DateRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.WalkForward;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalkForwardRunTest {

    static final MarketData MARKET = ExperimentRunnerTest.MARKET;
    static final BacktestConfig COSTS = new BacktestConfig(1e6, 0.0025, 0.0, 0.001);

    /** What a fake training saw: its run and the window index of the model it was handed, or -1. */
    record Call(RunSpec run, int previousWindow) {
    }

    /**
     * A fake learner: its weights depend on the window and the seed, and its "model" (the training
     * log's validation curve) records the window it was trained in, so a continued run can tell
     * which model it was given.
     */
    static NamedStrategy learner(List<Call> calls) {
        return NamedStrategy.trained("rl", "fake(lr=0.1)", (run, market, previous) -> {
            calls.add(new Call(run, previous.map(p -> (int) p.log().validation()[0]).orElse(-1)));
            double a = 0.05 * (run.window() + 1) + 0.01 * run.seed();
            return new TrainStep.Trained(TestStages.constant("rl", a, 0.5 - a, 0.25, 0.25, 0),
                    new TrainingLog(new double[] {run.window(), run.seed()}, new double[] {run.window()}, "sharpe"));
        });
    }

    static Protocol.WalkForward protocol(Protocol.Retrain retrain) {
        return Protocol.WalkForward.of(WalkForward.windows(MARKET, 60, 40, DateRange.all(), false), retrain, 10);
    }

    static ExperimentSpec spec(Protocol protocol, NamedStrategy... strategies) {
        return new ExperimentSpec("wf", MARKET, protocol, List.of(strategies), ExperimentSpec.seeds(3), COSTS,
                ExperimentRunnerTest.SHOWN, MetricOptions.DEFAULT, Optional.empty());
    }

    @Test
    void windowsTileTheSpanAndTrainBeforeTheirTest() {
        Protocol.WalkForward wf = protocol(Protocol.Retrain.SCRATCH);
        List<Protocol.Window> w = wf.windows();
        assertEquals(5, w.size()); // bars 60..259 in blocks of 40
        assertEquals(60, wf.firstBar());
        assertEquals(MARKET.bars() - 1, wf.lastBar());
        for (int k = 0; k < w.size(); k++) {
            Protocol.Window win = w.get(k);
            assertEquals(k, win.index());
            if (k > 0) assertEquals(w.get(k - 1).test().to(), win.test().from());
            BarRange train = win.train().orElseThrow(), valid = win.valid().orElseThrow();
            // rolling 60-bar block: 50 to fit, the last 10 to validate, right before the test
            assertEquals(50, train.bars());
            assertEquals(new BarRange(train.to(), win.test().from()), valid);
        }
        assertEquals(39, w.get(4).test().bars()); // the very last bar only values the final wealth
        // windows that do not tile are refused
        Protocol.Window a = w.get(0), c = w.get(2);
        assertThrows(IllegalArgumentException.class, () -> new Protocol.WalkForward(
                List.of(a, new Protocol.Window(1, c.train(), c.valid(), c.test())), Protocol.Retrain.SCRATCH));
        // a train range reaching into its test is look-ahead
        assertThrows(IllegalArgumentException.class, () -> new Protocol.Window(0, Optional.of(new BarRange(0, 70)),
                Optional.empty(), new BarRange(60, 100)));
    }

    @Test
    void concatenatedWealthIsTheChainedWealthOfTheWindows() {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        ExperimentResult result = new ExperimentRunner().run(spec(protocol(Protocol.Retrain.SCRATCH), learner(calls),
                ExperimentRunnerTest.ucrp()));
        StrategyResult rl = result.strategy("rl");
        assertEquals(5, rl.windows().size());
        assertEquals(15, calls.size()); // 3 seeds x 5 windows
        for (int s = 0; s < 3; s++) {
            BacktestResult whole = rl.runs().get(s);
            assertEquals(result.spec().periods(), whole.periods());
            double start = COSTS.capital();
            int at = 0;
            for (WindowResult w : rl.windows()) {
                BacktestResult part = w.runs().get(s);
                // every window carries on the account the one before left: no rescaling, the paths join exactly
                assertEquals(start, part.capital(), 0);
                for (int t = 0; t <= part.periods(); t++) {
                    assertEquals(part.wealth()[t], whole.wealth()[at + t]);
                    assertEquals(part.times()[t], whole.times()[at + t]);
                }
                for (int t = 0; t < part.periods(); t++) {
                    assertEquals(part.turnover()[t], whole.turnover()[at + t]);
                    assertEquals(part.weight(t, 0), whole.weight(at + t, 0));
                }
                start = whole.wealth()[at + part.periods()];
                at += part.periods();
            }
            assertEquals(whole.periods(), at);
        }
        // each window is the backtest of its trained stage from the holdings the previous window ended with
        Holdings held = Holdings.cash(MARKET.assets(), COSTS.capital());
        for (WindowResult w : rl.windows()) {
            int k = w.window().index();
            double a = 0.05 * (k + 1) + 0.01;
            // (windows after the first draw their slippage from their own streams: WindowCosts)
            Backtester.Leg direct = new Backtester(WindowCosts.config(COSTS, k)).run("rl",
                    TestStages.constant("rl", a, 0.5 - a, 0.25, 0.25, 0), MARKET, w.window().test().from(),
                    w.window().test().to(), 1, held, ProgressListener.NONE);
            assertArrayEquals(direct.result().wealth(), w.runs().get(0).wealth(), "window " + k);
            assertArrayEquals(direct.result().costs(), w.runs().get(0).costs(), "window " + k);
            held = direct.end();
        }
        WindowResult second = rl.windows().get(1);
        // window metrics are the window runs' own
        assertEquals(dev.strat.runtime.metrics.Metrics.compute(second.runs().get(2), MetricOptions.DEFAULT).get(MetricId.SHARPE),
                second.values(MetricId.SHARPE)[2]);
        // training curves join the windows' in window order
        assertArrayEquals(new double[] {0, 1, 1, 1, 2, 1, 3, 1, 4, 1}, rl.training().get(0).episodeRewards());
    }

    @Test
    void eachWindowDrawsItsOwnSlippage() {
        ExperimentResult result = new ExperimentRunner().run(spec(protocol(Protocol.Retrain.SCRATCH), learner(new ArrayList<>())));
        List<WindowResult> windows = result.strategy("rl").windows();
        java.util.Set<Double> firstCosts = new java.util.HashSet<>();
        Holdings held = Holdings.cash(MARKET.assets(), COSTS.capital());
        for (WindowResult w : windows) {
            int k = w.window().index();
            BacktestResult part = w.runs().get(0); // seed 1
            firstCosts.add(part.costs()[0]);
            double a = 0.05 * (k + 1) + 0.01;
            // the window starts from what the previous window left
            BacktestResult withRunSeed = new Backtester(COSTS).run("rl", TestStages.constant("rl", a, 0.5 - a, 0.25, 0.25, 0),
                    MARKET, w.window().test().from(), w.window().test().to(), 1, held, ProgressListener.NONE).result();
            Backtester.Leg leg = new Backtester(WindowCosts.config(COSTS, k)).run("rl",
                    TestStages.constant("rl", a, 0.5 - a, 0.25, 0.25, 0), MARKET, w.window().test().from(), w.window().test().to(), 1,
                    held, ProgressListener.NONE);
            BacktestResult withWindowSeed = leg.result();
            held = leg.end();
            assertArrayEquals(withWindowSeed.costs(), part.costs(), "window " + k);
            assertArrayEquals(withWindowSeed.wealth(), part.wealth(), "window " + k);
            assertEquals(1, part.seed(), "the result keeps the run's seed");
            if (k == 0) {
                assertArrayEquals(withRunSeed.wealth(), part.wealth(), "window 0 is charged as a fixed split would be");
            } else {
                assertFalse(java.util.Arrays.equals(withRunSeed.costs(), part.costs()), "window " + k + " repeats window 0's draws");
            }
        }
        assertEquals(windows.size(), firstCosts.size(), "first-step costs " + firstCosts);
        assertEquals(7, WindowCosts.seed(7, 0));
        assertEquals(7, WindowCosts.seed(7, RunSpec.ALL_WINDOWS));
        assertNotEquals(WindowCosts.seed(7, 1), WindowCosts.seed(7, 2));
        assertNotEquals(WindowCosts.seed(7, 1), WindowCosts.seed(8, 1));
        assertEquals(COSTS.costModel().describe(), WindowCosts.config(COSTS, 3).costModel().describe());
    }

    @Test
    void aStrategyThatDoesNotLearnRunsOnceAndIsCutIntoWindows() {
        ExperimentResult result = new ExperimentRunner().run(spec(protocol(Protocol.Retrain.SCRATCH), ExperimentRunnerTest.ucrp()));
        StrategyResult u = result.strategy("ucrp");
        BacktestResult continuous = new Backtester(COSTS).run("ucrp", TestStages.constant("ucrp", 0.25, 0.25, 0.25, 0.25, 0),
                MARKET, 60, MARKET.bars() - 1, 1);
        assertArrayEquals(continuous.wealth(), u.runs().get(0).wealth());
        int at = 0;
        for (WindowResult w : u.windows()) {
            BacktestResult part = w.runs().get(0);
            assertEquals(w.window().test().bars(), part.periods());
            assertEquals(continuous.wealth()[at], part.wealth()[0]);
            assertEquals(continuous.wealth()[at + part.periods()], part.finalWealth());
            at += part.periods();
        }
    }

    @Test
    void continueHandsEachWindowThePreviousModelAndScratchDoesNot() {
        List<Call> scratch = Collections.synchronizedList(new ArrayList<>());
        new ExperimentRunner(4).run(spec(protocol(Protocol.Retrain.SCRATCH), learner(scratch)));
        assertEquals(15, scratch.size());
        for (Call c : scratch) assertEquals(-1, c.previousWindow(), "SCRATCH handed a model to " + c.run().describe());

        List<Call> continued = Collections.synchronizedList(new ArrayList<>());
        new ExperimentRunner(4).run(spec(protocol(Protocol.Retrain.CONTINUE), learner(continued)));
        assertEquals(15, continued.size());
        for (long seed = 1; seed <= 3; seed++) {
            long s = seed;
            List<Call> mine = continued.stream().filter(c -> c.run().seed() == s).toList();
            for (int k = 0; k < mine.size(); k++) {
                assertEquals(k, mine.get(k).run().window(), "windows of one seed run in order");
                assertEquals(k - 1, mine.get(k).previousWindow());
                assertEquals(protocol(Protocol.Retrain.CONTINUE).windows().get(k).train().orElseThrow(), mine.get(k).run().train());
            }
        }
    }

    @Test
    void parallelAndSequentialExecutionGiveIdenticalResults() {
        for (Protocol.Retrain retrain : Protocol.Retrain.values()) {
            ExperimentResult serial = new ExperimentRunner().run(spec(protocol(retrain), learner(new ArrayList<>()),
                    ExperimentRunnerTest.random()));
            ExperimentResult parallel = new ExperimentRunner(4).run(spec(protocol(retrain),
                    learner(Collections.synchronizedList(new ArrayList<>())), ExperimentRunnerTest.random()));
            for (String name : List.of("rl", "rnd")) {
                StrategyResult a = serial.strategy(name), b = parallel.strategy(name);
                assertEquals(a.metrics(), b.metrics());
                for (int s = 0; s < 3; s++) assertArrayEquals(a.runs().get(s).wealth(), b.runs().get(s).wealth());
                for (int w = 0; w < a.windows().size(); w++) assertEquals(a.windows().get(w).metrics(), b.windows().get(w).metrics());
            }
            assertNotEquals(serial.strategy("rl").windows().get(0).metrics(), serial.strategy("rl").windows().get(1).metrics());
        }
    }

    @Test
    void aFailureNamesTheWindow() {
        NamedStrategy broken = NamedStrategy.trained("rl", "rl", (run, market, previous) -> {
            if (run.window() == 2) throw new IllegalStateException("diverged");
            return new TrainStep.Trained(TestStages.constant("rl", 0.25, 0.25, 0.25, 0.25, 0),
                    new TrainingLog(new double[0], new double[0], "sharpe"));
        });
        ExperimentFailure e = assertThrows(ExperimentFailure.class,
                () -> new ExperimentRunner().run(spec(protocol(Protocol.Retrain.CONTINUE), broken)));
        assertEquals("strategy 'rl' failed with seed 1 in walk-forward window 2: diverged", e.getMessage());
    }

    @Test
    void runSpecsRoundTripThroughJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<RunSpec> runs = RunPlan.of(spec(protocol(Protocol.Retrain.CONTINUE), learner(new ArrayList<>()),
                ExperimentRunnerTest.ucrp()).withProgramHash("ab12")).runs();
        assertEquals(3 * 5 + 3, runs.size());
        for (RunSpec run : runs) {
            String json = mapper.writeValueAsString(run);
            assertEquals(run, mapper.readValue(json, RunSpec.class), json);
        }
        RunSpec first = runs.get(0);
        assertEquals("ab12", first.programHash());
        assertTrue(first.validRange().isPresent());
        RunSpec plain = runs.get(runs.size() - 1);
        assertEquals(RunSpec.ALL_WINDOWS, plain.window());
        assertFalse(plain.trainRange().isPresent());
        String json = mapper.writeValueAsString(plain);
        assertTrue(json.contains("\"train\":null") && json.contains("\"test\":{\"from\":60,\"to\":259}"), json);
        assertEquals(plain, mapper.readValue(json, RunSpec.class));
    }

    @Test
    void continueChainsRunInOrderAndScratchRunsAreIndependent() {
        RunPlan cont = RunPlan.of(spec(protocol(Protocol.Retrain.CONTINUE), learner(new ArrayList<>())));
        assertEquals(3, cont.chains().size());
        RunPlan scratch = RunPlan.of(spec(protocol(Protocol.Retrain.SCRATCH), learner(new ArrayList<>())));
        assertEquals(15, scratch.chains().size());
        assertEquals(cont.runs(), scratch.runs());
    }

    /** Fee only: a deterministic cost model, so a continuous account and its legs draw nothing. */
    static final BacktestConfig FEE = new BacktestConfig(1e6, 0.0025, 0.0, 0.0);

    /** A learner whose every trained model is the fixed-weight allocator {@code weights}. */
    static NamedStrategy fixedLearner(double... weights) {
        return NamedStrategy.trained("rl", "fixed", (run, market, previous) -> new TrainStep.Trained(
                TestStages.constant("fixed", weights), new TrainingLog(new double[0], new double[0], "sharpe")));
    }

    @Test
    void aLearnerWhoseModelIsAFixedAllocatorIsThatAllocatorRunContinuously() {
        double[] fixed = {0.4, 0.1, 0.2, 0.2, 0.1};
        for (Protocol.Retrain retrain : Protocol.Retrain.values()) {
            for (int threads : new int[] {1, 4}) {
                ExperimentSpec spec = new ExperimentSpec("wf", MARKET, protocol(retrain), List.of(fixedLearner(fixed)),
                        ExperimentSpec.seeds(2), FEE, ExperimentRunnerTest.SHOWN, MetricOptions.DEFAULT, Optional.empty());
                StrategyResult rl = new ExperimentRunner(threads).run(spec).strategy("rl");
                for (int s = 0; s < 2; s++) {
                    BacktestResult continuous = new Backtester(FEE).run("rl", TestStages.constant("fixed", fixed), MARKET,
                            spec.firstBar(), MARKET.bars() - 1, s + 1);
                    BacktestResult walked = rl.runs().get(s);
                    String what = retrain + " on " + threads + " threads, seed " + (s + 1);
                    assertArrayEquals(continuous.wealth(), walked.wealth(), what);
                    assertArrayEquals(continuous.weights(), walked.weights(), what);
                    assertArrayEquals(continuous.turnover(), walked.turnover(), what);
                    assertArrayEquals(continuous.costs(), walked.costs(), what);
                }
            }
        }
    }

    @Test
    void windowsThatEachReenterFromCashWouldPayTheirPortfolioAgain() {
        // what the runner did before holdings were carried: each window on its own account, from cash, rescaled
        double[] fixed = {0.4, 0.1, 0.2, 0.2, 0.1};
        Protocol.WalkForward wf = protocol(Protocol.Retrain.SCRATCH);
        Backtester backtester = new Backtester(FEE);
        BacktestResult continuous = backtester.run("rl", TestStages.constant("fixed", fixed), MARKET, wf.firstBar(), wf.lastBar(), 1);
        List<BacktestResult> fresh = new ArrayList<>();
        for (Protocol.Window w : wf.windows()) {
            fresh.add(backtester.run("rl", TestStages.constant("fixed", fixed), MARKET, w.test().from(), w.test().to(), 1));
        }
        BacktestResult reentered = RunChaining.concat(fresh);
        assertFalse(java.util.Arrays.equals(continuous.wealth(), reentered.wealth()));
        // the gap is exactly the extra cost of buying 90% of wealth again at every window after the first
        double ratio = 1;
        int at = 0;
        for (int k = 0; k < fresh.size(); k++) {
            if (k > 0) {
                assertEquals(0.0025 * 0.9, reentered.costs()[at], 1e-15);
                assertTrue(continuous.costs()[at] < reentered.costs()[at] / 10);
                ratio *= (1 - continuous.costs()[at]) / (1 - reentered.costs()[at]);
            }
            at += fresh.get(k).periods();
        }
        assertEquals(ratio, continuous.finalWealth() / reentered.finalWealth(), 1e-12);
        assertTrue(ratio > 1 + 4 * 0.0025 * 0.9 * 0.9, "ratio " + ratio);
        // and the experiment gives the continuous account
        ExperimentSpec spec = new ExperimentSpec("wf", MARKET, wf, List.of(fixedLearner(fixed)), List.of(1L), FEE,
                ExperimentRunnerTest.SHOWN, MetricOptions.DEFAULT, Optional.empty());
        assertArrayEquals(continuous.wealth(), new ExperimentRunner().run(spec).strategy("rl").runs().get(0).wealth());
    }

    /** A constant stage that counts how often it is closed. */
    static final class Closing implements dev.strat.runtime.pipeline.Stage, AutoCloseable {
        final java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
        final boolean broken;

        Closing(boolean broken) {
            this.broken = broken;
        }

        @Override public String label() { return "closing"; }
        @Override public void reset(dev.strat.runtime.pipeline.RunSetup setup) { }
        @Override public void propose(dev.strat.runtime.pipeline.Decision d, double[] out) {
            if (broken) throw new IllegalStateException("bad policy");
            out[0] = 0.25; out[1] = 0.25; out[2] = 0.25; out[3] = 0.25; out[4] = 0;
        }
        @Override public void close() { closed.incrementAndGet(); }
    }

    @Test
    void scratchWindowsTrainFirstAndEveryTrainedStageIsFreedOnceWhateverHappens() {
        for (int threads : new int[] {1, 4}) {
            for (boolean fail : new boolean[] {false, true}) {
                List<Closing> stages = Collections.synchronizedList(new ArrayList<>());
                NamedStrategy learner = NamedStrategy.trained("rl", "closing", (run, market, previous) -> {
                    Closing c = new Closing(fail && run.seed() == 2 && run.window() == 3);
                    stages.add(c);
                    return new TrainStep.Trained(c, new TrainingLog(new double[0], new double[0], "sharpe"));
                });
                ExperimentSpec spec = spec(protocol(Protocol.Retrain.SCRATCH), learner);
                if (fail) {
                    ExperimentFailure e = assertThrows(ExperimentFailure.class, () -> new ExperimentRunner(threads).run(spec));
                    assertEquals("strategy 'rl' failed with seed 2 in walk-forward window 3: bad policy", e.getMessage());
                } else {
                    new ExperimentRunner(threads).run(spec);
                }
                assertEquals(15, stages.size(), "every window trained before any test");
                for (Closing c : stages) assertEquals(1, c.closed.get(), "closed once, " + threads + " threads, fail " + fail);
            }
        }
    }

    @Test
    void scratchAccountsSpanChainsAndContinueAccountsAreTheirChains() {
        RunPlan scratch = RunPlan.of(spec(protocol(Protocol.Retrain.SCRATCH), learner(new ArrayList<>()), ExperimentRunnerTest.ucrp()));
        assertEquals(6, scratch.accounts().size());
        List<List<RunSpec>> across = scratch.accountsAcrossChains();
        assertEquals(3, across.size());
        for (List<RunSpec> account : across) {
            assertEquals("rl", account.get(0).strategy());
            for (int k = 0; k < account.size(); k++) {
                assertEquals(k, account.get(k).window());
                assertEquals(account.get(0).seed(), account.get(k).seed());
            }
        }
        RunPlan cont = RunPlan.of(spec(protocol(Protocol.Retrain.CONTINUE), learner(new ArrayList<>()), ExperimentRunnerTest.ucrp()));
        assertEquals(cont.chains(), cont.accounts());
        assertTrue(cont.accountsAcrossChains().isEmpty());
    }
}
