package dev.strat.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory check's rendering, parsing and step counts of the RL benchmark, on made-up timings (nothing here is timed). */
class RlBenchTest {

    private static final BenchReport.Machine MACHINE = new BenchReport.Machine("Test VM", 2, 1.5);
    private static final RlCase TD3_SMALL = new RlCase(RlCase.Algorithm.TD3, RlCase.Size.SMALL);

    private static RlMemoryCheck.Sample sample(long step, long rssMb, long arrays) {
        return new RlMemoryCheck.Sample(step, rssMb * 1024, 10_000, 600 * 1024, 50 * 1024, arrays);
    }

    @Test
    void memoryReportMeasuresGrowthFromTheWarmUpSample() {
        List<RlMemoryCheck.Sample> samples = List.of(new RlMemoryCheck.Sample(0, 600_000, 10_000, -1, -1, 3),
                new RlMemoryCheck.Sample(10_000, 700_000, 20_000, -1, -1, 40), new RlMemoryCheck.Sample(20_000, 710_000, 30_000, 650_000, 40_000, 40),
                new RlMemoryCheck.Sample(30_000, 712_000, 40_000, -1, -1, 40), new RlMemoryCheck.Sample(40_000, 715_240, 50_000, 651_000, 51_200, 40));
        RlMemoryCheck.Result ok = new RlMemoryCheck.Result(TD3_SMALL, 40_000, 20_000, 512, 0, samples);
        assertEquals(5_240, ok.growthKb());
        assertEquals(5_240, ok.trendKb(), 1e-6, "the line through 710,000, 712,000 and 715,240 KiB rises 5,240 KiB over 20,000 steps");
        assertEquals(0, ok.arrayGrowth());
        assertTrue(ok.passes());
        String table = RlBenchReport.memoryTable(ok, MACHINE);
        assertTrue(table.contains("resident growth from step 20,000 to 40,000: +5.1 MiB between the two samples, +5.1 MiB by the trend "
                + "(+268.3 bytes per step); live NDArrays +0"), table);
        assertTrue(table.contains("verdict (trend < 20 MiB and no NDArrays accumulating): PASS"), table);
        assertTrue(table.matches("(?s).*\\n *40,000 +698\\.5 +48\\.8 +635\\.7 +50\\.0 +62\\.7 +40\\n.*"), table);
        assertTrue(table.matches("(?s).*\\n *10,000 +683\\.6 +19\\.5 +- +- +- +40\\n.*"), "no tracking, no split:\n" + table);
        assertTrue(table.contains("of which the JVM's committed memory +1.0 MiB, resident memory outside the JVM (PyTorch, malloc) +4.1 MiB"), table);
        assertTrue(table.contains("pre-touched heap of 512 MiB"), table);
        assertTrue(table.contains("direct buffers capped at the heap size (JVM default)"), table);
        String json = RlBenchReport.memoryJson(ok, MACHINE);
        assertTrue(json.contains("\"growth_kb\": 5240, \"trend_kb\": 5240, \"ndarray_growth\": 0, \"bound_kb\": 20480, \"pass\": true"), json);
        assertTrue(json.contains("{\"step\": 40000, \"rss_kb\": 715240, \"heap_used_kb\": 50000, \"jvm_committed_kb\": 651000, \"direct_kb\": 51200, \"ndarrays\": 40}"), json);
    }

