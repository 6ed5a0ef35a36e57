package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.LookAheadException;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.RandomWalkMarket;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.metrics.Metrics;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentRunnerTest {

    static final MarketData MARKET = RandomWalkMarket.of(4, 260, 5);
    static final List<MetricId> SHOWN = List.of(MetricId.ANNUAL_RETURN, MetricId.MAX_DRAWDOWN, MetricId.SHARPE);

    static NamedStrategy ucrp() {
        return new NamedStrategy("ucrp", "ucrp", seed -> TestStages.constant("ucrp", 0.25, 0.25, 0.25, 0.25, 0));
    }

    static NamedStrategy random() {
        return new NamedStrategy("rnd", "random", seed -> TestStages.randomWeights());
    }

    static NamedStrategy cash() {
        return new NamedStrategy("cash", "hold", seed -> TestStages.constant("hold", 0, 0, 0, 0, 1));
    }

    static ExperimentSpec spec(List<NamedStrategy> strategies, List<Long> seeds, BacktestConfig config,
                               Optional<SignificanceSpec> significance) {
        return new ExperimentSpec("cmp", MARKET, 60, 259, strategies, seeds, config, SHOWN, MetricOptions.DEFAULT, significance);
    }

    @Test
    void runsEveryStrategyWithEverySeedAndSummarises() {
        AtomicInteger builds = new AtomicInteger();
        NamedStrategy counted = new NamedStrategy("rnd", "random", seed -> {
            builds.incrementAndGet();
            return TestStages.randomWeights();
        });
        List<Long> progress = new ArrayList<>();
        long[] total = {0};
        ProgressListener listener = new ProgressListener() {
            public void start(String name, long t) { total[0] = t; }
            public void progress(long done, String message) { progress.add(done); }
        };
        ExperimentSpec spec = spec(List.of(ucrp(), counted, cash()), ExperimentSpec.seeds(4),
                new BacktestConfig(1e6, 0.0025, 0.001, 0.001), Optional.empty());
        ExperimentResult result = new ExperimentRunner().run(spec, listener);

        assertEquals(4, builds.get(), "a fresh stage per seed");
        assertEquals(12, total[0]);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), progress);
        assertEquals(3, result.strategies().size());
        StrategyResult rnd = result.strategy("rnd");
        assertEquals(List.of(1L, 2L, 3L, 4L), rnd.runs().stream().map(BacktestResult::seed).toList());
        for (int k = 0; k < 4; k++) {
            BacktestResult run = rnd.runs().get(k);
            assertEquals(199, run.periods());
            // every metric of the run alone, but DSR, which deflates for the experiment's 12 runs
            assertEquals(Metrics.compute(run, MetricOptions.DEFAULT).with(MetricId.DSR, rnd.metrics().get(k).get(MetricId.DSR)),
                    rnd.metrics().get(k));
            assertTrue(Double.isFinite(rnd.metrics().get(k).get(MetricId.DSR)));
        }
        double[] ar = rnd.values(MetricId.ANNUAL_RETURN);
        assertEquals(Metrics.mean(ar), rnd.summary(MetricId.ANNUAL_RETURN).mean(), 0);
        assertEquals(Metrics.sampleStd(ar), rnd.summary(MetricId.ANNUAL_RETURN).std(), 0);
        assertTrue(rnd.summary(MetricId.ANNUAL_RETURN).std() > 0, "a stochastic stage differs across seeds");

        // Fixed costs make a constant stage deterministic: identical across seeds, std exactly 0.
        StrategyResult u = result.strategy("ucrp");
        assertEquals(0, u.summary(MetricId.SHARPE).std(), 0);
        assertArrayEquals(u.runs().get(0).wealth(), u.runs().get(3).wealth(), 0);
        assertEquals(0, result.strategy("cash").summary(MetricId.CUMULATIVE_RETURN).mean(), 0);
        assertEquals("ucrp", result.strategy("ucrp").firstRun().label());
    }

    @Test
    void parallelRunsGiveTheSameNumbers() {
        ExperimentSpec spec = spec(List.of(ucrp(), random(), cash()), ExperimentSpec.seeds(5),
                new BacktestConfig(1e6, 0.0025, 0, 0.002), Optional.empty());
        ExperimentResult one = new ExperimentRunner().run(spec);
        ExperimentResult four = new ExperimentRunner(4).run(spec);
        for (int s = 0; s < 3; s++) {
            assertEquals(one.strategies().get(s).metrics(), four.strategies().get(s).metrics());
            for (int k = 0; k < 5; k++) {
                assertArrayEquals(one.strategies().get(s).runs().get(k).wealth(), four.strategies().get(s).runs().get(k).wealth(), 0);
            }
        }
        // Random slippage makes even the constant stage differ from seed to seed.
        assertNotEquals(0, one.strategy("ucrp").summary(MetricId.ANNUAL_RETURN).std());
    }

    @Test
    void failuresNameTheStrategyAndSeed() {
        NamedStrategy cheat = new NamedStrategy("cheat", "cheat", seed -> new Stage() {
            public String label() { return "cheat"; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) {
                if (d.step() == 3) d.history().close(-1, 0);
                out[4] = 1;
                for (int i = 0; i < 4; i++) out[i] = 0;
            }
        });
        ExperimentSpec spec = spec(List.of(ucrp(), cheat), List.of(7L, 9L), BacktestConfig.FRICTIONLESS, Optional.empty());
        for (ExperimentRunner runner : List.of(new ExperimentRunner(), new ExperimentRunner(2))) {
            ExperimentFailure failure = assertThrows(ExperimentFailure.class, () -> runner.run(spec));
            assertEquals("cheat", failure.strategy());
            assertEquals(7L, failure.seed());
            assertTrue(failure.getMessage().startsWith("strategy 'cheat' failed with seed 7: look-ahead"), failure.getMessage());
            assertInstanceOf(LookAheadException.class, failure.getCause());
        }
    }

    @Test
    void significanceComparesTheReferenceWithEveryOtherStrategy() {
        ExperimentSpec spec = spec(List.of(random(), ucrp(), cash()), ExperimentSpec.seeds(6),
                new BacktestConfig(1e6, 0.0025, 0, 0), Optional.of(new SignificanceSpec("rnd", 0.05)));
        ExperimentResult result = new ExperimentRunner().run(spec);
        assertEquals(SHOWN.size() * 2, result.significance().size());
        SignificanceResult vsCash = result.significance().stream()
                .filter(t -> t.metric() == MetricId.MAX_DRAWDOWN && t.other().equals("cash")).findFirst().orElseThrow();
        // Cash never draws down while the random stage always does: 6 of 6 seeds on one side.
        assertEquals(6, vsCash.nonZero());
        assertEquals(2.0 / 64, vsCash.pValue(), 1e-12);
        assertTrue(vsCash.significant());
        assertTrue(!vsCash.referenceBetter());
        assertTrue(vsCash.exact());
    }

    @Test
    void sharpeDiffTestsOverTimeOnTheFirstSeedsReturns() {
        SignificanceSpec sig = new SignificanceSpec("ucrp", 0.05, List.of(), SignificanceTest.SHARPE_DIFF, 199);
        ExperimentSpec spec = spec(List.of(ucrp(), random(), cash()), List.of(4L, 5L), BacktestConfig.FRICTIONLESS, Optional.of(sig));
        ExperimentResult result = new ExperimentRunner().run(spec);
        assertEquals(2, result.significance().size(), "one test per other strategy, on Sharpe only");
        SignificanceResult vsRandom = result.significance().get(0);
        assertEquals(SignificanceTest.SHARPE_DIFF, vsRandom.test());
        assertEquals(MetricId.SHARPE, vsRandom.metric());
        assertEquals("rnd", vsRandom.other());
        assertEquals(spec.periods(), vsRandom.pairs());
        // the same p-value straight from the stats library, on seed 4's runs (no risk-free rate here)
        double[] ref = result.strategy("ucrp").firstRun().returns(), rnd = result.strategy("rnd").firstRun().returns();
        int block = dev.strat.runtime.stats.SharpeDifference.defaultBlock(ref.length);
        assertEquals(dev.strat.runtime.stats.SharpeDifference.bootstrap(ref, rnd, block, 199, 4L), vsRandom.pValue(), 0);
        assertTrue(vsRandom.pValue() > 0 && vsRandom.pValue() <= 1);
        assertEquals(vsRandom.pValue() < 0.05, vsRandom.significant());
        assertTrue(vsRandom.note().contains("HAC p = "), vsRandom.note());
        SignificanceResult vsCash = result.significance().get(1);
        assertTrue(Double.isNaN(vsCash.pValue()) && !vsCash.significant(), "cash's returns are constant");

        String table = new TableRenderer().render(result);
        assertTrue(table.contains("Ledoit-Wolf Sharpe difference test over time vs ucrp (two-sided, alpha 0.05, paired by period on seed 4's"), table);
        assertTrue(table.contains("Probabilistic and deflated Sharpe ratio"), table);
        ExperimentReport report = ExperimentReport.of(result, RunInfo.NONE);
        assertEquals("sharpe_diff", report.significance().get(0).test());
        assertEquals(3, report.sharpeConfidence().size());
        ExperimentReport.SharpeConfidenceReport ucrpConf = report.sharpeConfidence().get(0);
        assertEquals(dev.strat.runtime.stats.SharpeRatios.psr(ref, 0), ucrpConf.psr(), 1e-12);
        assertTrue(ucrpConf.dsr() <= ucrpConf.psr(), "deflating for three strategies cannot raise the PSR");
        assertEquals(3, ucrpConf.trials());
    }

    @Test
    void wilcoxonReportsNameTheirTest() {
        ExperimentSpec spec = spec(List.of(random(), ucrp()), ExperimentSpec.seeds(3), BacktestConfig.FRICTIONLESS,
                Optional.of(new SignificanceSpec("rnd", 0.05)));
        ExperimentReport report = ExperimentReport.of(new ExperimentRunner().run(spec), RunInfo.NONE);
        assertTrue(report.significance().stream().allMatch(t -> t.test().equals("wilcoxon")));
        assertEquals(List.of(), report.sharpeConfidence());
    }

    /**
     * Several requests in one experiment (RiPO's ablation: the full system against the others,
     * and one ablated variant against the plain agent): each runs, in order, with its own test,
     * reference and alpha, and gets its own section of the table.
     */
    @Test
    void severalSignificanceRequestsEachRunWithTheirOwnSettings() {
        SignificanceSpec vsRandom = new SignificanceSpec("rnd", 0.05, List.of(MetricId.MAX_DRAWDOWN), SignificanceTest.RANK_SUM,
                SignificanceSpec.DEFAULT_RESAMPLES);
        SignificanceSpec vsCash = new SignificanceSpec("cash", 0.1, List.of(MetricId.SHARPE));
        ExperimentSpec spec = spec(List.of(random(), ucrp(), cash()), ExperimentSpec.seeds(6), new BacktestConfig(1e6, 0.0025, 0, 0),
                Optional.empty()).withSignificance(List.of(vsRandom, vsCash));
        ExperimentResult result = new ExperimentRunner().run(spec);
        assertEquals(4, result.significance().size(), "two others per request, one metric each");
        List<SignificanceResult> first = result.significance().stream().filter(t -> t.group() == 0).toList();
        List<SignificanceResult> second = result.significance().stream().filter(t -> t.group() == 1).toList();
        assertEquals(List.of("ucrp", "cash"), first.stream().map(SignificanceResult::other).toList());
        assertTrue(first.stream().allMatch(t -> t.test() == SignificanceTest.RANK_SUM && t.reference().equals("rnd")
                && t.metric() == MetricId.MAX_DRAWDOWN));
        assertEquals(List.of("rnd", "ucrp"), second.stream().map(SignificanceResult::other).toList());
        assertTrue(second.stream().allMatch(t -> t.test() == SignificanceTest.WILCOXON && t.reference().equals("cash")
                && t.metric() == MetricId.SHARPE));

        String table = new TableRenderer().render(result);
        int rankSum = table.indexOf("vs rnd (two-sided, alpha 0.05");
        int wilcoxon = table.indexOf("vs cash (two-sided, alpha 0.1");
        assertTrue(rankSum > 0 && wilcoxon > rankSum, "one section per request, in order: " + table);
        ExperimentReport report = ExperimentReport.of(result, RunInfo.NONE);
        assertEquals(List.of(0.05, 0.05, 0.1, 0.1), report.significance().stream().map(ExperimentReport.SignificanceReport::alpha).toList());
        assertEquals(List.of("ranksum", "ranksum", "wilcoxon", "wilcoxon"),
                report.significance().stream().map(ExperimentReport.SignificanceReport::test).toList());
        assertThrows(IllegalArgumentException.class, () -> spec.withSignificance(List.of(vsRandom, new SignificanceSpec("nope", 0.05))),
                "every reference must be compared");
    }

    /* Three paths where asset A ends at 1.3x, 1.1x and 1.25x: all-in-A reaches a 1.2x goal on 2 of 3. */
    @Test
    void scenarioPathsGiveGoalProbabilities() {
        List<MarketData> paths = new ArrayList<>();
        for (double end : new double[]{1.3, 1.1, 1.25}) {
            paths.add(TestStages.market(List.of("A", "B"), new double[][]{{100, 10}, {100 * Math.sqrt(end), 10}, {100 * end, 10}}));
        }
        NamedStrategy allA = new NamedStrategy("allA", "allA", seed -> TestStages.constant("allA", 1, 0, 0));
        NamedStrategy allB = new NamedStrategy("allB", "allB", seed -> TestStages.constant("allB", 0, 1, 0));
        ExperimentSpec spec = ExperimentSpec.overPaths("gbi", "sim", paths, 0, 2, List.of(allA, allB), BacktestConfig.FRICTIONLESS,
                List.of(MetricId.CUMULATIVE_RETURN, MetricId.GOAL_PROBABILITY), MetricOptions.DEFAULT.withGoal(1.2), Optional.empty());
        ExperimentResult result = new ExperimentRunner().run(spec);
        assertEquals(List.of(1L, 2L, 3L), spec.seeds());
        assertEquals(2 / 3.0, result.strategy("allA").summary(MetricId.GOAL_PROBABILITY).mean(), 1e-12);
        assertEquals(0, result.strategy("allB").summary(MetricId.GOAL_PROBABILITY).mean(), 0);
        assertArrayEquals(new double[]{0.3, 0.1, 0.25}, result.strategy("allA").values(MetricId.CUMULATIVE_RETURN), 1e-12);
        assertEquals(2 / 3.0, Metrics.goalProbability(result.strategy("allA").runs(), 1.2), 1e-12);
        assertTrue(new TableRenderer().render(result).startsWith("experiment gbi on sim (3 scenario paths, seed k on path k)\n"));
        assertThrows(IllegalArgumentException.class, () -> new ExperimentSpec("x", paths.get(0), 0, 2, List.of(allA), List.of(1L, 2L),
                BacktestConfig.FRICTIONLESS, List.of(MetricId.CUMULATIVE_RETURN), MetricOptions.DEFAULT, Optional.empty(), paths));
    }

    @Test
    void specRejectsInconsistentExperiments() {
        BacktestConfig c = BacktestConfig.FRICTIONLESS;
        assertThrows(IllegalArgumentException.class, () -> spec(List.of(ucrp(), ucrp()), List.of(1L), c, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> spec(List.of(ucrp()), List.of(1L, 1L), c, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> spec(List.of(), List.of(1L), c, Optional.empty()));
        IllegalArgumentException ref = assertThrows(IllegalArgumentException.class,
                () -> spec(List.of(ucrp()), List.of(1L), c, Optional.of(new SignificanceSpec("ripo", 0.05))));
        assertTrue(ref.getMessage().contains("'ripo'"));
        assertThrows(IllegalArgumentException.class, () -> new ExperimentSpec("x", MARKET, 200, 260, List.of(ucrp()),
                List.of(1L), c, SHOWN, MetricOptions.DEFAULT, Optional.empty()));
        assertEquals("1..10", TableRenderer.seeds(ExperimentSpec.seeds(10)));
        assertEquals("3, 1", TableRenderer.seeds(List.of(3L, 1L)));
    }
}
