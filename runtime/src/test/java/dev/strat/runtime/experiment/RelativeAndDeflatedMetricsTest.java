package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.metrics.MetricValues;
import dev.strat.runtime.metrics.Metrics;
import dev.strat.runtime.stats.SharpeRatios;
import dev.strat.runtime.stats.StationaryBootstrap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PSR and DSR as metric columns, alpha/beta/tracking error/information ratio against a benchmark, intervals, annualisation. */
class RelativeAndDeflatedMetricsTest {

    private static final BacktestConfig CONFIG = new BacktestConfig(1_000, 0.001, 0, 0);

    private static ExperimentSpec spec(List<NamedStrategy> strategies, List<Long> seeds, MetricOptions options) {
        return new ExperimentSpec("rel", ExperimentRunnerTest.MARKET, 60, 259, strategies, seeds, CONFIG,
                List.of(MetricId.SHARPE, MetricId.PSR, MetricId.DSR), options, Optional.empty());
    }

    @Test
    void capmRecoversAKnownLinearRelation() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] rb = new double[500];
        double[] r = new double[500];
        for (int t = 0; t < rb.length; t++) {
            rb[t] = 0.01 * (rng.nextDouble() - 0.5);
            r[t] = 0.0002 + 1.5 * rb[t];
        }
        double[] ab = Metrics.capm(r, rb);
        assertEquals(0.0002, ab[0], 1e-12);
        assertEquals(1.5, ab[1], 1e-10);
        MetricValues v = Metrics.relative(MetricValues.of(new double[MetricId.values().length]), r, rb, 252, 0);
        assertEquals(0.0002 * 252, v.get(MetricId.ALPHA), 1e-10);
        assertEquals(1.5, v.get(MetricId.BETA), 1e-10);
        double[] active = new double[r.length];
        for (int t = 0; t < r.length; t++) active[t] = r[t] - rb[t];
        assertEquals(Math.sqrt(252) * Metrics.sampleStd(active), v.get(MetricId.TRACKING_ERROR), 1e-12);
        assertEquals(Math.sqrt(252) * Metrics.mean(active) / Metrics.sampleStd(active), v.get(MetricId.INFORMATION_RATIO), 1e-10);
        // a benchmark that does not vary has no beta
        assertTrue(Double.isNaN(Metrics.capm(r, new double[r.length])[1]));
    }

    @Test
    void psrIsPerRunAndDsrDeflatesForStrategiesTimesSeeds() {
        ExperimentSpec spec = spec(List.of(ExperimentRunnerTest.ucrp(), ExperimentRunnerTest.random()), List.of(1L, 2L, 3L),
                MetricOptions.DEFAULT);
        ExperimentResult result = new ExperimentRunner().run(spec);
        assertEquals(6, ExperimentRunner.dsrTrials(spec));
        double[] sharpes = new double[6];
        int k = 0;
        for (StrategyResult s : result.strategies()) for (BacktestResult run : s.runs()) sharpes[k++] = SharpeRatios.sharpe(run.returns());
        double variance = SharpeRatios.variance(sharpes);
        for (StrategyResult s : result.strategies()) {
            for (int i = 0; i < s.runs().size(); i++) {
                double[] r = s.runs().get(i).returns();
                assertEquals(SharpeRatios.psr(r, 0), s.metrics().get(i).get(MetricId.PSR), 1e-12);
                assertEquals(SharpeRatios.dsr(r, 6, variance), s.metrics().get(i).get(MetricId.DSR), 1e-12);
                assertTrue(s.metrics().get(i).get(MetricId.DSR) < s.metrics().get(i).get(MetricId.PSR));
            }
        }
        // a lone run has no trials to deflate for
        assertTrue(Double.isNaN(Metrics.compute(result.strategies().get(0).firstRun(), MetricOptions.DEFAULT).get(MetricId.DSR)));
    }

    @Test
    void aSymbolBenchmarkIsNotATrialAndAStrategyBenchmarkCountsOnce() {
        List<Long> seeds = List.of(1L, 2L);
        List<NamedStrategy> tried = List.of(ExperimentRunnerTest.ucrp(), ExperimentRunnerTest.random());
        List<NamedStrategy> withHold = List.of(ExperimentRunnerTest.ucrp(), ExperimentRunnerTest.random(), HoldAsset.strategy(2, "A2"));
        // benchmark ^GSPC: a reference row held throughout, not a strategy tried
        ExperimentSpec symbol = spec(withHold, seeds, MetricOptions.DEFAULT).withSymbolBenchmark("A2");
        assertEquals(4, ExperimentRunner.dsrTrials(symbol));
        assertEquals(2, symbol.strategiesTried());
        // a compared strategy as the benchmark is one of the strategies tried, counted once
        ExperimentSpec strategy = spec(withHold, seeds, MetricOptions.DEFAULT).withBenchmark("A2");
        assertEquals(6, ExperimentRunner.dsrTrials(strategy));

        ExperimentResult result = new ExperimentRunner().run(symbol);
        ExperimentResult without = new ExperimentRunner().run(spec(tried, seeds, MetricOptions.DEFAULT));
        // the strategies tried are deflated exactly as if the benchmark row were not there
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < seeds.size(); i++) {
                assertEquals(without.strategies().get(s).metrics().get(i).get(MetricId.DSR),
                        result.strategies().get(s).metrics().get(i).get(MetricId.DSR), 1e-12);
            }
        }
        // the benchmark row still shows its own DSR, against the trials' expected maximum
        double[] sharpes = new double[4];
        int k = 0;
        for (int s = 0; s < 2; s++) for (BacktestResult run : result.strategies().get(s).runs()) sharpes[k++] = SharpeRatios.sharpe(run.returns());
        double[] bench = result.strategies().get(2).firstRun().returns();
        assertEquals(SharpeRatios.dsr(bench, 4, SharpeRatios.variance(sharpes)),
                result.strategies().get(2).metrics().get(0).get(MetricId.DSR), 1e-12);
        // the table and the Sharpe confidence lines say the same count
        assertTrue(TableRenderer.notes(result).stream().anyMatch(n -> n.contains("best Sharpe 4 trials (2 strategies x 2 seeds)")
                && n.contains("the benchmark A2 is not a trial")), TableRenderer.notes(result).toString());
        assertTrue(SharpeConfidence.of(symbol, result.strategies()).stream().allMatch(c -> c.trials() == 2));
        assertTrue(SharpeConfidence.of(strategy, result.strategies()).stream().allMatch(c -> c.trials() == 3));
    }

    @Test
    void benchmarkStrategyHasBetaOneAgainstItselfAndOthersAreMeasuredAgainstIt() {
        ExperimentSpec spec = spec(List.of(ExperimentRunnerTest.ucrp(), ExperimentRunnerTest.random(), HoldAsset.strategy(2, "A2")),
                List.of(1L), MetricOptions.DEFAULT).withBenchmark("A2");
        ExperimentResult result = new ExperimentRunner().run(spec);
        StrategyResult bench = result.strategies().get(2);
        assertEquals(1.0, bench.summary(MetricId.BETA).mean(), 1e-12);
        assertEquals(0.0, bench.summary(MetricId.TRACKING_ERROR).mean(), 1e-15);
        StrategyResult ucrp = result.strategies().get(0);
        double[] ab = Metrics.capm(ucrp.firstRun().returns(), bench.firstRun().returns());
        assertEquals(ab[1], ucrp.summary(MetricId.BETA).mean(), 1e-12);
        assertEquals(ab[0] * ucrp.firstRun().periodsPerYear(), ucrp.summary(MetricId.ALPHA).mean(), 1e-12);
        // the benchmark holds one asset from its first decision and never trades again
        double[] turnover = bench.firstRun().turnover();
        assertTrue(turnover[0] > 0);
        for (int t = 1; t < turnover.length; t++) assertEquals(0, turnover[t], 1e-12);
        // without a benchmark the relative metrics are undefined
        ExperimentResult plain = new ExperimentRunner().run(spec(List.of(ExperimentRunnerTest.ucrp()), List.of(1L), MetricOptions.DEFAULT));
        assertTrue(Double.isNaN(plain.strategies().get(0).summary(MetricId.BETA).mean()));
        assertThrows(IllegalArgumentException.class, () -> spec(List.of(ExperimentRunnerTest.ucrp()), List.of(1L), MetricOptions.DEFAULT)
                .withBenchmark("spy"));
    }

    @Test
    void betaAndTrackingErrorHaveNoBestCell() {
        ExperimentSpec spec = new ExperimentSpec("rel", ExperimentRunnerTest.MARKET, 60, 259,
                List.of(ExperimentRunnerTest.ucrp(), ExperimentRunnerTest.random(), HoldAsset.strategy(2, "A2")), List.of(1L), CONFIG,
                List.of(MetricId.BETA, MetricId.TRACKING_ERROR, MetricId.INFORMATION_RATIO), MetricOptions.DEFAULT, Optional.empty())
                .withBenchmark("A2");
        String table = new TableRenderer().render(new ExperimentRunner().run(spec));
        List<String> rows = table.lines().filter(l -> l.startsWith("ucrp") || l.startsWith("rnd") || l.startsWith("A2")).toList();
        assertEquals(3, rows.size(), table);
        // only the information ratio column is ranked: one star in all, and the benchmark row says what it is
        assertEquals(1, rows.stream().mapToLong(l -> l.chars().filter(c -> c == '*').count()).sum(), table);
        assertTrue(table.contains("A2 (benchmark)"), table);
        assertFalse(dev.strat.runtime.report.MetricColumn.of(MetricId.BETA).ranked());
        assertTrue(dev.strat.runtime.report.MetricColumn.of(MetricId.INFORMATION_RATIO).ranked());
    }

    @Test
    void bootstrapIntervalsAreSeededAndBracketTheEstimate() {
        MetricOptions options = MetricOptions.DEFAULT.withCi(0.9);
        ExperimentSpec spec = spec(List.of(ExperimentRunnerTest.random()), List.of(4L), options);
        StrategyResult s = new ExperimentRunner().run(spec).strategies().get(0);
        Map<MetricId, StationaryBootstrap.Interval> a = MetricIntervals.of(spec, s);
        assertEquals(MetricIntervals.BOOTSTRAPPED, a.keySet());
        assertEquals(a, MetricIntervals.of(spec, s));
        for (var e : a.entrySet()) {
            StationaryBootstrap.Interval ci = e.getValue();
            assertEquals(s.summary(e.getKey()).mean(), ci.estimate(), 1e-9, e.getKey().key());
            assertTrue(ci.lower() <= ci.upper(), e.getKey().key());
        }
        StationaryBootstrap.Interval sharpe = a.get(MetricId.SHARPE);
        assertTrue(sharpe.lower() < sharpe.estimate() && sharpe.estimate() < sharpe.upper(), sharpe.toString());
        assertTrue(MetricIntervals.of(spec(List.of(ExperimentRunnerTest.random()), List.of(4L), MetricOptions.DEFAULT), s).isEmpty());
    }

    @Test
    void annualiseAutoLeavesAShortRunUncompounded() {
        ExperimentSpec spec = spec(List.of(ExperimentRunnerTest.random()), List.of(1L), MetricOptions.DEFAULT);
        BacktestResult run = new ExperimentRunner().run(spec).strategies().get(0).firstRun();
        assertTrue(run.returns().length < run.periodsPerYear());
        MetricValues auto = Metrics.compute(run, MetricOptions.DEFAULT.withAnnualise(MetricOptions.Annualise.AUTO));
        MetricValues always = Metrics.compute(run, MetricOptions.DEFAULT.withAnnualise(MetricOptions.Annualise.ALWAYS));
        assertTrue(Double.isNaN(auto.get(MetricId.ANNUAL_RETURN)));
        assertTrue(Double.isNaN(auto.get(MetricId.CALMAR)));
        assertFalse(Double.isNaN(always.get(MetricId.ANNUAL_RETURN)));
        assertEquals(always.get(MetricId.SHARPE), auto.get(MetricId.SHARPE), 0);
        assertEquals(auto.get(MetricId.TURNOVER) * run.periodsPerYear(), auto.get(MetricId.TURNOVER_ANNUAL), 1e-12);
    }

    /* A calendar year of daily stock bars has 250 to 253 of them: 2019's 251 is a year, not an extrapolation. */
    @Test
    void aCalendarYearCountsAsAYearWhateverItsBarCount() {
        MetricOptions auto = MetricOptions.DEFAULT.withAnnualise(MetricOptions.Annualise.AUTO);
        assertTrue(auto.annualises(251, 252));
        assertTrue(auto.annualises(248, 252));
        assertFalse(auto.annualises(240, 252));
        assertTrue(auto.annualises(359, 365));
        assertFalse(auto.annualises(300, 365));
        assertTrue(MetricOptions.DEFAULT.withAnnualise(MetricOptions.Annualise.ALWAYS).annualises(20, 252));
    }
}