    @Test
    void memoryVerdictFollowsTheTrendNotTwoNoisySamples() {
        // +40 MiB between the end points, but the samples swing around a nearly flat line: +4 MiB by the trend
        RlMemoryCheck.Result noisy = new RlMemoryCheck.Result(TD3_SMALL, 60_000, 20_000, 512, 64, List.of(sample(0, 600, 40),
                sample(20_000, 700, 40), sample(30_000, 760, 40), sample(40_000, 700, 40), sample(50_000, 690, 40), sample(60_000, 740, 40)));
        assertEquals(40 * 1024, noisy.growthKb());
        assertEquals(4 * 1024, noisy.trendKb(), 1e-6);
        assertTrue(noisy.passes());
        // a steady climb of 10 MiB per 10,000 steps is a leak
        RlMemoryCheck.Result climbing = new RlMemoryCheck.Result(TD3_SMALL, 60_000, 20_000, 512, 64, List.of(sample(20_000, 700, 40),
                sample(30_000, 710, 40), sample(40_000, 720, 40), sample(50_000, 730, 40), sample(60_000, 740, 40)));
        assertEquals(40 * 1024, climbing.trendKb(), 1e-6);
        assertFalse(climbing.passes());
        // NDArrays piling up fail the check even while the allocator hides them from the resident figure
        RlMemoryCheck.Result arrays = new RlMemoryCheck.Result(TD3_SMALL, 40_000, 20_000, 512, 64, List.of(sample(20_000, 700, 40),
                sample(30_000, 700, 10_040), sample(40_000, 700, 20_040)));
        assertEquals(20_000, arrays.arrayGrowth());
        assertFalse(arrays.passes());
        RlMemoryCheck.Sample unreadable = new RlMemoryCheck.Sample(20_000, -1, 0, -1, -1, 40);
        RlMemoryCheck.Result none = new RlMemoryCheck.Result(TD3_SMALL, 40_000, 20_000, 512, 64, List.of(unreadable, sample(40_000, 700, 40)));
        assertFalse(none.passes());
        assertTrue(RlBenchReport.memoryTable(none, MACHINE).contains("no verdict"));
        assertTrue(RlBenchReport.memoryTable(none, MACHINE).contains("direct buffers capped at 64 MiB"));
        assertTrue(RlBenchReport.memoryJson(none, MACHINE).contains("\"growth_kb\": null, \"trend_kb\": null, \"ndarray_growth\": null"));
    }

    @Test
    void stepCountsFollowTheDesignAndScaleByWholeRollouts() {
        assertEquals(5000, TD3_SMALL.measuredSteps(1));
        assertEquals(500, TD3_SMALL.measuredSteps(0.1));
        assertEquals(1000, TD3_SMALL.warmupSteps());
        RlCase ppo = new RlCase(RlCase.Algorithm.PPO, RlCase.Size.PAPER);
        assertEquals(3 * 2048, ppo.measuredSteps(1));
        assertEquals(2048, ppo.measuredSteps(0.01), "at least one whole rollout, so its update is timed");
        RlCase a2c = new RlCase(RlCase.Algorithm.A2C, RlCase.Size.SMALL);
        assertEquals(20_000, a2c.measuredSteps(1));
        assertEquals(2_000, a2c.measuredSteps(0.1));
        assertEquals(0, a2c.measuredSteps(0.0123) % 5);
        assertThrows(IllegalArgumentException.class, () -> a2c.measuredSteps(0));
    }

    @Test
    void memoryHeapLeavesRoomForTheGrowingBuffer() {
        assertEquals(512, RlMemoryCheck.heapMb(TD3_SMALL, 100_000), "131,072 x 135 floats = 68 MiB fits the floor");
        // paper: 131,072 x 1,295 floats = 648 MiB; a doubling briefly holds 1.5 times that
        assertTrue(RlMemoryCheck.heapMb(new RlCase(RlCase.Algorithm.TD3, RlCase.Size.PAPER), 100_000) >= 1.5 * 648);
    }

    @Test
    void namesParseAndUnknownOnesAreExplained() {
        assertEquals(RlCase.Algorithm.SAC, RlCase.Algorithm.parse(" SAC "));
        assertEquals(RlCase.Size.PAPER, RlCase.Size.parse("paper"));
        assertEquals(RlBench.Clock.WALL, RlBench.Clock.parse("wall"));
        assertEquals("unknown algorithm 'dqn'; use td3, sac, ddpg, ppo, a2c",
                assertThrows(IllegalArgumentException.class, () -> RlCase.Algorithm.parse("dqn")).getMessage());
        assertEquals("unknown size 'huge'; use small or paper",
                assertThrows(IllegalArgumentException.class, () -> RlCase.Size.parse("huge")).getMessage());
        RlBench.Run r = RlBench.parse("500 500 2000000000 1000000000");
        assertEquals(new RlBench.Run(500, 500, 2_000_000_000L, 1_000_000_000L), r);
        assertThrows(IllegalStateException.class, () -> RlBench.parse("500 500"));
    }

    @Test
    void measuresTheAskedStepsWithOneUpdateEach() {
        // 1,000 random steps, then 50 timed ones: the counts, not the speed, are checked
        RlBench.Run run = RlBench.measure(TD3_SMALL, 0.01, 3);
        assertEquals(50, run.steps());
        assertEquals(50, run.updates());
        assertTrue(run.wallNanos() > 0);
    }
}
