package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.plan.ExperimentPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The experiment settings of issue 9 that {@code strat check} sees: {@code ci}, {@code annualise},
 * {@code cash_rate}, {@code benchmark}, the {@code bp} literal, and metrics that cannot be
 * computed (a goal probability without a goal, alpha without a benchmark).
 */
class ConventionsCheckTest {

    private static final String MARKET = "market m = synthetic gbm(assets=3, days=500, seed=1) symbols A, B, C\n";

    private static ExperimentPlan experiment(String text) {
        CheckResult r = CheckFixtures.check(MARKET + text);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        return r.plan().orElseThrow().experiments().get(0);
    }

    private static List<Diagnostic> errors(String text) {
        return CheckFixtures.check(MARKET + text).errors();
    }

    private static String messages(List<Diagnostic> ds) {
        return String.join("\n", ds.stream().map(d -> d.span().location() + " " + d.message() + " " + d.hint().orElse("")).toList());
    }

    @Test
    void basisPointsAreAPercentLiteral() {
        ExperimentPlan e = experiment("costs fee 10bp, slippage 0%..2.5bp\nexperiment e on m {\n compare ucrp\n}");
        assertEquals(0.001, e.costs().fee(), 1e-15);
        assertEquals(0.00025, e.costs().slippageHigh(), 1e-15);
        ExperimentPlan rf = experiment("experiment e on m {\n compare ucrp\n rf 150bp\n}");
        assertEquals(0.015, rf.riskFree(), 1e-15);
        assertTrue(rf.conventions().costsGiven() == false);
    }

    @Test
    void conventionsReachThePlan() {
        ExperimentPlan e = experiment("costs fee 0.1%\nexperiment e on m {\n compare ucrp\n ci 95%\n annualise always\n rf 2%\n cash_rate rf\n}");
        assertEquals(new ExperimentPlan.Conventions(0.95, true, true, true), e.conventions());
        ExperimentPlan d = experiment("experiment e on m {\n compare ucrp\n}");
        assertEquals(Double.NaN, d.conventions().ciLevel());
        assertFalse(d.conventions().annualiseAlways());
        assertFalse(d.conventions().cashEarnsRf());
        assertFalse(d.conventions().costsGiven());
    }

    @Test
    void badConventionValuesAreLocated() {
        String m = messages(errors("experiment e on m {\n compare ucrp\n ci 120%\n annualise alway\n cash_rate 3%\n}"));
        assertTrue(m.contains("'ci' is a confidence level in (50%, 100%)"), m);
        assertTrue(m.contains("'annualise' expects auto or always, got 'alway'") && m.contains("did you mean 'always'?"), m);
        assertTrue(m.contains("'cash_rate' expects rf or zero"), m);
    }

    @Test
    void goalProbabilityWithoutAGoalIsACheckError() {
        List<Diagnostic> ds = errors("experiment e on m {\n compare ucrp\n metrics sharpe, goal_probability\n}");
        assertEquals(1, ds.size(), messages(ds));
        assertTrue(ds.get(0).message().contains("'goal_probability' needs a goal"), messages(ds));
        assertEquals(4, ds.get(0).span().line(), messages(ds));
    }

    @Test
    void relativeMetricsNeedABenchmark() {
        String m = messages(errors("experiment e on m {\n compare ucrp\n metrics alpha, ir\n}"));
        assertTrue(m.contains("'alpha' is measured against a benchmark") && m.contains("'ir' is measured against a benchmark"), m);
    }

    @Test
    void benchmarkIsAComparedStrategyOrASymbol() {
        ExperimentPlan s = experiment("experiment e on m {\n compare ucrp, bah\n benchmark bah\n metrics alpha, beta\n}");
        assertEquals(new ExperimentPlan.Benchmark("bah", true, s.benchmark().orElseThrow().span()), s.benchmark().orElseThrow());
        ExperimentPlan sym = experiment("experiment e on m {\n compare ucrp\n benchmark B\n metrics te\n}");
        assertFalse(sym.benchmark().orElseThrow().strategy());
        assertEquals("B", sym.benchmark().orElseThrow().name());
    }

    @Test
    void unknownBenchmarkSaysWhatItCouldBe() {
        String m = messages(errors("experiment e on m {\n compare ucrp, bah\n benchmark uccrp\n}"));
        assertTrue(m.contains("unknown benchmark 'uccrp': neither a compared strategy nor a symbol of market 'm'"), m);
        assertTrue(m.contains("did you mean 'ucrp'?"), m);
        String declared = messages(errors("strategy mine = olmar(window=5)\nexperiment e on m {\n compare ucrp\n benchmark mine\n}"));
        assertTrue(declared.contains("benchmark 'mine' is a strategy this experiment does not compare"), declared);
    }
}
