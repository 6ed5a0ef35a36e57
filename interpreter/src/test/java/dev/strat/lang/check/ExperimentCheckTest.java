package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.plan.CostPlan;
import dev.strat.runtime.data.DateRange;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.plan.SignificancePlan;
import dev.strat.lang.plan.SplitPlan;
import dev.strat.runtime.metrics.MetricId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentCheckTest {

    private static final String MARKET = "market m = synthetic gbm(assets=3, days=500, seed=1)\n";

    private static ExperimentPlan experiment(String text) {
        CheckResult r = CheckFixtures.check(MARKET + text);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        List<ExperimentPlan> all = r.plan().orElseThrow().experiments();
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static List<String> errors(String text) {
        return CheckFixtures.check(MARKET + text).errors().stream().map(Diagnostic::message).toList();
    }

    @Test
    void defaultsWhenNothingIsSaid() {
        ExperimentPlan e = experiment("experiment e on m {\n compare ucrp, bah\n}");
        assertEquals("e", e.name());
        assertEquals(List.of("ucrp", "bah"), e.compare().stream().map(s -> s.name()).toList());
        assertEquals(List.of(1L), e.seeds());
        assertEquals(List.of(MetricId.CUMULATIVE_RETURN, MetricId.ANNUAL_RETURN, MetricId.VOLATILITY, MetricId.SHARPE,
                MetricId.SORTINO, MetricId.MAX_DRAWDOWN, MetricId.CALMAR, MetricId.TURNOVER), e.metrics());
        assertEquals(CostPlan.NONE, e.costs());
        assertEquals(1_000_000, e.capital());
        assertEquals(SplitPlan.wholeDataAsTest(), e.split());
        assertEquals(List.of(), e.significance());
        assertEquals(Optional.empty(), e.reportPath());
        assertEquals(0, e.warmup());
        assertEquals(0.0, e.riskFree());
    }

    @Test
    void settingsAndGlobalCostsApply() {
        ExperimentPlan e = experiment("""
                costs fee 0.25%, slippage 0%..0.1%
                capital 250_000
                split s = train 2015..2017, test 2018
                strategy mine = olmar(window=5) | constrain(max_weight=40%)
                experiment e on m split s {
                    compare mine, base = ucrp, eg(eta=0.05)
                    seeds 4
                    metrics cagr, sr, mdd
                    significance wilcoxon(mine)
                    report "out/e"
                    warmup 30
                    rf 2%
                    slippage 0.05%
                }""");
        assertEquals(List.of("mine", "base", "eg(eta=0.05)"), e.compare().stream().map(s -> s.name()).toList());
        assertEquals("olmar(window=5, eps=10) | constrain(max_weight=40%, min_weight=0%, min_cash=0%)", e.compare().get(0).pipeline().render());
        assertEquals(List.of(1L, 2L, 3L, 4L), e.seeds());
        assertEquals(List.of(MetricId.ANNUAL_RETURN, MetricId.SHARPE, MetricId.MAX_DRAWDOWN), e.metrics());
        assertEquals(List.of(new SignificancePlan("wilcoxon", "mine", 0.05)), e.significance());
        assertEquals(Optional.of("out/e"), e.reportPath());
        assertEquals(30, e.warmup());
        assertEquals(0.02, e.riskFree(), 1e-15);
        assertEquals(new CostPlan(0.0025, 0.0005, 0.0005), e.costs());
        assertEquals(250_000, e.capital());
        SplitPlan.Fixed split = (SplitPlan.Fixed) e.split();
        assertEquals(new DateRange(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)), split.test());
    }

    @Test
    void explicitSeedList() {
        assertEquals(List.of(7L, 3L, 11L), experiment("experiment e on m {\n compare ucrp\n seeds [7, 3, 11]\n}").seeds());
        assertEquals(List.of("'seeds' must be a count in [1, 10000] or a list of seeds, got 0"),
                errors("experiment e on m {\n compare ucrp\n seeds 0\n}"));
    }

    @Test
    void inlineAndRollingSplits() {
        ExperimentPlan e = experiment("experiment e on m split train ..2019, test 2020.. {\n compare ucrp\n}");
        assertEquals(new SplitPlan.Fixed(Optional.of(new DateRange(null, LocalDate.of(2019, 12, 31))), Optional.empty(),
                new DateRange(LocalDate.of(2020, 1, 1), null)), e.split());
        ExperimentPlan r = experiment("experiment e on m rolling(train=1y, test=1mo) {\n compare ucrp\n}");
        assertTrue(r.split() instanceof SplitPlan.Rolling);
    }

    @Test
    void compareIsRequired() {
        assertEquals(List.of("experiment 'e' compares nothing"), errors("experiment e on m {\n seeds 2\n}"));
    }

    @Test
    void unknownSettingSuggestsTheClosest() {
        CheckResult r = CheckFixtures.check(MARKET + "experiment e on m {\n compare ucrp\n metrcs ar\n}");
        assertEquals("unknown experiment setting 'metrcs'", r.errors().get(0).message());
        assertEquals(Optional.of("did you mean 'metrics'?"), r.errors().get(0).hint());
    }

    @Test
    void metricsAcceptAliasesAndSuggest() {
        CheckResult r = CheckFixtures.check(MARKET + "experiment e on m {\n compare ucrp\n metrics volatility, sortno\n}");
        assertEquals(List.of("unknown metric 'sortno'"), r.errors().stream().map(Diagnostic::message).toList());
        assertEquals(Optional.of("did you mean 'sortino'?"), r.errors().get(0).hint());
    }

    @Test
    void significanceMustReferToACompareEntry() {
        assertEquals(List.of("'mne' is not compared in this experiment"),
                errors("strategy mine = ucrp\nexperiment e on m {\n compare mine, bah\n significance wilcoxon(mne)\n}"));
        assertEquals(List.of("unknown significance test 'ttest' (wilcoxon and ranksum test over seeds, sharpe_diff over time)"),
                errors("experiment e on m {\n compare ucrp, bah\n significance ttest(ucrp)\n}"));
        assertEquals(List.of("'resamples' expects a whole number in [1, 1000000], got 0"),
                errors("experiment e on m {\n compare ucrp, bah\n significance sharpe_diff(ucrp, resamples=0)\n}"));
        assertEquals(List.of("'alpha' must be in (0, 1), got 0.0"),
                errors("experiment e on m {\n compare ucrp, bah\n significance wilcoxon(ucrp, alpha=0)\n}"));
    }

    @Test
    void ranksumAndWilcoxonPlanTheChosenMetricByNameOrAlias() {
        assertEquals(List.of(new SignificancePlan("ranksum", "bah", 0.05, 999, Optional.of(MetricId.ANNUAL_RETURN))),
                experiment("experiment e on m {\n compare ucrp, bah\n metrics ar, sharpe\n significance ranksum(bah, metric=ar)\n}")
                        .significance());
        // positional: ranksum(reference, metric, alpha); 'cagr' is an alias of ar
        assertEquals(List.of(new SignificancePlan("ranksum", "ucrp", 0.1, 999, Optional.of(MetricId.ANNUAL_RETURN))),
                experiment("experiment e on m {\n compare ucrp, bah\n metrics ar, mdd\n significance ranksum(ucrp, cagr, 10%)\n}")
                        .significance());
        assertEquals(List.of(new SignificancePlan("wilcoxon", "ucrp", 0.05, 999, Optional.of(MetricId.MAX_DRAWDOWN))),
                experiment("experiment e on m {\n compare ucrp, bah\n metrics ar, mdd\n significance wilcoxon(ucrp, metric=mdd)\n}")
                        .significance());
        // without metric= the plan leaves the choice to the headline rule
        assertEquals(List.of(new SignificancePlan("ranksum", "ucrp", 0.05)),
                experiment("experiment e on m {\n compare ucrp, bah\n significance ranksum(ucrp)\n}").significance());
        // the default metrics (no 'metrics' line) are checked like a written one
        assertEquals(List.of("metric 'omega' is not among this experiment's metrics (cr, ar, vol, sharpe, sortino, mdd, calmar, turnover)"),
                errors("experiment e on m {\n compare ucrp, bah\n significance ranksum(ucrp, metric=omega)\n}"));
        // a broken metrics line is reported once, not again by the test
        assertEquals(List.of("unknown metric 'sortno'"),
                errors("experiment e on m {\n compare ucrp, bah\n metrics ar, sortno\n significance ranksum(ucrp, metric=ar)\n}"));
    }

    @Test
    void oneSignificanceLineMayAskForSeveralTests() {
        // RiPO's ablation: the full system against the others, and one ablated variant against the plain agent
        assertEquals(List.of(new SignificancePlan("ranksum", "ucrp", 0.05, 999, Optional.of(MetricId.ANNUAL_RETURN)),
                        new SignificancePlan("wilcoxon", "bah", 0.1), new SignificancePlan("sharpe_diff", "ucrp", 0.05, 999)),
                experiment("experiment e on m {\n compare ucrp, bah, hold\n metrics ar, sharpe\n"
                        + " significance ranksum(ucrp, metric=ar), wilcoxon(bah, alpha=10%), sharpe_diff(ucrp)\n}").significance());
        // the same test of the same reference on the same metric twice is an error at the second, saying where the first is
        assertEquals(List.of("the same test is asked for twice: ranksum of 'ucrp' on ar"),
                errors("experiment e on m {\n compare ucrp, bah\n metrics ar\n significance ranksum(ucrp, metric=ar), ranksum(ucrp, ar)\n}"));
        // without metric= a test compares the headline (here Sharpe), so naming it is the same test
        assertEquals(List.of("the same test is asked for twice: wilcoxon of 'ucrp' on sharpe"),
                errors("experiment e on m {\n compare ucrp, bah\n metrics ar, sharpe\n significance wilcoxon(ucrp), wilcoxon(ucrp, metric=sharpe)\n}"));
        // each test is checked on its own: a bad one does not hide a good one's plan, nor the other way round
        assertEquals(List.of("'nope' is not compared in this experiment"),
                errors("experiment e on m {\n compare ucrp, bah\n significance ranksum(ucrp), ranksum(nope)\n}"));
    }

    @Test
    void sharpeDiffPlansATestOverTimeWithItsResamples() {
        assertEquals(List.of(new SignificancePlan("sharpe_diff", "bah", 0.1, 499)),
                experiment("experiment e on m {\n compare ucrp, bah\n significance sharpe_diff(bah, alpha=10%, resamples=499)\n}")
                        .significance());
        assertEquals(List.of(new SignificancePlan("sharpe_diff", "ucrp", 0.05, 999)),
                experiment("experiment e on m {\n compare ucrp, bah\n significance sharpe_diff(ucrp)\n}").significance());
    }

    @Test
    void compareNamesAreUniqueAndAliasesDoNotClash() {
        assertEquals(List.of("'ucrp' is compared twice"), errors("experiment e on m {\n compare ucrp, ucrp\n}"));
        assertEquals(List.of("alias 'm' clashes with market 'm' defined at main.strat:1:8"),
                errors("experiment e on m {\n compare m = ucrp\n}"));
        // an alias may reuse a built-in's name, as in 'td3 = agent td3(...)'
        assertEquals(List.of("olmar"), experiment("experiment e on m {\n compare olmar = olmar(window=3)\n}")
                .compare().stream().map(s -> s.name()).toList());
    }

    @Test
    void marketReferenceIsResolved() {
        CheckResult r = CheckFixtures.check(MARKET + "experiment e on n {\n compare ucrp\n}");
        assertEquals("unknown market 'n'", r.errors().get(0).message());
        assertEquals(Optional.of("did you mean 'm'?"), r.errors().get(0).hint());
    }

    @Test
    void backtestIsAnExperimentWithOneStrategyAndOneSeed() {
        ExperimentPlan e = experiment("strategy s = olmar | constrain(max_weight=50%)\nbacktest s on m");
        assertEquals(List.of("s"), e.compare().stream().map(x -> x.name()).toList());
        assertEquals(List.of(1L), e.seeds());
        ExperimentPlan inline = experiment("backtest ucrp | constrain(max_weight=50%) on m split test 2021");
        assertEquals("ucrp | constrain(max_weight=50%)", inline.compare().get(0).name());
        assertEquals(List.of("unknown market 'q'"), errors("backtest ucrp on q"));
    }

    @Test
    void dataRangeIsCheckedThroughTheCatalog() {
        CheckResult r = CheckFixtures.check("market us = csv(\"us_large_caps_daily.csv.gz\")\nexperiment e on us split test 2024 {\n compare ucrp\n}");
        assertEquals(List.of("test 2024 is after the last date of us_large_caps_daily.csv.gz (2023-10-27)"),
                r.errors().stream().map(Diagnostic::message).toList());
        assertTrue(CheckFixtures.check("market us = csv(\"us_large_caps_daily.csv.gz\")\nexperiment e on us split test 2023 {\n compare ucrp\n}").ok());
    }

    @Test
    void costsAreValidated() {
        assertEquals(List.of("'fee' must be in [0%, 10%], got 11%"), errors("costs fee 11%"));
        assertEquals(List.of("'slippage' range 0.2%..0.1% ends below its start"), errors("costs slippage 0.2%..0.1%"));
        assertEquals(List.of("unknown cost 'fees'"), errors("costs fees 1%"));
        assertEquals(List.of("'capital' must be positive, got 0"), errors("capital 0"));
        assertEquals(List.of("'capital' is declared twice"), errors("capital 10\ncapital 20"));
    }

    @Test
    void errorsInOneExperimentDoNotHideOthers() {
        CheckResult r = CheckFixtures.check(MARKET + "experiment a on m {\n compare olmr\n}\nexperiment b on m {\n compare ucrp\n metrics xx\n}");
        assertEquals(2, r.errors().size());
        assertFalse(r.plan().isPresent());
    }
}
