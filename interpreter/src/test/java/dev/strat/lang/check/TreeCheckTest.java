package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.plan.PipelinePlan;
import dev.strat.lang.plan.StageNode;
import dev.strat.lang.plan.StrategyPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan becomes a tree: pools, switch and blend members, a selector's following stages, clauses as arguments. */
class TreeCheckTest {

    private static PipelinePlan plan(String text, String strategy) {
        CheckResult r = TestRegistry.check(text);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        return r.plan().orElseThrow().strategy(strategy).orElseThrow().pipeline();
    }

    private static List<String> errors(String text) {
        return TestRegistry.check(text).errors().stream().map(Diagnostic::message).toList();
    }

    private static List<String> memberNames(StageNode node) {
        return node.members().stream().map(StageNode.Member::name).toList();
    }

    @Test
    void switchTakesItsPolicyAndPeriodAsArgumentsAndThePoolAsMembers() {
        StageNode sw = plan("strategy s = switch random every 5 over [alloc, learner, alloc(window=9)]", "s").stages().get(0);
        assertEquals("switch", sw.builtin().name());
        assertEquals("random", sw.args().text("policy"));
        assertEquals(5, sw.args().integer("every"));
        assertEquals(List.of("alloc", "learner", "alloc(window=9)"), memberNames(sw));
        assertEquals("switch random every 5 over [alloc, learner, alloc(window=9)]", sw.render());
    }

    @Test
    void poolsAreDeclaredWithComprehensionsAndSums() {
        String text = """
                models pool = [alloc(window=w) for w in [3, 5, 10]] + [learner]
                strategy s = blend equal every 21 over pool + [pair(a=1, b=2)]
                """;
        StageNode blend = plan(text, "s").stages().get(0);
        assertEquals(List.of("alloc(window=3)", "alloc(window=5)", "alloc(window=10)", "learner", "pair(a=1, b=2)"),
                memberNames(blend));
        assertEquals(10, blend.members().get(2).pipeline().stages().get(0).args().integer("window"));
        // the comprehension's second form: values listed without brackets
        StageNode b2 = plan("strategy s = blend equal over [alloc(window=w) for w in 3, 4]", "s").stages().get(0);
        assertEquals(List.of("alloc(window=3)", "alloc(window=4)"), memberNames(b2));
    }

    @Test
    void aPoolComparesAsItsMembers() {
        CheckResult r = TestRegistry.check("""
                market m = synthetic gbm(assets=3, days=300, seed=1)
                models pool = [alloc(window=w) for w in [3, 5]]
                experiment e on m { compare pool, cap_free = alloc }
                """);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        List<String> names = r.plan().orElseThrow().experiments().get(0).compare().stream().map(StrategyPlan::name).toList();
        assertEquals(List.of("alloc(window=3)", "alloc(window=5)", "cap_free"), names);
    }

    @Test
    void strategiesAreMembersWithTheirWholePipeline() {
        StageNode sw = plan("strategy a = alloc | cap(max_weight=40%)\nstrategy s = switch best over [a, alloc] | cap", "s")
                .stages().get(0);
        assertEquals(List.of("alloc", "cap"), sw.members().get(0).pipeline().stages().stream().map(n -> n.builtin().name()).toList());
        assertEquals(2, plan("strategy a = alloc | cap(max_weight=40%)\nstrategy s = switch best over [a, alloc] | cap", "s").stages().size());
    }

    @Test
    void repeatedMembersAreNumbered() {
        StageNode sw = plan("strategy s = switch random over [alloc, alloc, alloc]", "s").stages().get(0);
        assertEquals(List.of("alloc", "alloc#2", "alloc#3"), memberNames(sw));
    }

    @Test
    void theStagesAfterASelectorBecomeItsChild() {
        PipelinePlan p = plan("strategy s = select top(3) by mom every 21d | alloc | cap", "s");
        assertEquals(1, p.stages().size());
        StageNode top = p.stages().get(0);
        assertEquals(3, top.args().integer("k"));
        assertEquals("mom", top.args().text("by"));
        assertEquals(List.of("alloc", "cap"), top.roles().get(StageNode.THEN).stages().stream().map(n -> n.builtin().name()).toList());
        assertTrue(top.render().startsWith("select top(k=3) by mom every 21d | alloc(window=5"), top.render());
        assertEquals(List.of("top", "alloc", "cap"), p.walk().stream().map(n -> n.builtin().name()).toList());
    }

