package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.backtest.FlatCost;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.metrics.MetricValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultWriterTest {

    static final MarketData MARKET = TestStages.market(List.of("A", "B"), new double[][]{
            {100, 50}, {110, 50}, {99, 55}, {108.9, 55}});
    static final List<MetricId> SHOWN = List.of(MetricId.ANNUAL_RETURN, MetricId.MAX_DRAWDOWN, MetricId.SHARPE, MetricId.OMEGA);
    static final double NAN = Double.NaN;

    /** Three strategies over seeds 1..3 with chosen metric values (the runs are real but tiny). */
    static ExperimentResult handmade(Optional<SignificanceSpec> significance, List<SignificanceResult> tests) {
        List<NamedStrategy> strategies = List.of(
                new NamedStrategy("olmar", "olmar(window=5) | constrain(max_weight=0.4, min_weight=0)",
                        seed -> TestStages.constant("o", 0.4, 0.4, 0.2)),
                new NamedStrategy("ucrp", "ucrp", seed -> TestStages.constant("ucrp", 0.5, 0.5, 0)),
                new NamedStrategy("cash", "hold", seed -> TestStages.constant("hold", 0, 0, 1)));
        ExperimentSpec spec = new ExperimentSpec("cmp", MARKET, 1, 3, strategies, List.of(1L, 2L, 3L),
                new BacktestConfig(1_000_000, 0.0025, 0, 0.001), SHOWN, MetricOptions.DEFAULT, significance);
        double[][][] values = {
                // ar, mdd, sharpe, omega per seed
                {{0.12, 0.20, 0.7, NAN}, {0.13, 0.25, 0.8, NAN}, {0.14, 0.30, 0.9, NAN}},
                {{0.10, 0.15, 0.9, 1.5}, {0.10, 0.15, 0.9, 1.5}, {0.10, 0.15, 0.9, 1.5}},
                {{0.00, 0.00, NAN, NAN}, {0.00, 0.00, NAN, NAN}, {0.00, 0.00, NAN, NAN}}};
        Backtester bt = new Backtester(spec.config());
        List<StrategyResult> results = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            List<BacktestResult> runs = new ArrayList<>();
            List<MetricValues> metrics = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                NamedStrategy ns = strategies.get(s);
                runs.add(bt.run(ns.name(), ns.build().apply(k + 1), MARKET, 1, 3, k + 1));
                double[] v = new double[MetricId.values().length];
                java.util.Arrays.fill(v, NAN);
                for (int c = 0; c < SHOWN.size(); c++) v[SHOWN.get(c).ordinal()] = values[s][k][c];
                metrics.add(MetricValues.of(v));
            }
            results.add(new StrategyResult(strategies.get(s).name(), strategies.get(s).label(), runs, metrics));
        }
        return new ExperimentResult(spec, results, tests);
    }

    @Test
    void tableLayout() {
        List<SignificanceResult> tests = List.of(
                new SignificanceResult(MetricId.ANNUAL_RETURN, "olmar", "ucrp", 3, 3, 0.25, true, false, true, 0.25, ""),
                new SignificanceResult(MetricId.MAX_DRAWDOWN, "olmar", "ucrp", 3, 3, 0.25, true, false, false, 0.25,
                        "tied differences: the exact p-value assumes none, so it is approximate"),
                new SignificanceResult(MetricId.ANNUAL_RETURN, "olmar", "cash", 30, 30, 0.001, true, true, true, 2 / Math.pow(2, 30), ""));
        String table = new TableRenderer().render(handmade(Optional.of(new SignificanceSpec("olmar", 0.05)), tests));
        String expected = """
                experiment cmp on test
                test 2019-01-02 .. 2019-01-04 (2 periods, daily, 252 periods/yr), seeds 1..3
                costs: fee 0.25%, slippage 0%..0.1% of traded value; capital 1_000_000

                strategy               ar              mdd        sharpe         omega
                olmar     *13.00% ± 1.00%   25.00% ± 5.00%   0.80 ± 0.10           n/a
                ucrp       10.00% ± 0.00%   15.00% ± 0.00%  *0.90 ± 0.00   1.50 ± 0.00
                cash        0.00% ± 0.00%   *0.00% ± 0.00%           n/a           n/a
                * best in column
                ! ar and calmar are annualised from 2 periods, less than a year (annualise always)

                Wilcoxon signed-rank test over seeds vs olmar (two-sided, alpha 0.05, paired by seed: measures seed-to-seed noise, not performance over time)
                  ar   ucrp  p = 0.250  not significant
                  mdd  ucrp  p = 0.250  not significant            (tied differences: the exact p-value assumes none, so it is approximate)
                  ar   cash  p = 0.001  significant, olmar better
                  note: with 3 differing seed(s) the smallest attainable p is 0.250, so no result can be significant at 0.05
                """;
        assertEquals(expected, table);
    }

    @Test
    void cellsFormatPercentRatiosAndUndefinedValues() {
        assertEquals("12.34% ± 0.56%", TableRenderer.cell(MetricId.ANNUAL_RETURN, 0.1234, 0.0056));
        assertEquals("0.71 ± 0.03", TableRenderer.cell(MetricId.SHARPE, 0.711, 0.0312));
        assertEquals("0.71", TableRenderer.cell(MetricId.SHARPE, 0.711, NAN));
        assertEquals("n/a", TableRenderer.cell(MetricId.SHARPE, NAN, 0.1));
        assertEquals("-3.10%", TableRenderer.cell(MetricId.CUMULATIVE_RETURN, -0.031, NAN));
    }

    @Test
    void jsonRoundTrip(@TempDir Path dir) throws IOException {
        ExperimentResult result = handmade(Optional.empty(), List.of());
        RunInfo info = new RunInfo(List.of("us_large_caps_daily.csv.gz"), "0.1.0", "ab12cd");
        Path file = dir.resolve("results.json");
        new ResultWriter(info).writeJson(result, file);
        ExperimentReport read = ResultWriter.readJson(file);
        assertEquals(ExperimentReport.of(result, info), read);

        assertEquals("cmp", read.experiment());
        assertEquals("2019-01-02", read.from());
        assertEquals("2019-01-04", read.to());
        assertEquals(List.of(1L, 2L, 3L), read.seeds());
        assertEquals(List.of("ar", "mdd", "sharpe", "omega"), read.metrics());
        assertEquals(252, read.periodsPerYear());
        assertEquals("proportional", read.costs().model());
        assertEquals("fee 0.25%, slippage 0%..0.1% of traded value", read.costs().description());
        assertEquals(java.util.Map.of("fee", 0.0025, "slippageMin", 0.0, "slippageMax", 0.001), read.costs().parameters());
        assertEquals(1_000_000, read.capital());
        assertEquals("ab12cd", read.sourceHash());
        // surefire starts the JVM as the launcher does, with the Vector API module
        assertEquals("java-vector (small networks: updates and acting), pytorch (the rest)", read.rlKernels());
        ExperimentReport.MetricReport ar = read.strategies().get(0).metrics().get("ar");
        assertEquals(List.of(0.12, 0.13, 0.14), ar.perSeed());
        assertEquals(0.13, ar.mean(), 1e-15);
        assertEquals(0.01, ar.std(), 1e-15);
        assertNull(read.strategies().get(0).metrics().get("omega").mean());
        assertEquals(1_000_000, read.strategies().get(2).finalWealth().get(0));
        String text = Files.readString(file);
        assertTrue(!text.contains("NaN") && text.contains("\"mean\" : null"), "undefined values are JSON null");
    }

    @Test
    void csvFiles(@TempDir Path dir) throws IOException {
        ExperimentResult result = handmade(Optional.empty(), List.of());
        List<Path> written = new ResultWriter(RunInfo.NONE).writeAll(result, dir.resolve("out/cmp"));
        assertEquals(4, written.size());
        for (Path p : written) assertTrue(Files.isRegularFile(p), p.toString());
        try (Stream<Path> files = Files.list(dir.resolve("out/cmp"))) {
            assertEquals(4, files.count(), "no temporary files left behind");
        }

        List<String> summary = Files.readAllLines(dir.resolve("out/cmp/summary.csv"));
        assertEquals("strategy,label,metric,mean,std,seed_1,seed_2,seed_3", summary.get(0));
        assertEquals(1 + 3 * SHOWN.size(), summary.size());
        assertTrue(summary.get(1).startsWith("olmar,\"olmar(window=5) | constrain(max_weight=0.4, min_weight=0)\",ar,0.13"), summary.get(1));
        assertEquals("olmar,\"olmar(window=5) | constrain(max_weight=0.4, min_weight=0)\",omega,,,,,", summary.get(4));

        List<String> equity = Files.readAllLines(dir.resolve("out/cmp/equity.csv"));
        assertEquals("strategy,seed,time,wealth,turnover,cost,w_A,w_B,w_cash", equity.get(0));
        assertEquals(1 + 3 * 3, equity.size());
        BacktestResult first = result.strategy("ucrp").firstRun();
        assertEquals("ucrp,1,2019-01-02,1000000.0,2.0," + first.costs()[0] + ",0.5,0.5,0.0", equity.get(4));
        assertEquals("ucrp,1,2019-01-04," + first.finalWealth() + ",,,,,", equity.get(6));

        // Rewriting replaces the files in place.
        new ResultWriter(RunInfo.NONE).writeAll(result, dir.resolve("out/cmp"));
        assertEquals(summary, Files.readAllLines(dir.resolve("out/cmp/summary.csv")));
    }

    @Test
    void aFlatCostModelIsRecordedAsItselfNotAsAZeroFee(@TempDir Path dir) throws IOException {
        ExperimentResult proportional = handmade(Optional.empty(), List.of());
        ExperimentSpec p = proportional.spec();
        BacktestConfig flat = new BacktestConfig(1_000_000, 0, 0, 0).withCostModel(new FlatCost(0.001, 0.001));
        ExperimentSpec spec = new ExperimentSpec(p.name(), p.market(), p.firstBar(), p.lastBar(), p.strategies(), p.seeds(),
                flat, p.metrics(), p.options(), Optional.empty());
        ExperimentResult result = new ExperimentResult(spec, proportional.strategies(), List.of());
        Path file = dir.resolve("results.json");
        new ResultWriter(RunInfo.NONE).writeJson(result, file);

        ExperimentReport read = ResultWriter.readJson(file);
        assertEquals(ExperimentReport.of(result, RunInfo.NONE), read);
        assertEquals("flat", read.costs().model());
        assertEquals("flat 0.1% of wealth every step, closes perturbed by up to 0.1%", read.costs().description());
        assertEquals(List.of("rate", "perturb"), List.copyOf(read.costs().parameters().keySet()));
        assertEquals(0.001, read.costs().parameters().get("rate"));
        assertEquals(0.001, read.costs().parameters().get("perturb"));
        String text = Files.readString(file);
        assertTrue(!text.contains("\"fee\""), "a flat model has no fee to report: " + text);

        // the HTML report's settings say the same as the table
        String costs = dev.strat.runtime.report.ExperimentReportData.of(result, java.util.Map.of(), List.of()).settings().get("costs");
        assertEquals("flat 0.1% of wealth every step, closes perturbed by up to 0.1%", costs);
        assertTrue(new TableRenderer().render(result).contains("costs: " + costs), "table and report agree");
    }
}
