package dev.strat.runtime.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.DateRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.WalkForward;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
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
                assertEquals(COSTS.capital(), part.capital(), 0); // every window runs on its own account
                for (int t = 0; t <= part.periods(); t++) {
                    double expected = start * part.wealth()[t] / part.capital();
                    assertEquals(expected, whole.wealth()[at + t], 1e-9 * expected);
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
        // chaining by scale is what a window run with the chained capital gives (costs are a fraction of wealth)
        WindowResult second = rl.windows().get(1);
        double capital = rl.runs().get(0).wealth()[second.window().test().from() - result.spec().firstBar()];
        double a = 0.05 * 2 + 0.01;
        // (window 1 draws its slippage from its own stream: WindowCosts)
        BacktestResult direct = new Backtester(WindowCosts.config(new BacktestConfig(capital, 0.0025, 0.0, 0.001), 1)).run("rl",
                TestStages.constant("rl", a, 0.5 - a, 0.25, 0.25, 0), MARKET, second.window().test().from(),
                second.window().test().to(), 1);
        for (int t = 0; t <= direct.periods(); t++) {
            assertEquals(direct.wealth()[t], rl.runs().get(0).wealth()[second.window().test().from() - 60 + t], 1e-9 * capital);
        }
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
        for (WindowResult w : windows) {
            int k = w.window().index();
            BacktestResult part = w.runs().get(0); // seed 1
            // every window starts in cash and buys weights summing to 1: its first cost is fee + its first slippage draw
            firstCosts.add(part.costs()[0]);
            double a = 0.05 * (k + 1) + 0.01;
            BacktestResult withRunSeed = new Backtester(COSTS).run("rl", TestStages.constant("rl", a, 0.5 - a, 0.25, 0.25, 0),
                    MARKET, w.window().test().from(), w.window().test().to(), 1);
            BacktestResult withWindowSeed = new Backtester(WindowCosts.config(COSTS, k)).run("rl",
                    TestStages.constant("rl", a, 0.5 - a, 0.25, 0.25, 0), MARKET, w.window().test().from(), w.window().test().to(), 1);
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
}