    @Test
    void aLearnerUnderEveryKeepsTheScheduleOnItsNode() {
        StageNode n = plan("strategy s = agent learner every 5d | cap", "s").stages().get(0);
        assertEquals("learner", n.builtin().name());
        assertEquals("5d", n.every().orElseThrow().render());
    }

    @Test
    void aPoolMemberCarriesItsOwnSchedule() {
        String text = """
                models pool = [alloc(window=w) every 24 for w in [3, 5]] + [alloc every 5d]
                strategy s = switch random every 5 over pool + [learner]
                """;
        StageNode sw = plan(text, "s").stages().get(0);
        assertEquals(List.of("alloc(window=3) every 24", "alloc(window=5) every 24", "alloc every 5d", "learner"), memberNames(sw));
        StageNode first = sw.members().get(0).pipeline().stages().get(0);
        assertEquals(3, first.args().integer("window"));
        assertEquals("24", first.every().orElseThrow().render());
        assertTrue(sw.members().get(3).pipeline().stages().get(0).every().isEmpty());
    }

    @Test
    void clausesInAListOutsideAPoolAreErrors() {
        assertEquals(List.of("'over' is not a clause of 'alloc'"), errors("strategy s = switch random over [alloc over [alloc]]"));
        List<String> value = errors("strategy s = fixed(weights=[1 every 5d])");
        assertTrue(value.size() == 1 && value.get(0).contains("not a stage with clauses '1 every 5d'"), value::toString);
    }

    @Test
    void compositionErrorsAreLocatedAndSpecific() {
        assertEquals(List.of("'switch' needs 'over POOL': the members it chooses among"), errors("strategy s = switch random every 5"));
        assertEquals(List.of("'cap' cannot be a member of a pool: it is a transform, which adjusts the weights of the stage before it"),
                errors("strategy s = switch random over [alloc, cap]"));
        assertEquals(List.of("'by' is not a clause of 'switch'"), errors("strategy s = switch random by mom over [alloc]"));
        assertEquals(List.of("'over' is not a clause of 'alloc'"), errors("strategy s = alloc over [alloc]"));
        assertEquals(List.of("'every' is given twice"), errors("strategy s = switch random every 5 every 6 over [alloc]"));
        assertEquals(List.of("after 'top' comes the stage that divides the picks, not a transform"),
                errors("strategy s = select top(2) by mom | cap"));
        assertEquals(List.of("the pool is empty"), errors("strategy s = blend equal over []"));
        assertEquals(List.of("'nope' is not a known built-in or strategy"), errors("strategy s = switch random over [alloc, nope]"));
        List<String> cycle = errors("models a = [alloc] + b\nmodels b = a\nstrategy s = switch random over a");
        assertTrue(cycle.stream().anyMatch(m -> m.startsWith("cycle: ")), cycle::toString);
        assertEquals(List.of("expected a pool of stages, not a number '3'"), errors("strategy s = switch random over 3"));
    }

    @Test
    void aPoolIsNotAStage() {
        assertEquals(List.of("'pool' is a models declaration, not a strategy or built-in"),
                errors("models pool = [alloc]\nstrategy s = pool"));
    }

    @Test
    void aHierarchyNamesTheStageOfEachAssetClassInItsBlock() {
        StageNode h = plan("strategy s = hierarchy equal every 21 { crypto alloc(window=9); stock learner }", "s").stages().get(0);
        assertEquals("hierarchy", h.builtin().name());
        assertEquals(List.of("crypto", "stock"), memberNames(h));
        assertEquals(9, h.members().get(0).pipeline().stages().get(0).args().integer("window"));
        assertEquals(List.of("'hierarchy' needs a block naming the stage of each asset class"),
                errors("strategy s = hierarchy equal every 21"));
        assertEquals(List.of("class 'crypto' is given twice"), errors("strategy s = hierarchy equal { crypto alloc; crypto learner }"));
        assertEquals(List.of("'on' is not a clause of a hierarchy's part"),
                errors("strategy s = hierarchy equal { crypto alloc on mom }"));
        assertEquals(List.of("'cap' cannot be a member of a pool: it is a transform, which adjusts the weights of the stage before it"),
                errors("strategy s = hierarchy equal { crypto cap }"));
    }
}
