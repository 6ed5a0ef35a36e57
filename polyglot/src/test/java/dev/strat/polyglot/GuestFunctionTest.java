package dev.strat.polyglot;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.data.History;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class GuestFunctionTest {

    static final String MOMENTUM = """
            function mom(ctx, p) {
              const n = ctx.assets, w = new Array(n + 1).fill(0);
              let best = 0, bestRet = -Infinity;
              for (let a = 0; a < n; a++) {
                const r = ctx.close(0, a) / ctx.close(p.lookback, a);
                if (r > bestRet) { bestRet = r; best = a; }
              }
              w[best] = 1;
              return w;
            }
            """;

    @Test
    void aJsAllocatorRunsAsAStageAndPicksTheBestPastReturn() {
        var spec = Fixtures.spec("mom", Role.ALLOCATOR, MOMENTUM,
                ParamSpec.optional("lookback", new ParamType.Bars(), new Value.Num(10, false, true), 1, 250, "bars back"));
        GuestStage stage = Fixtures.stage(spec, Sandbox.DEFAULT, Map.of());
        assertEquals(11, stage.warmup());
        BacktestResult r = Fixtures.backtest(stage, 1);
        // every period it holds exactly one asset, the one that rose most over the last 10 bars
        var market = Fixtures.MARKET;
        for (int t = 0; t < r.periods(); t++) {
            int bar = 20 + t, best = 0;
            double bestRet = -1;
            for (int a = 0; a < 3; a++) {
                double ret = market.close(bar, a) / market.close(bar - 10, a);
                if (ret > bestRet) { bestRet = ret; best = a; }
            }
            assertEquals(1.0, r.weight(t, best), 1e-9, "period " + t);
        }
    }

    @Test
    void mathRandomIsSeededFromTheRunSoTheSameSeedGivesTheSameWeights() {
        String code = """
                function rnd(ctx, p) {
                  const w = []; let s = 0;
                  for (let a = 0; a <= ctx.assets; a++) { const x = Math.random(); w.push(x); s += x; }
                  return w.map(x => x / s);
                }
                """;
        var spec = Fixtures.spec("rnd", Role.ALLOCATOR, code);
        double[] a = Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 5).returns();
        double[] b = Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 5).returns();
        double[] c = Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 6).returns();
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void invalidWeightsNameTheFunctionAndTheDecisionDate() {
        assertInvalid("return [0.5, 0.5, 0.5, 0];", "weights sum to 1.5, not 1");
        assertInvalid("return [1, 0];", "returned 2 values, expected 3 weights (one per asset) or 4 (cash last)");
        assertInvalid("return [NaN, 0, 0, 1];", "value 0 is NaN");
        assertInvalid("return [-0.5, 0.5, 0, 1];", "weight 0 is negative");
        assertInvalid("return 3;", "expected an array of");
    }

    private static void assertInvalid(String body, String expected) {
        var spec = Fixtures.spec("bad", Role.ALLOCATOR, "function bad(ctx, p) { " + body + " }");
        GuestException e = assertThrows(GuestException.class, () -> Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 1));
        String date = Views.date(History.cursor(Fixtures.MARKET, 20).view());
        assertTrue(e.getMessage().startsWith("js allocator 'bad' (declared at test.strat:9:1) at " + date + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void nWeightsLeaveTheRestInCashAndTheProposalIsReadOnly() {
        var spec = Fixtures.spec("half", Role.TRANSFORM, """
                function half(ctx, p) {
                  const w = [];
                  for (let a = 0; a < ctx.assets; a++) w.push(ctx.proposal[a] / 2);
                  return w;
                }
                """);
        GuestStage stage = Fixtures.stage(spec, Sandbox.DEFAULT, Map.of());
        try (stage) {
            stage.reset(new RunSetup(Fixtures.MARKET.symbols(), Fixtures.MARKET.frequency(), 1, 20, 100));
            double[] proposal = {0.2, 0.3, 0.5, 0}, out = new double[4];
            stage.propose(new Decision(History.cursor(Fixtures.MARKET, 20).view(), 0, proposal, proposal, 1), out);
            assertArrayEquals(new double[] {0.1, 0.15, 0.25, 0.5}, out, 1e-12);
        }
        // sloppy code's write is dropped, strict code's write throws: either way the host's array stays as it was
        var writer = Fixtures.spec("w", Role.TRANSFORM, "function w(ctx, p) { ctx.proposal[0] = 1; return [0, 0, 0, ctx.proposal[0] === 1 ? 0 : 1]; }");
        assertEquals(1.0, Fixtures.backtest(Fixtures.stage(writer, Sandbox.DEFAULT, Map.of()), 1).weight(0, 3), 0);
        var strict = Fixtures.spec("w", Role.TRANSFORM, "'use strict'; function w(ctx, p) { ctx.proposal[0] = 1; return ctx.proposal; }");
        assertThrows(GuestException.class, () -> Fixtures.backtest(Fixtures.stage(strict, Sandbox.DEFAULT, Map.of()), 1));
    }

    @Test
    void guestErrorsCarryTheSourceLineAndTheGuestStack() {
        var spec = Fixtures.spec("boom", Role.ALLOCATOR, """
                function helper(x) {
                  return x.nothing.deeper;
                }
                function boom(ctx, p) { return helper({}); }
                """);
        GuestException e = assertThrows(GuestException.class, () -> Fixtures.backtest(Fixtures.stage(spec, Sandbox.DEFAULT, Map.of()), 1));
        assertEquals("return x.nothing.deeper;", e.guestLine().orElseThrow());
        // the block starts on line 10 of test.strat, so the helper's body is on line 11
        assertEquals("helper (test.strat:11:10)", e.guestStack().get(0));
        assertTrue(e.guestStack().get(1).startsWith("boom (test.strat:13:"), e.guestStack().toString());
        assertEquals(new GuestException.Location("test.strat", 11, 10), e.location().orElseThrow());
        assertTrue(e.detail().contains("\n    | return x.nothing.deeper;"), e.detail());
    }

    @Test
    void checkReportsSyntaxErrorsAndMissingFunctionsAtTheirLine() {
        var broken = Fixtures.spec("f", Role.ALLOCATOR, "function f(ctx, p) {\n  return [1, 0, 0, 0\n}\n");
        UserFunctions.Problem p = UserFunctions.check(broken, Sandbox.DEFAULT).orElseThrow();
        assertEquals("test.strat", p.source());
        assertEquals(12, p.line(), p.toString());
        assertTrue(p.message().startsWith("syntax error"), p.message());

        var missing = Fixtures.spec("g", Role.ALLOCATOR, "function f(ctx, p) { return []; }");
        assertEquals("its JavaScript code defines no function 'g'", UserFunctions.check(missing, Sandbox.DEFAULT).orElseThrow().message());
        assertTrue(UserFunctions.check(Fixtures.spec("mom", Role.ALLOCATOR, MOMENTUM), Sandbox.DEFAULT).isEmpty());
    }

    @Test
    void oneContextServesTheWholeRunAndClosesWithIt() {
        // guest state survives from one decision to the next: the context is reused, not reopened per call
        var spec = Fixtures.spec("count", Role.ALLOCATOR, """
                let calls = 0;
                function count(ctx, p) { calls++; if (calls !== ctx.step + 1) throw new Error('reopened at ' + ctx.step); return [0, 0, 0, 1]; }
                """);
        GuestStage stage = Fixtures.stage(spec, Sandbox.DEFAULT, Map.of());
        Fixtures.backtest(stage, 1);
        // closed with the run: a later call is refused instead of silently reopening
        assertThrows(RuntimeException.class, () -> stage.propose(
                new Decision(History.cursor(Fixtures.MARKET, 20).view(), 0, new double[4], new double[4], 1), new double[4]));
    }
}
