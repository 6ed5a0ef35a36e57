package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.plan.PipelinePlan;
import dev.strat.lang.plan.StageNode;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositionTest {

    private static PipelinePlan plan(String text, String strategy) {
        CheckResult r = TestRegistry.check(text);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        return r.plan().orElseThrow().strategy(strategy).orElseThrow().pipeline();
    }

    private static List<String> names(PipelinePlan p) {
        return p.stages().stream().map(n -> n.builtin().name()).toList();
    }

    private static List<String> errors(String text) {
        return TestRegistry.check(text).errors().stream().map(Diagnostic::message).toList();
    }

    @Test
    void kindKeywordMustMatch() {
        assertEquals(List.of("'alloc' is an allocator, not a risk stage"), errors("strategy s = risk alloc"));
        assertEquals(List.of("'guard' is a risk stage, not an adapt stage"), errors("strategy s = alloc | adapt guard"));
        assertTrue(TestRegistry.check("strategy s = agent learner | risk guard | adapt tune").ok());
    }

    @Test
    void firstStageMustStartAPipeline() {
        List<Diagnostic> d = TestRegistry.check("strategy s = cap(max_weight=40%)").errors();
        assertEquals(1, d.size());
        assertEquals("'cap' needs a proposal before it: put an allocator first", d.get(0).message());
        assertEquals(14, d.get(0).span().column());
    }

    @Test
    void noPipelineStartingStageAfterTheFirst() {
        assertEquals(List.of("'learner' ignores the proposal before it: only the first stage of a pipeline may be an agent"),
                errors("strategy s = alloc | cap | learner"));
    }

    @Test
    void anAllocatorMayFollowSelectors() {
        PipelinePlan p = plan("strategy s = picker | alloc | cap", "s");
        assertEquals(List.of("picker"), names(p));
        assertEquals(List.of("alloc", "cap"), names(p.stages().get(0).roles().get(StageNode.THEN)));
    }

    @Test
    void adaptNeedsARiskStageEarlier() {
        assertEquals(List.of("'tune' adapts a risk stage, but there is none before it"), errors("strategy s = alloc | cap | tune"));
        assertEquals(List.of("alloc", "guard", "cap", "tune"), names(plan("strategy s = alloc | guard | cap | tune", "s")));
    }

    @Test
    void riskStageInsideAnInlinedStrategyCounts() {
        PipelinePlan p = plan("strategy base = alloc | guard\nstrategy s = base | tune", "s");
        assertEquals(List.of("alloc", "guard", "tune"), names(p));
    }

    @Test
    void strategiesInlineAndMayBeExtended() {
        PipelinePlan p = plan("strategy base = alloc(window=9) | cap(max_weight=50%)\nstrategy s = base | rebalance(every=5)", "s");
        assertEquals(List.of("alloc", "cap", "rebalance"), names(p));
        assertEquals(new Value.Num(9, false, true), p.stages().get(0).args().get("window"));
    }

    @Test
    void strategyUsedAfterTheFirstStageStartsAfresh() {
        assertEquals(List.of("'base' ignores the proposal before it: only the first stage of a pipeline may be an allocator"),
                errors("strategy base = alloc\nstrategy s = alloc | base"));
    }

    @Test
    void strategyCyclesAreReportedOnceWithThePath() {
        List<String> e = errors("strategy a = b\nstrategy b = c | cap\nstrategy c = a");
        assertEquals(List.of("strategy cycle: a -> b -> c -> a"), e);
    }

    @Test
    void everyPutsTheAllocatorOnASchedule() {
        PipelinePlan p = plan("strategy s = alloc every 21d | cap", "s");
        assertEquals(List.of("alloc", "cap"), names(p));
        StageNode alloc = p.stages().get(0);
        assertEquals("21d", alloc.every().orElseThrow().render());
        assertTrue(p.stages().get(1).every().isEmpty());
        assertEquals("5", plan("strategy s = alloc every 5", "s").stages().get(0).every().orElseThrow().render());
    }

    @Test
    void everyIsRejectedOnStagesThatDoNotStartAPipeline() {
        assertEquals(List.of("'every' is not supported for 'cap'"), errors("strategy s = alloc | cap every 5"));
    }

    @Test
    void everyNeedsARegisteredRebalance() {
        Registry noRebalance = Registry.builder().add(TestRegistry.REGISTRY.find("alloc").orElseThrow()).build();
        CheckResult r = TestRegistry.check(noRebalance, "strategy s = alloc every 5");
        assertEquals(List.of("'every' needs the built-in 'rebalance(every=...)', which is not registered"),
                r.errors().stream().map(Diagnostic::message).toList());
    }

    @Test
    void clausesThatAreNotParametersAndBlocksAreRejected() {
        assertEquals(List.of("'over' is not a clause of 'alloc'", "'train' is not a clause of 'alloc'"),
                errors("strategy s = alloc over x train y"));
        assertEquals(List.of("a block { ... } is not supported for 'alloc' yet"), errors("strategy s = alloc {\n inter mlp(3)\n}"));
    }

    @Test
    void unknownStageGetsSuggestionsFromBuiltinsAndStrategies() {
        CheckResult r = TestRegistry.check("strategy mystrat = alloc\nstrategy s = mystrt");
        assertEquals(Optional.of("did you mean 'mystrat'?"), r.errors().get(0).hint());
        r = TestRegistry.check("strategy s = aloc(window=3)");
        assertEquals("'aloc' is not a known built-in", r.errors().get(0).message());
        assertEquals(Optional.of("did you mean 'alloc'?"), r.errors().get(0).hint());
    }

    @Test
    void aStageAfterAnUnknownOneIsNotJudged() {
        // the unknown stage might have been a selector or a risk stage: no second guess
        assertEquals(List.of("'nope' is not a known built-in or strategy"), errors("strategy s = nope | alloc | tune"));
    }

    @Test
    void strategiesTakeNoArguments() {
        assertEquals(List.of("strategy 'base' takes no arguments"), errors("strategy base = alloc\nstrategy s = base(3)"));
    }

    @Test
    void nonStrategyNamesAreNotStages() {
        assertEquals(List.of("'m' is a market, not a strategy or built-in"),
                errors("market m = synthetic gbm(assets=2, days=20)\nstrategy s = m"));
    }

    @Test
    void learningStagesNeedATrainingPeriod() {
        String market = "market m = synthetic gbm(assets=2, days=500)\n";
        assertEquals(List.of("'learner' learns, but this run has no training period"),
                errors(market + "strategy s = learner | cap\nexperiment e on m split test 2001 {\n compare s, alloc\n}"));
        assertEquals(List.of("'learner' learns, but this run has no training period"), errors(market + "backtest learner on m"));
        assertTrue(TestRegistry.check(market + "experiment e on m split train 2000, test 2001 {\n compare learner\n}").ok());
        assertTrue(TestRegistry.check(market + "backtest learner on m rolling(train=1y, test=1mo)").ok());
    }

    @Test
    void qualifiedNamesAreNotSupported() {
        assertEquals(List.of("qualified names such as 'hrl.hla' are not supported yet"), errors("strategy s = hrl.hla"));
    }
}
