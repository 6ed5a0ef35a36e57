package dev.strat.polyglot;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Python functions through GraalPy (a test dependency of this module; shipped with -Ppython). */
class PythonFunctionTest {

    static final String MOMENTUM = """
            def mom(ctx, p):
                n = ctx.assets
                best = max(range(n), key=lambda a: ctx.close(0, a) / ctx.close(p.lookback, a))
                w = [0.0] * (n + 1)
                w[best] = 1.0
                return w
            """;

    @Test
    void graalPyIsFoundAtRunTime() {
        assertTrue(GuestLanguage.PYTHON.installed(), "GraalPy is a test dependency of the polyglot module");
    }

    @Test
    void aPythonAllocatorPicksWhatTheJavaScriptOnePicks() {
        ParamSpec lookback = ParamSpec.optional("lookback", new ParamType.Bars(), new Value.Num(10, false, true), 1, 250, "bars back");
        GuestStage py = Fixtures.stage(Fixtures.py("mom", Role.ALLOCATOR, MOMENTUM, lookback), Sandbox.DEFAULT, Map.of());
        assertEquals(11, py.warmup());
        BacktestResult a = Fixtures.backtest(py, 1);
        BacktestResult b = Fixtures.backtest(Fixtures.stage(Fixtures.spec("mom", Role.ALLOCATOR, GuestFunctionTest.MOMENTUM, lookback),
                Sandbox.DEFAULT, Map.of()), 1);
        assertEquals(b.periods(), a.periods());
        for (int t = 0; t < a.periods(); t++) for (int k = 0; k < 4; k++) assertEquals(b.weight(t, k), a.weight(t, k), 0, "period " + t);
        assertArrayEquals(b.returns(), a.returns());
    }

    @Test
    void randomIsSeededFromTheRunSoTheSameSeedGivesTheSameWeights() {
        String code = """
                import random
                def rnd(ctx, p):
                    w = [random.random() for _ in range(ctx.assets + 1)]
                    s = sum(w)
                    return [x / s for x in w]
                """;
        var spec = Fixtures.py("rnd", Role.ALLOCATOR, code);
        double[] a = Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 5).returns();
        double[] b = Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 5).returns();
        double[] c = Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 6).returns();
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void theProposalIsReadOnlyAndNWeightsLeaveTheRestInCash() {
        var spec = Fixtures.py("half", Role.TRANSFORM, """
                def half(ctx, p):
                    return [ctx.proposal[a] / 2 for a in range(ctx.assets)]
                """);
        try (GuestStage stage = Fixtures.stage(spec, Sandbox.DEFAULT, Map.of())) {
            stage.reset(new RunSetup(Fixtures.MARKET.symbols(), Fixtures.MARKET.frequency(), 1, 20, 100));
            double[] proposal = {0.2, 0.3, 0.5, 0}, out = new double[4];
            stage.propose(new Decision(History.cursor(Fixtures.MARKET, 20).view(), 0, proposal, proposal, 1), out);
            assertArrayEquals(new double[] {0.1, 0.15, 0.25, 0.5}, out, 1e-12);
        }
        var writer = Fixtures.py("w", Role.TRANSFORM, "def w(ctx, p):\n    ctx.proposal[0] = 1\n    return [0, 0, 0, 1]\n");
        GuestException e = assertThrows(GuestException.class, () -> Fixtures.backtest(Fixtures.stage(writer, Sandbox.DEFAULT, Map.of()), 1));
        assertTrue(e.problem().contains("is not writable"), e.problem());
    }

    @Test
    void errorsCarryTheSourceLineAndTheGuestStack() {
        var spec = Fixtures.py("boom", Role.ALLOCATOR, """
                def helper(x):
                    return x["nothing"]["deeper"]
                def boom(ctx, p):
                    return helper({})
                """);
        GuestException e = assertThrows(GuestException.class, () -> Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 1));
        assertTrue(e.getMessage().startsWith("python allocator 'boom' (declared at test.strat:9:1) at "), e.getMessage());
        assertTrue(e.problem().contains("KeyError"), e.problem());
        assertEquals("return x[\"nothing\"][\"deeper\"]", e.guestLine().orElseThrow());
        // the block starts on line 10 of test.strat, so the helper's body is on line 11
        assertEquals(11, e.location().orElseThrow().line(), e.guestStack().toString());
        assertEquals("test.strat", e.location().orElseThrow().file());
        assertTrue(e.guestStack().get(0).startsWith("helper (test.strat:11:"), e.guestStack().toString());
        assertTrue(e.guestStack().get(1).startsWith("boom (test.strat:13:"), e.guestStack().toString());
    }

    @Test
    void checkReportsSyntaxErrorsAndMissingFunctionsAtTheirLine() {
        var broken = Fixtures.py("f", Role.ALLOCATOR, "def f(ctx, p):\n    return [1, 0, 0, 0\n\n");
        UserFunctions.Problem p = UserFunctions.check(broken, Sandbox.DEFAULT).orElseThrow();
        assertEquals("test.strat", p.source());
        assertTrue(p.line() >= 11, p.toString());
        assertTrue(p.message().startsWith("syntax error"), p.message());
        var missing = Fixtures.py("g", Role.ALLOCATOR, "def f(ctx, p):\n    return []\n");
        assertEquals("its Python code defines no function 'g'", UserFunctions.check(missing, Sandbox.DEFAULT).orElseThrow().message());
    }
}
