package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.ExperimentItem;
import dev.strat.lang.ast.Ident;
import dev.strat.lang.ast.PipelineExpr;
import dev.strat.lang.ast.StageExpr;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.plan.StrategyPlan;
import dev.strat.stdlib.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameterised strategies and compare sweeps: substitution, expansion, naming and where problems are shown. */
class StrategyParamsTest {

    private static final String MARKET = "market m = synthetic gbm(assets=4, days=800, seed=3)\n";
    private static final String CAPPED = "strategy capped(eta = 0.1, cap = 50%) = eg(eta=eta) | constrain(max_weight=cap)\n";
    private static final Source SRC = new Source("t.strat", "");

    private static Span at(int col) {
        return new Span(SRC, 1, col, 1);
    }

    private static Expr num(double v, int col) {
        return new Expr.Number(v, false, false, Double.toString(v), at(col));
    }

    private static Expr.Name name(String n, int col) {
        return new Expr.Name(new Ident(n, at(col)), at(col));
    }

    private static ExperimentPlan experiment(String text, String name) {
        CheckResult r = CheckFixtures.check(text);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        return r.plan().orElseThrow().experiments().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static double arg(StrategyPlan s, int stage, String param) {
        return ((Value.Num) s.pipeline().stages().get(stage).args().get(param)).value();
    }

    @Test
    void substitutionReplacesAllNamesAtOnceAndLeavesCalleesAndArgumentNamesAlone() {
        // eg(eta=eta, other=cap): 'eta' the argument name stays, both values are replaced, and the value
        // given for eta (the name 'cap') is not replaced again by cap's value
        Expr.Call call = new Expr.Call(new Ident("eta", at(1)), List.of(
                new Expr.Arg(new Ident("eta", at(5)), name("eta", 9), at(5)),
                new Expr.Arg(new Ident("other", at(14)), name("cap", 20), at(14))), at(1));
        PipelineExpr p = new PipelineExpr(List.of(new StageExpr(null, call, List.of(), List.of(), at(1))), at(1));
        PipelineExpr out = Substitution.replace(p, Map.of("eta", name("cap", 30), "cap", num(0.5, 40)));
        Expr.Call replaced = (Expr.Call) out.stages().get(0).target();
        assertEquals("eta", replaced.callee().name());
        assertEquals("eta(eta=cap, other=0.5)", AstText.expr(replaced));
        // the value keeps the span where it was written
        assertEquals(30, replaced.args().get(0).value().span().column());
        assertEquals(Set.of("eta", "cap"), Substitution.names(p));
    }

    @Test
    void anInnerComprehensionHidesItsVariable() {
        Expr inner = new Expr.Comprehension(new Expr.Call(new Ident("olmar", at(2)),
                List.of(new Expr.Arg(new Ident("window", at(8)), name("w", 15), at(8))), at(2)),
                new Ident("w", at(22)), List.of(name("w", 27)), at(1));
        // the body's w is the comprehension's own; the values' w is the outer one
        assertEquals("[olmar(window=w) for w in 5]", AstText.expr(Substitution.replace(inner, "w", num(5, 40)))
                .replace("5.0", "5"));
    }

    @Test
    void aSweepExpandsEveryCombinationFirstVariableSlowest() {
        Expr.Call body = new Expr.Call(new Ident("capped", at(2)), List.of(
                new Expr.Arg(new Ident("eta", at(9)), name("e", 13), at(9)),
                new Expr.Arg(new Ident("cap", at(16)), name("c", 20), at(16))), at(2));
        PipelineExpr p = new PipelineExpr(List.of(new StageExpr(null, body, List.of(), List.of(), at(2))), at(2));
        ExperimentItem.Entry entry = new ExperimentItem.Entry(null, p, List.of(
                new ExperimentItem.Sweep(new Ident("e", at(30)), List.of(new Expr.ListOf(List.of(num(1, 36), num(2, 39)), at(35))), at(26)),
                new ExperimentItem.Sweep(new Ident("c", at(50)), List.of(num(3, 55), num(4, 58)), at(46))), at(1));
        Reporter r = new Reporter();
        List<Sweeps.Expanded> out = Sweeps.expand(entry, r);
        assertEquals(List.of(), r.diagnostics());
        assertEquals(List.of("capped(eta=1.0, cap=3.0)", "capped(eta=1.0, cap=4.0)", "capped(eta=2.0, cap=3.0)", "capped(eta=2.0, cap=4.0)"),
                out.stream().map(x -> AstText.pipeline(x.pipeline())).toList());
        // an entry's problems are shown at the value of the last variable
        assertEquals(List.of(55, 58, 55, 58), out.stream().map(x -> x.at().column()).toList());
    }

    @Test
    void useSitesBindByNameOverDefaults() {
        ExperimentPlan e = experiment(MARKET + CAPPED + "experiment e on m {\n    compare capped, capped(cap=30%), capped(eta=0.2, cap=40%)\n}\n", "e");
        assertEquals(List.of("capped", "capped(cap=30%)", "capped(eta=0.2, cap=40%)"), e.compare().stream().map(StrategyPlan::name).toList());
        assertEquals(List.of(0.1, 0.1, 0.2), e.compare().stream().map(s -> arg(s, 0, "eta")).toList());
        assertEquals(List.of(0.5, 0.3, 0.4), e.compare().stream().map(s -> arg(s, 1, "max_weight")).toList());
    }

    @Test
    void aSweepComparesOneNamedEntryPerValue() {
        ExperimentPlan e = experiment(MARKET + CAPPED + "experiment e on m {\n    compare ucrp, [capped(eta=x) for x in 0.05, 0.2]\n"
                + "    significance ranksum(\"capped(eta=0.2)\", metric=sharpe)\n}\n", "e");
        assertEquals(List.of("ucrp", "capped(eta=0.05)", "capped(eta=0.2)"), e.compare().stream().map(StrategyPlan::name).toList());
        assertEquals(0.05, arg(e.compare().get(1), 0, "eta"));
        assertEquals(0.2, arg(e.compare().get(2), 0, "eta"));
        assertEquals("capped(eta=0.2)", e.significance().get(0).reference());
    }

    @Test
    void aSweepMayRunOverStrategyNames() {
        ExperimentPlan e = experiment(MARKET + "experiment e on m {\n    compare [s for s in ucrp, bah]\n}\n", "e");
        assertEquals(List.of("ucrp", "bah"), e.compare().stream().map(StrategyPlan::name).toList());
    }

    @Test
    void aBareUseMeansTheDefaultsAndEachPlanIsItsOwn() {
        CheckResult r = CheckFixtures.check(MARKET + CAPPED + "experiment e on m {\n    compare capped, capped(eta=0.3)\n}\n");
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        StrategyPlan declared = r.plan().orElseThrow().strategy("capped").orElseThrow();
        assertEquals(0.1, arg(declared, 0, "eta"));
        ExperimentPlan e = r.plan().orElseThrow().experiments().get(0);
        assertEquals(0.3, arg(e.compare().get(1), 0, "eta"));
        assertEquals(0.1, arg(e.compare().get(0), 0, "eta"));
    }

    @Test
    void aWrongValueIsShownWhereItWasWritten() {
        CheckResult r = CheckFixtures.check(MARKET + CAPPED + "experiment e on m {\n    compare capped(eta=-1)\n}\n");
        List<Diagnostic> errors = r.errors();
        assertEquals(1, errors.size(), CheckFixtures.messages(r));
        assertEquals(4, errors.get(0).span().line());
        assertEquals(24, errors.get(0).span().column());
    }

    @Test
    void anErrorInTheDeclarationMovesToTheUseThatCausedIt() {
        CheckResult r = CheckFixtures.check(MARKET + "strategy on_top(base = ucrp) = base | constrain(max_weight=50%)\n"
                + "experiment e on m {\n    compare on_top(base=constrain(max_weight=30%))\n}\n");
        List<Diagnostic> errors = r.errors();
        assertEquals(1, errors.size(), CheckFixtures.messages(r));
        assertEquals(4, errors.get(0).span().line());
        assertEquals(13, errors.get(0).span().column());
        assertTrue(errors.get(0).hint().orElseThrow().startsWith("in strategy 'on_top' at main.strat:2:32"), errors.get(0).hint().get());
    }

    @Test
    void parameterProblems() {
        assertEquals(List.of("parameter 'eta' of strategy 's' needs a default"),
                CheckFixtures.check(MARKET + "strategy s(eta) = eg(eta=eta)\n").errors().stream().map(Diagnostic::message).toList());
        assertEquals(List.of("parameter 'ucrp' hides the built-in 'ucrp', which the pipeline uses"),
                CheckFixtures.check(MARKET + "strategy s(ucrp = 1) = switch random every 5 over [ucrp, eg(eta=ucrp)]\n")
                        .errors().stream().map(Diagnostic::message).toList());
        // a market's name is never a value in a pipeline: dcm's m may be called m beside market m
        assertTrue(CheckFixtures.check(MARKET + "strategy s(m = 0.8) = olmar | risk barrier | adapt dcm(m=m)\n").ok());
        CheckResult unused = CheckFixtures.check(MARKET + "strategy s(eta = 0.1, window = 5) = eg(eta=eta)\n");
        assertTrue(unused.ok());
        assertEquals(List.of("parameter 'window' of strategy 's' is not used in its pipeline"),
                unused.diagnostics().stream().map(Diagnostic::message).toList());
        assertEquals(List.of("strategy cycle: s -> s"),
                CheckFixtures.check(MARKET + "strategy s(eta = 0.1) = s(eta=eta)\n").errors().stream().map(Diagnostic::message).toList());
    }

    @Test
    void useSiteProblems() {
        List<String> errors = CheckFixtures.check(MARKET + CAPPED + "strategy plain = ucrp\nexperiment e on m {\n"
                        + "    compare capped(etta=1), capped(0.2), capped(eta=0.1, eta=0.2), plain(x=1)\n}\n")
                .errors().stream().map(d -> d.message() + d.hint().map(h -> " / " + h).orElse("")).toList();
        assertEquals(List.of("strategy 'capped' has no parameter 'etta' / did you mean 'eta'?",
                "strategy 'capped' takes its parameters by name, not by position / e.g. capped(eta=0.2); parameters: eta, cap",
                "parameter 'eta' is given twice / first given at main.strat:5:49",
                "strategy 'plain' takes no arguments / write it without parentheses: plain, or give it parameters: strategy plain(p = 1) = ..."),
                errors);
    }

    @Test
    void duplicateGeneratedNamesAreLocatedAtTheValue() {
        List<Diagnostic> errors = CheckFixtures.check(MARKET + CAPPED
                + "experiment e on m {\n    compare [capped(eta=x) for x in 0.1, 0.2, 0.1]\n}\n").errors();
        assertEquals(1, errors.size());
        assertEquals("'capped(eta=0.1)' is compared twice", errors.get(0).message());
        assertEquals(47, errors.get(0).span().column());
    }

    @Test
    void plainEntriesWithoutAnAliasGetTheSameNamesAsASweep() {
        String both = MARKET + CAPPED + "experiment a on m {\n    compare [capped(eta=x) for x in 0.05, 0.2]\n}\n"
                + "experiment b on m {\n    compare capped(eta=0.05), capped(eta=0.2)\n}\n";
        CheckResult r = CheckFixtures.check(both);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        List<ExperimentPlan> es = r.plan().orElseThrow().experiments();
        assertEquals(es.get(0).compare().stream().map(StrategyPlan::name).toList(), es.get(1).compare().stream().map(StrategyPlan::name).toList());
        assertEquals(List.of("capped(eta=0.05)", "capped(eta=0.2)"), es.get(1).compare().stream().map(StrategyPlan::name).toList());
    }
}
