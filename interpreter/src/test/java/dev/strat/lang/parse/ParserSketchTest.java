package dev.strat.lang.parse;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.ExperimentItem;
import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.MarketClause;
import dev.strat.lang.ast.MarketSource;
import dev.strat.lang.ast.Program;
import dev.strat.lang.ast.SplitSpec;
import dev.strat.lang.ast.StageExpr;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every sketch program parses cleanly into the expected AST shape. */
class ParserSketchTest {

    static Program parse(String name, String text) {
        ParseResult r = Parser.parse(new Source(name, text));
        assertTrue(r.diagnostics().isEmpty(), () -> DiagnosticFormatter.formatAll(r.diagnostics()));
        return r.program();
    }

    @TestFactory
    Stream<DynamicTest> everySketchProgramParsesWithoutDiagnostics() {
        return SketchPrograms.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Program p = parse(e.getKey() + ".strat", e.getValue());
            assertFalse(p.decls().isEmpty());
        }));
    }

    @Test
    void ripo() {
        Program p = parse("ripo.strat", SketchPrograms.RIPO);
        assertEquals(7, p.decls().size());
        Decl.Market market = assertInstanceOf(Decl.Market.class, p.decls().get(0));
        assertEquals("sp500", market.name().name());
        MarketSource.File file = assertInstanceOf(MarketSource.File.class, market.sources().getFirst());
        assertEquals("ripo_sp500_top10_daily.csv.gz", assertInstanceOf(Expr.Str.class, file.call().args().getFirst().value()).value());
        MarketClause.Symbols symbols = assertInstanceOf(MarketClause.Symbols.class, market.clauses().get(0));
        assertEquals(10, symbols.symbols().size());
        assertEquals("META", symbols.symbols().getLast().name());
        MarketClause.Features features = assertInstanceOf(MarketClause.Features.class, market.clauses().get(1));
        assertEquals("ta", assertInstanceOf(Expr.Call.class, features.features().get(1)).callee().name());

        Decl.Costs costs = assertInstanceOf(Decl.Costs.class, p.decls().get(1));
        Expr.Number fee = assertInstanceOf(Expr.Number.class, costs.items().get(0).values().getFirst());
        assertEquals(0.0025, fee.value(), 1e-15);
        assertTrue(fee.percent());
        assertFalse(fee.integral());
        assertEquals("0.25%", fee.text());
        Expr.Range slippage = assertInstanceOf(Expr.Range.class, costs.items().get(1).values().getFirst());
        assertEquals(0.0, ((Expr.Number) slippage.from()).value());
        assertEquals(0.001, ((Expr.Number) slippage.to()).value(), 1e-15);

        Expr.Number capital = (Expr.Number) ((Decl.Capital) p.decls().get(2)).amount();
        assertEquals(1_000_000, capital.value());
        assertTrue(capital.integral());
        assertEquals("1_000_000", capital.text());

        SplitSpec.Fixed ms1 = assertInstanceOf(SplitSpec.Fixed.class, ((Decl.Split) p.decls().get(3)).spec());
        assertEquals(List.of("train", "valid", "test"), ms1.parts().stream().map(x -> x.role().name()).toList());
        Expr.Range train = assertInstanceOf(Expr.Range.class, ms1.parts().get(0).period());
        assertEquals(2015.0, ((Expr.Number) train.from()).value());
        assertEquals(2017.0, ((Expr.Number) train.to()).value());
        assertEquals(2018.0, ((Expr.Number) ms1.parts().get(1).period()).value());
        SplitSpec.Fixed ms2 = (SplitSpec.Fixed) ((Decl.Split) p.decls().get(4)).spec();
        Expr.Range test = (Expr.Range) ms2.parts().get(2).period();
        assertEquals(new Expr.Date(LocalDate.of(2021, 1, 1), Expr.Date.Precision.DAY, test.from().span()), test.from());
        assertEquals(LocalDate.of(2022, 10, 31), ((Expr.Date) test.to()).date());

        Decl.Strategy ripo = assertInstanceOf(Decl.Strategy.class, p.decls().get(5));
        List<StageExpr> stages = ripo.pipeline().stages();
        assertEquals(List.of("agent", "risk", "adapt", "adapt"), stages.stream().map(s -> s.kind().name()).toList());
        Expr.Call td3 = (Expr.Call) stages.get(0).target();
        assertEquals("lr", td3.args().get(1).name().name());
        assertEquals(1e-3, ((Expr.Number) td3.args().get(1).value()).value());
        assertEquals(1e6, ((Expr.Number) td3.args().get(2).value()).value());
        assertEquals(2, ((Expr.ListOf) td3.args().get(0).value()).items().size());
        Expr.Length window = (Expr.Length) ((Expr.Call) stages.get(1).target()).args().get(0).value();
        assertEquals(21, window.amount());
        assertEquals("d", window.unit());
        assertEquals(13, stages.get(1).span().line());

        Decl.Experiment table2 = assertInstanceOf(Decl.Experiment.class, p.decls().get(6));
        assertEquals("sp500", table2.market().name());
        assertEquals("ms2", assertInstanceOf(SplitSpec.Named.class, table2.split()).name().name());
        ExperimentItem.Compare compare = assertInstanceOf(ExperimentItem.Compare.class, table2.items().get(0));
        assertEquals(7, compare.entries().size());
        assertNull(compare.entries().get(0).alias());
        assertEquals("td3", compare.entries().get(1).alias().name());
        assertEquals("agent", compare.entries().get(1).pipeline().stages().getFirst().kind().name());
        ExperimentItem.Option significance = (ExperimentItem.Option) table2.items().get(3);
        assertEquals("significance", significance.setting().key().name());
        Expr.Call wilcoxon = (Expr.Call) significance.setting().values().getFirst();
        assertEquals("alpha", wilcoxon.args().get(1).name().name());
        ExperimentItem.Option metrics = (ExperimentItem.Option) table2.items().get(2);
        assertEquals(3, metrics.setting().values().size());
        assertEquals("out/ripo-ms2", ((Expr.Str) ((ExperimentItem.Option) table2.items().get(4)).setting().values().getFirst()).value());

        assertEquals(1, p.comments().size());
        assertTrue(p.comments().getFirst().trailing());
        assertEquals(3, p.comments().getFirst().span().line());
    }

    @Test
    void hadaps() {
        Program p = parse("hadaps.strat", SketchPrograms.HADAPS);
        Decl.Market mix = (Decl.Market) p.decls().get(0);
        assertInstanceOf(MarketSource.Cash.class, mix.sources().get(1));
        MarketClause.Classes classes = (MarketClause.Classes) mix.clauses().getFirst();
        assertEquals(List.of("crypto", "stock", "cash"), classes.classes().stream().map(c -> c.name().name()).toList());
        assertEquals(List.of("USD"), classes.classes().get(2).members().stream().map(m -> m.name()).toList());

        StageExpr hierarchy = ((Decl.Strategy) p.decls().get(1)).pipeline().stages().getFirst();
        assertEquals("hierarchy", hierarchy.kind().name());
        assertEquals(2, hierarchy.block().size());
        StageExpr.BlockPart inter = hierarchy.block().getFirst();
        assertEquals("inter", inter.role().name());
        assertEquals(5, ((Expr.Call) inter.value()).args().size());
        assertEquals("on", inter.clauses().getFirst().keyword().name());
        assertEquals("volatility", ((Expr.Call) inter.clauses().getFirst().value()).callee().name());

        Decl.Experiment exp = (Decl.Experiment) p.decls().get(2);
        SplitSpec.Rolling rolling = assertInstanceOf(SplitSpec.Rolling.class, exp.split());
        assertEquals(List.of("train", "test", "from", "to"), rolling.call().args().stream().map(a -> a.name().name()).toList());
        Expr.Length test = (Expr.Length) rolling.call().args().get(1).value();
        assertEquals("mo", test.unit());
    }

    @Test
    void switching() {
        Program p = parse("switching.strat", SketchPrograms.SWITCHING);
        Decl.Market crypto = (Decl.Market) p.decls().get(0);
        Expr.Length freq = (Expr.Length) ((MarketSource.File) crypto.sources().getFirst()).call().args().get(1).value();
        assertEquals(1, freq.amount());
        assertEquals("h", freq.unit());

        Expr.Binary hc = assertInstanceOf(Expr.Binary.class, ((Decl.Models) p.decls().get(1)).value());
        assertEquals("+", hc.op());
        Expr.Comprehension hrp = assertInstanceOf(Expr.Comprehension.class, hc.left());
        assertEquals("w", hrp.variable().name());
        assertEquals(6, hrp.values().size());
        assertEquals(700.0, ((Expr.Number) hrp.values().getLast()).value());
        assertEquals("herc", ((Expr.Call) ((Expr.Comprehension) hc.right()).body()).callee().name());

        StageExpr switcher = ((Decl.Strategy) p.decls().get(2)).pipeline().stages().getFirst();
        assertEquals("switch", switcher.kind().name());
        assertEquals(List.of("every", "over"), switcher.clauses().stream().map(c -> c.keyword().name()).toList());
        Expr.Binary over = (Expr.Binary) switcher.clauses().get(1).value();
        assertEquals("hold", ((Expr.Name) ((Expr.ListOf) over.right()).items().getFirst()).ident().name());
        StageExpr random = ((Decl.Strategy) p.decls().get(4)).pipeline().stages().getFirst();
        assertEquals("random", ((Expr.Name) random.target()).ident().name());

        Decl.Experiment fig5 = (Decl.Experiment) p.decls().get(5);
        SplitSpec.Fixed split = assertInstanceOf(SplitSpec.Fixed.class, fig5.split());
        Expr.Range train = (Expr.Range) split.parts().get(0).period();
        assertNull(train.from());
        assertEquals(LocalDate.of(2021, 6, 30), ((Expr.Date) train.to()).date());
        Expr.Range test = (Expr.Range) split.parts().get(1).period();
        assertNull(test.to());
        assertEquals(LocalDate.of(2021, 7, 1), ((Expr.Date) test.from()).date());
        assertEquals("warmup", ((ExperimentItem.Option) fig5.items().get(0)).setting().key().name());
        assertEquals(3, fig5.items().size());
    }

    @Test
    void goalBased() {
        Program p = parse("goal.strat", SketchPrograms.GOAL);
        Decl.Scenarios sim = (Decl.Scenarios) p.decls().get(1);
        assertEquals("gbm", sim.generator().callee().name());
        Decl.Goal goal = (Decl.Goal) p.decls().get(2);
        Expr.Binary cond = (Expr.Binary) goal.condition();
        assertEquals(">=", cond.op());
        Expr.Binary times = (Expr.Binary) cond.right();
        assertEquals("*", times.op());
        assertEquals("capital", ((Expr.Name) times.right()).ident().name());
        assertEquals("horizon", ((Expr.Name) goal.at()).ident().name());

        List<StageExpr> hrl = ((Decl.Strategy) p.decls().get(3)).pipeline().stages();
        assertEquals("select", hrl.get(0).kind().name());
        assertEquals(List.of("by", "every", "train"), hrl.get(0).clauses().stream().map(c -> c.keyword().name()).toList());
        assertEquals("a2c", ((Expr.Name) hrl.get(0).clauses().get(2).value()).ident().name());
        Expr.Call ppo = (Expr.Call) hrl.get(1).target();
        assertEquals("goal", ((Expr.Call) ppo.args().get(1).value()).callee().name());

        ExperimentItem.Compare compare = (ExperimentItem.Compare) ((Decl.Experiment) p.decls().get(4)).items().getFirst();
        ExperimentItem.Entry last = compare.entries().getLast();
        assertEquals("hla_ucrp", last.alias().name());
        assertEquals(2, last.pipeline().stages().size());
        Expr.Member by = (Expr.Member) last.pipeline().stages().getFirst().clauses().getFirst().value();
        assertEquals("hrl", ((Expr.Name) by.target()).ident().name());
        assertEquals("hla", by.member().name());
    }

    @Test
    void repl() {
        Program p = parse("<repl>", SketchPrograms.REPL);
        assertInstanceOf(MarketSource.Synthetic.class, ((Decl.Market) p.decls().get(0)).sources().getFirst());
        Decl.Backtest bt = assertInstanceOf(Decl.Backtest.class, p.decls().get(2));
        assertEquals("m", bt.market().name());
        assertTrue(bt.pipeline().stages().getFirst().clauses().isEmpty(), "'on m' is the market, not a stage clause");
        Expr.Number maxWeight = (Expr.Number) ((Expr.Call) ((Decl.Strategy) p.decls().get(1)).pipeline().stages().get(1).target()).args().getFirst().value();
        assertEquals(0.4, maxWeight.value(), 1e-15);
    }

    @Test
    void literals() {
        Program p = parse("lit.strat", """
                capital -0.5
                capital 1e-3
                capital 2015-01
                capital "a\\"b\\\\c\\n"
                capital [true, false, -x, (1 + 2) * 3, 2015..2017, ..5, 5.., a.b.c]
                backtest s on m split train 2015, test 2016
                backtest s on m rolling(train=2y, test=1mo)
                import "lib.strat"
                """);
        Expr.Number neg = (Expr.Number) ((Decl.Capital) p.decls().get(0)).amount();
        assertEquals(-0.5, neg.value());
        assertEquals("-0.5", neg.text());
        assertEquals(0.001, ((Expr.Number) ((Decl.Capital) p.decls().get(1)).amount()).value());
        Expr.Date month = (Expr.Date) ((Decl.Capital) p.decls().get(2)).amount();
        assertEquals(Expr.Date.Precision.MONTH, month.precision());
        assertEquals(LocalDate.of(2015, 1, 1), month.date());
        assertEquals("a\"b\\c\n", ((Expr.Str) ((Decl.Capital) p.decls().get(3)).amount()).value());
        List<Expr> items = ((Expr.ListOf) ((Decl.Capital) p.decls().get(4)).amount()).items();
        assertEquals(new Expr.Bool(true, items.get(0).span()), items.get(0));
        assertInstanceOf(Expr.Unary.class, items.get(2));
        Expr.Binary times = (Expr.Binary) items.get(3);
        assertEquals("*", times.op());
        assertEquals("+", ((Expr.Binary) times.left()).op());
        assertInstanceOf(Expr.Range.class, items.get(4));
        assertNull(((Expr.Range) items.get(5)).from());
        assertNull(((Expr.Range) items.get(6)).to());
        Expr.Member abc = (Expr.Member) items.get(7);
        assertEquals("c", abc.member().name());
        assertEquals("b", ((Expr.Member) abc.target()).member().name());
        assertInstanceOf(SplitSpec.Fixed.class, ((Decl.Backtest) p.decls().get(5)).split());
        assertInstanceOf(SplitSpec.Rolling.class, ((Decl.Backtest) p.decls().get(6)).split());
        assertEquals("lib.strat", ((Decl.Import) p.decls().get(7)).path());
    }

    @Test
    void keywordsStayUsableAsNames() {
        Program p = parse("kw.strat", """
                market m = csv("x.csv", market=true, split=1) symbols cash, features
                strategy s = switch ppo(on=close, every=5, train=1, data=train, risk, mode=on) every 5 over [hold, cash]
                experiment e on m split train ..2020, test 2021.. {
                    compare s, capital = hold, goal
                    report "r", "market"
                }
                """);
        Decl.Market m = (Decl.Market) p.decls().get(0);
        assertEquals("split", ((Expr.Call) ((MarketSource.File) m.sources().getFirst()).call()).args().get(2).name().name());
        assertEquals(List.of("cash", "features"), ((MarketClause.Symbols) m.clauses().getFirst()).symbols().stream().map(i -> i.name()).toList());
        Expr.Call ppo = (Expr.Call) ((Decl.Strategy) p.decls().get(1)).pipeline().stages().getFirst().target();
        assertEquals("close", ((Expr.Name) ppo.args().get(0).value()).ident().name());
        assertEquals("train", ((Expr.Name) ppo.args().get(3).value()).ident().name());
        assertEquals("risk", ((Expr.Name) ppo.args().get(4).value()).ident().name());
        assertNull(ppo.args().get(4).name());
        assertEquals("on", ((Expr.Name) ppo.args().get(5).value()).ident().name());
        Decl.Experiment e = (Decl.Experiment) p.decls().get(2);
        assertEquals("capital", ((ExperimentItem.Compare) e.items().get(0)).entries().get(1).alias().name());
        assertEquals(2, e.items().size());
    }

    @Test
    void windowsLineEndingsAndTabs() {
        String text = "market m = csv(\"x.csv\")\r\n\tsymbols A, B\r\nstrategy s =\r\n\tcrp\r\n  | risk barrier()\r\n";
        Program p = parse("crlf.strat", text);
        assertEquals(2, p.decls().size());
        assertEquals(2, ((Decl.Strategy) p.decls().get(1)).pipeline().stages().size());
        assertEquals(new dev.strat.lang.diag.Span(p.source(), 2, 2, 12), ((Decl.Market) p.decls().get(0)).clauses().getFirst().span().to(null));

        ParseResult broken = Parser.parse(new Source("crlf.strat", "capital 1\r\n\tstrategy s = f(\r\n"));
        assertEquals(1, broken.diagnostics().size());
        assertEquals("""
                crlf.strat:2:17: error: missing ')'
                    2 |  strategy s = f(
                      |                 ^
                      = the '(' opened at line 2, column 16 is never closed
                1 error
                """, DiagnosticFormatter.formatAll(broken.diagnostics()));
    }

    @Test
    void programIsPartialWhenDeclarationsBreak() {
        ParseResult r = Parser.parse(new Source("p.strat", "strategy a = crp\nstrategy b = f(\nstrategy c = eg\n"));
        assertTrue(r.hasErrors());
        assertEquals(List.of("a", "c"), r.program().decls().stream().map(d -> ((Decl.Strategy) d).name().name()).toList());
    }

    @Test
    void layoutFreedomWhereItIsUnambiguous() {
        Program p = parse("free.strat", """
                experiment e on m {
                    metrics ar, 2015..
                    seeds 3; report "x"
                    compare a on x every 5,
                        b
                      | risk c
                }
                strategy s = a on price(window=20) |
                    b
                backtest s on m split s
                backtest s every 5 | t on m
                models h =
                    [x for v in 1, 2]
                    + [y]
                """);
        Decl.Experiment e = (Decl.Experiment) p.decls().get(0);
        assertEquals(4, e.items().size());
        Expr.Range open = (Expr.Range) ((ExperimentItem.Option) e.items().get(0)).setting().values().get(1);
        assertNull(open.to());
        ExperimentItem.Compare compare = (ExperimentItem.Compare) e.items().get(3);
        assertEquals(List.of("on", "every"), compare.entries().get(0).pipeline().stages().getFirst().clauses().stream()
                .map(c -> c.keyword().name()).toList());
        assertEquals(2, compare.entries().get(1).pipeline().stages().size());
        assertEquals(2, ((Decl.Strategy) p.decls().get(1)).pipeline().stages().size());
        assertEquals("s", ((SplitSpec.Named) ((Decl.Backtest) p.decls().get(2)).split()).name().name());
        Decl.Backtest bt = (Decl.Backtest) p.decls().get(3);
        assertEquals("every", bt.pipeline().stages().getFirst().clauses().getFirst().keyword().name());
        assertEquals("m", bt.market().name());
        assertInstanceOf(Expr.Binary.class, ((Decl.Models) p.decls().get(4)).value());
    }

    @Test
    void incompleteInputIsRecognisedForTheRepl() {
        for (String text : List.of("strategy s =", "strategy s = olmar(window=5", "strategy s = a |",
                "experiment e on m {\n  seeds 3", "models m = [1, 2,", "strategy s = a\n  | risk")) {
            ParseResult r = Parser.parse(new Source("<repl>", text));
            assertTrue(r.hasErrors(), text);
            assertTrue(r.incomplete(), text);
        }
        for (String text : List.of("strategy s = a", "strategy s = a)", "market m = csv(\"x", "strategy s = f(\ncapital 1",
                "strategy s = a b")) {
            assertFalse(Parser.parse(new Source("<repl>", text)).incomplete(), text);
        }
    }
}
