package dev.strat.bench;

import dev.strat.runtime.allocators.ConstantRebalanced;
import dev.strat.runtime.allocators.Corn;
import dev.strat.runtime.allocators.Olmar;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.ExperimentFailure;
import dev.strat.runtime.experiment.NamedStrategy;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchSuiteTest {

    static final MarketData MARKET = BacktestBench.randomWalkMarket(4, 300, 9);

    @Test
    void throughputSummarisesRounds() {
        Throughput odd = Throughput.of("s", 4, 100, 2, true, new double[]{5, 1, 3});
        assertEquals(3, odd.median());
        assertArrayEquals(new double[]{1, 3, 5}, odd.rates());
        assertEquals(1, odd.min());
        assertEquals(5, odd.max());
        assertEquals(3, odd.rounds());
        assertEquals(2.5, Throughput.of("s", 4, 100, 2, true, new double[]{4, 1, 2, 3}).median());
        // 400 asset-steps at 3 per second take 133 s
        assertEquals(400 / 3.0 * 1e3, odd.millisPerRun(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Throughput.of("s", 1, 1, 1, true, new double[0]));
    }

    @Test
    void measureCountsAssetStepsOfTheRangeOnly() {
        Throughput t = BacktestBench.measure(ConstantRebalanced.uniform("ucrp"), MARKET, 100, 299, 3, 2, 0);
        assertEquals(199, t.periods());
        assertEquals(4, t.assets());
        assertEquals(2, t.rounds());
        assertTrue(t.min() > 0 && t.min() <= t.median() && t.median() <= t.max());
        assertThrows(IllegalArgumentException.class, () -> BacktestBench.measure(ConstantRebalanced.uniform("u"), MARKET, 10, 300, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> BacktestBench.measure(ConstantRebalanced.uniform("u"), MARKET, 0, 10, 1, 0, 0));
    }

    private static BacktestSuite.Plan plan(List<NamedStrategy> comparison, int repeats) {
        return new BacktestSuite.Plan(MARKET, 50, 299, comparison, () -> ConstantRebalanced.uniform("ucrp"),
                () -> new Olmar("olmar", 5, 10), 2, 2, 0, repeats, 1_000_000, java.util.Optional.empty(), "olmar:5:10");
    }

    private static List<NamedStrategy> strategies() {
        return List.of(new NamedStrategy("ucrp", "ucrp", seed -> ConstantRebalanced.uniform("ucrp")),
                new NamedStrategy("corn", "corn", seed -> new Corn("corn", 5, 0.1, 100)));
    }

    @Test
    void timesColdAndWarmRunsPerBacktest() {
        ComparisonBench.Timing t = ComparisonBench.time(BacktestSuite.spec(plan(strategies(), 3)), 3);
        assertEquals(2, t.runs());
        assertEquals(2, t.coldByRun().length);
        assertEquals(2, t.warmByRun().length);
        long[] warm = t.warmNanos();
        assertEquals(3, warm.length);
        assertTrue(warm[0] <= warm[1] && warm[1] <= warm[2], "sorted");
        assertEquals(warm[1], t.warmMedianNanos());
        long laps = 0;
        for (long lap : t.coldByRun()) {
            assertTrue(lap > 0);
            laps += lap;
        }
        assertTrue(laps <= t.coldNanos(), "the backtests are part of the whole run");
        assertTrue(t.uptimeMillisAfterCold() > 0);
        assertEquals(249, t.result().strategy("corn").firstRun().periods());
    }

    @Test
    void aStrategyWhoseResultDependsOnEarlierRunsIsRejected() {
        // a stage sharing state across runs makes repeated timings meaningless
        int[] calls = {0};
        NamedStrategy leaky = new NamedStrategy("leaky", "leaky", seed -> new Stage() {
            @Override public String label() { return "leaky"; }
            @Override public void reset(RunSetup setup) { calls[0]++; }
            @Override public void propose(Decision decision, double[] out) {
                java.util.Arrays.fill(out, 0.0);
                out[calls[0] % (out.length - 1)] = 1.0;
            }
        });
        assertThrows(IllegalStateException.class, () -> ComparisonBench.time(BacktestSuite.spec(plan(List.of(leaky), 1)), 1));
    }

    @Test
    void suiteReportsEveryFigureAsTableAndJson() {
        BacktestSuite.Result r = BacktestSuite.run(plan(strategies(), 1), ProgressListener.NONE);
        BenchReport.Machine machine = new BenchReport.Machine("test vm", 2, 1.5);
        String table = BenchReport.table(r, machine);
        assertTrue(table.contains("4 assets, 249 decisions"), table);
        assertTrue(table.contains("2 cores, load average 1.50"), table);
        assertTrue(table.matches("(?s).*crp throughput, 1 core +[0-9.]+ M/s .*>= 100 M/s +(PASS|MISS)\\n.*"), table);
        // with several cores the cold run is parallel and has no per-strategy split ("-")
        assertTrue(table.matches("(?s).*\\ncorn +([0-9.]+ ms|-) +[0-9.]+ ms\\n.*"), table);
        assertTrue(table.contains("loading the data took 1.00 ms"), table);
        assertEquals(r.crp().median() >= 100e6, r.crpPasses());
        assertEquals(r.comparison().coldNanos() < 1e9, r.coldPasses());
        assertEquals(r.comparison().uptimeMillisAfterCold() < 1000, r.sinceStartPasses());
        String json = BenchReport.json(r, machine);
        assertTrue(json.contains("\"machine\": {\"jvm\": \"test vm\", \"processors\": 2, \"load_average\": 1.5}"), json);
        assertTrue(json.contains("\"strategies\": [\"ucrp\", \"corn\"], \"backtests\": 2"), json);
        assertTrue(json.contains("\"data_load_ms\": 1,"), json);
        assertTrue(json.contains("\"fresh_jvm\": false"), json);
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        assertEquals(r.crp().median(), root.at("/throughput/crp/asset_steps_per_second/median").asDouble(), r.crp().median() * 1e-5);
        assertEquals(249, root.at("/market/decisions").asInt());
        // cold laps per strategy exist only when the cold run had one thread
        com.fasterxml.jackson.databind.JsonNode coldCorn = root.at("/comparison/per_strategy_ms/corn/cold");
        assertTrue(Runtime.getRuntime().availableProcessors() > 1 ? coldCorn.isNull() : coldCorn.asDouble() > 0, json);
        assertTrue(root.at("/comparison/per_strategy_ms/corn/warm").asDouble() > 0, json);
        assertEquals(1, root.at("/comparison/warm_ms").size());
        assertEquals(r.coldPasses(), root.at("/comparison/cold_pass").asBoolean());
        assertEquals(r.sinceStartPasses(), root.at("/comparison/since_start_pass").asBoolean());
    }

    @Test
    void aForkedJvmMeasuresTheSameStageOnTheRealData() {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("strat.repo.root", "."), "..", "shared", "data", BenchData.FILE);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(file), "shared data not present");
        List<String> java = ForkedThroughput.Fork.currentJava();
        org.junit.jupiter.api.Assumptions.assumeTrue(java != null, "this JVM does not tell how it was started");
        ForkedThroughput.Fork fork = new ForkedThroughput.Fork(java, file, 3, 200);
        Throughput t = ForkedThroughput.measure(fork, "olmar:5:10", 2, 3, 0);
        assertEquals("olmar", t.stage());
        assertEquals(3, t.assets());
        assertEquals(199, t.periods());
        assertEquals(3, t.rounds());
        assertTrue(t.min() > 0);
        assertThrows(IllegalStateException.class, () -> ForkedThroughput.measure(fork, "nonsense", 1, 1, 0));
        assertTrue(ForkedThroughput.stage("ucrp") instanceof ConstantRebalanced);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", BenchReport.quote("a\"b\\c\nd\u0001"));
    }

    @Test
    void realDataSymbolsAreTwentyDistinctNames() {
        assertEquals(20, BenchData.SYMBOLS.size());
        assertEquals(20, new java.util.HashSet<>(BenchData.SYMBOLS).size());
        assertThrows(IllegalArgumentException.class, () -> BenchData.load(java.nio.file.Path.of("x"), 21));
    }

    @Test
    void failuresInsideTheComparisonSurfaceAsExperimentFailures() {
        NamedStrategy broken = new NamedStrategy("broken", "broken", seed -> new Stage() {
            @Override public String label() { return "broken"; }
            @Override public void reset(RunSetup setup) { }
            @Override public void propose(Decision decision, double[] out) { throw new IllegalStateException("boom"); }
        });
        assertThrows(ExperimentFailure.class, () -> ComparisonBench.time(BacktestSuite.spec(plan(List.of(broken), 0)), 0));
    }
}
