package dev.strat.lang.check;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.Ident;
import dev.strat.lang.ast.PipelineExpr;
import dev.strat.lang.ast.Program;
import dev.strat.lang.ast.StageExpr;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import dev.strat.lang.load.InMemorySourceLoader;
import dev.strat.lang.load.ProgramParser;
import dev.strat.stdlib.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker works on AST records alone: no parser is involved when nothing is imported. */
class AstLevelCheckTest {

    private static final Source SRC = new Source("ast.strat", "strategy s = alloc(window=7) | cap");
    private static final ProgramParser NO_PARSER = source -> {
        throw new AssertionError("nothing should be parsed");
    };

    private static Span at(int column, int length) {
        return new Span(SRC, 1, column, length);
    }

    private static Program program(Expr windowValue) {
        Expr.Call alloc = new Expr.Call(new Ident("alloc", at(14, 5)),
                List.of(new Expr.Arg(new Ident("window", at(20, 6)), windowValue, at(20, 8))), at(14, 15));
        StageExpr first = new StageExpr(null, alloc, List.of(), List.of(), at(14, 15));
        StageExpr second = new StageExpr(null, new Expr.Name(new Ident("cap", at(32, 3)), at(32, 3)), List.of(), List.of(), at(32, 3));
        Decl.Strategy s = new Decl.Strategy(new Ident("s", at(10, 1)), new PipelineExpr(List.of(first, second), at(14, 21)), at(1, 35));
        return new Program(SRC, List.of(s), List.of());
    }

    private static CheckContext context() {
        return new CheckContext(TestRegistry.REGISTRY, InMemorySourceLoader.empty(), Optional.empty(), NO_PARSER);
    }

    @Test
    void aHandBuiltProgramChecksAndPlans() {
        CheckResult r = Checker.check(program(new Expr.Number(7, false, true, "7", at(27, 1))), context());
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        assertEquals(new Value.Num(7, false, true),
                r.plan().orElseThrow().strategy("s").orElseThrow().pipeline().stages().get(0).args().get("window"));
    }

    @Test
    void errorsCarryTheSpansOfTheNodes() {
        CheckResult r = Checker.check(program(new Expr.Number(1000, false, true, "1000", at(27, 4))), context());
        Diagnostic d = r.errors().get(0);
        assertEquals("'window' must be in [2, 500], got 1000", d.message());
        assertEquals(at(27, 4), d.span());
    }
}
