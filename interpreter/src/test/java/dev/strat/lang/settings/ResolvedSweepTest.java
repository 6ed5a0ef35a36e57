package dev.strat.lang.settings;

import dev.strat.lang.check.CheckFixtures;
import dev.strat.lang.check.CheckResult;
import dev.strat.lang.diag.Source;
import dev.strat.lang.plan.ExperimentPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** plan.yaml's resolved section spells out every entry a sweep expands to, with all its arguments. */
class ResolvedSweepTest {

    @Test
    void eachExpandedEntryIsWrittenOutAndSurvivesTheRoundTrip() {
        String text = """
                market m = synthetic gbm(assets=4, days=800, seed=3)
                strategy capped(eta = 0.1, cap = 50%) = eg(eta=eta) | constrain(max_weight=cap)
                experiment e on m {
                    compare [capped(eta=x) for x in 0.05, 0.2], capped(cap=30%)
                    significance ranksum("capped(eta=0.2)", metric=sharpe)
                }
                """;
        CheckResult r = CheckFixtures.check(text);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        ExperimentPlan e = r.plan().orElseThrow().experiments().get(0);
        ResolvedPlan plan = ResolvedPlan.of(e, new ResolvedPlan.Program("t.strat", "/p/t.strat", PlanFile.sha256(text), text),
                new ResolvedPlan.Options("/data", "/out", false, null, "fresh"), List.of(1L), Map.of(), "0.1.0");
        assertEquals(List.of(
                new ResolvedPlan.Strategy("capped(eta=0.05)", "eg(eta=0.05) | constrain(max_weight=50%, min_weight=0%, min_cash=0%)"),
                new ResolvedPlan.Strategy("capped(eta=0.2)", "eg(eta=0.2) | constrain(max_weight=50%, min_weight=0%, min_cash=0%)"),
                new ResolvedPlan.Strategy("capped(cap=30%)", "eg(eta=0.1) | constrain(max_weight=30%, min_weight=0%, min_cash=0%)")),
                plan.resolved().strategies());
        assertTrue(plan.resolved().significance().contains("reference=capped(eta=0.2)"), plan.resolved().significance());
        String yaml = PlanFile.toYaml(plan);
        assertTrue(yaml.contains("- name: capped(eta=0.05)"), yaml);
        assertEquals(plan, PlanFile.parse(new Source("plan.yaml", yaml)).plan().orElseThrow());
    }
}
