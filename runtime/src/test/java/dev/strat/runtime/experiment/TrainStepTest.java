package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainStepTest {

    /** "Trains" by choosing weights from the seed; its curves encode the seed so the test can check their order. */
    static NamedStrategy learner(List<Long> calls, List<MarketData> markets) {
        return NamedStrategy.trained("rl", "td3(window=5)", (seed, market) -> {
            synchronized (calls) {
                calls.add(seed);
                markets.add(market);
            }
            double a = 0.1 * seed;
            return new TrainStep.Trained(TestStages.constant("rl", a, 0.5 - a, 0.25, 0.25, 0),
                    new TrainingLog(new double[] {seed, seed + 1, seed + 2}, new double[] {-seed, 2.0 * seed}, "sharpe"));
        });
    }

    static ExperimentSpec spec(NamedStrategy... strategies) {
        return ExperimentRunnerTest.spec(List.of(strategies), ExperimentSpec.seeds(3),
                new BacktestConfig(1e6, 0.0025, 0.0, 0.001), Optional.empty());
    }

    @Test
    void trainsOncePerSeedBeforeTheTestAndKeepsTheCurves() {
        List<Long> calls = new ArrayList<>();
        List<MarketData> markets = new ArrayList<>();
        ExperimentResult result = new ExperimentRunner().run(spec(ExperimentRunnerTest.ucrp(), learner(calls, markets)));

        assertEquals(List.of(1L, 2L, 3L), calls);
        for (MarketData m : markets) assertSame(ExperimentRunnerTest.MARKET, m);
        StrategyResult rl = result.strategy("rl");
        assertTrue(rl.trained());
        assertEquals(3, rl.training().size());
        for (int k = 0; k < 3; k++) {
            long seed = k + 1;
            assertArrayEquals(new double[] {-seed, 2.0 * seed}, rl.training().get(k).validation());
            assertEquals(seed, rl.runs().get(k).seed());
        }
        assertFalse(result.strategy("ucrp").trained());
        // The trained stage is the one tested: weights differ by seed.
        assertTrue(rl.values(MetricId.ANNUAL_RETURN)[0] != rl.values(MetricId.ANNUAL_RETURN)[2]);
    }

    @Test
    void parallelRunsGiveTheSameResults() {
        List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        ExperimentResult serial = new ExperimentRunner().run(spec(learner(new ArrayList<>(), new ArrayList<>()), ExperimentRunnerTest.ucrp()));
        ExperimentResult parallel = new ExperimentRunner(3).run(spec(learner(calls, new ArrayList<>()), ExperimentRunnerTest.ucrp()));
        assertEquals(3, calls.size());
        for (String name : List.of("rl", "ucrp")) {
            assertEquals(serial.strategy(name).metrics(), parallel.strategy(name).metrics());
        }
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(serial.strategy("rl").training().get(k).episodeRewards(),
                    parallel.strategy("rl").training().get(k).episodeRewards());
        }
    }

    @Test
    void aFailedTrainingNamesStrategyAndSeed() {
        NamedStrategy broken = NamedStrategy.trained("rl", "rl", (seed, market) -> {
            if (seed == 2) throw new IllegalStateException("non-finite reward NaN at step 17 (episode 1)");
            return new TrainStep.Trained(TestStages.constant("rl", 0.25, 0.25, 0.25, 0.25, 0),
                    new TrainingLog(new double[0], new double[0], "sharpe"));
        });
        ExperimentFailure e = assertThrows(ExperimentFailure.class, () -> new ExperimentRunner().run(spec(broken)));
        assertEquals("strategy 'rl' failed with seed 2: non-finite reward NaN at step 17 (episode 1)", e.getMessage());
    }

    @Test
    void aTrainedStrategyHasNoUntrainedStage() {
        NamedStrategy rl = learner(new ArrayList<>(), new ArrayList<>());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rl.build().apply(1));
        assertTrue(e.getMessage().contains("'rl' must be trained"), e.getMessage());
    }

    @Test
    void oneLogPerRunOrNone() {
        var r = new ExperimentRunner().run(spec(ExperimentRunnerTest.ucrp()));
        StrategyResult u = r.strategy("ucrp");
        TrainingLog log = new TrainingLog(new double[0], new double[0], "x");
        assertThrows(IllegalArgumentException.class,
                () -> new StrategyResult("u", "u", u.runs(), u.metrics(), List.of(log)));
    }
}
