package dev.strat.polyglot;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.StandardLibrary;
import dev.strat.stdlib.Value;

import java.util.List;
import java.util.Map;

/**
 * Measures what a user function costs, by hand (a main, not a test): the overhead of one call of
 * an empty JavaScript function, and a JavaScript cross-sectional momentum allocator against the
 * built-in {@code csm} on the same market, in decisions per second. Run it from the test class
 * path, once as is (Truffle interpreted) and once with the Graal compiler (see README, "User functions").
 */
public final class OverheadBench {

    private OverheadBench() {
    }

    static final String CSM = """
            function js_csm(ctx, p) {
              const n = ctx.assets, past = [];
              for (let a = 0; a < n; a++) past.push([ctx.close(0, a) / ctx.close(p.lookback, a), a]);
              past.sort((x, y) => y[0] - x[0]);
              const w = new Array(n + 1).fill(0), k = Math.min(p.top, n);
              for (let i = 0; i < k; i++) w[past[i][1]] = 1 / k;
              return w;
            }
            """;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("engine: " + UserFunctions.engineImplementation() + ", java " + Runtime.version());
        callOverhead(rounds);
        MarketData market = SyntheticMarkets.gbm(20, 2520, 11);
        MarketInfo info = new MarketInfo(market.symbols(), Map.of(), market.frequency());
        Builtin csm = StandardLibrary.registry().find("csm").orElseThrow();
        Map<String, Value> given = Map.of("lookback", new Value.Num(126, false, true), "top", new Value.Num(5, false, true));
        FunctionSpec js = new FunctionSpec("js_csm", Role.ALLOCATOR, List.of(
                ParamSpec.optional("lookback", new ParamType.Bars(), new Value.Num(126, false, true), 1, 1000, ""),
                ParamSpec.optional("top", new ParamType.Integer(), new Value.Num(5, false, true), 1, 100, "")),
                new GuestSource(GuestLanguage.JS, "bench.strat", CSM, 1), "bench.strat:1:1", "");
        Builtin user = UserFunctions.builtin(js, Sandbox.DEFAULT).orElseThrow();
        for (int r = 0; r < rounds; r++) {
            double builtin = decisionsPerSecond(csm.factory().create(Arguments.of(csm, given), BuildContext.leaf(info, "b")), market);
            double guest = decisionsPerSecond(user.factory().create(Arguments.of(user, given), BuildContext.leaf(info, "j")), market);
            System.out.printf("round %d: csm built-in %.0f decisions/s, js_csm %.0f decisions/s (%.1fx slower)%n",
                    r, builtin, guest, builtin / guest);
        }
    }

    private static void callOverhead(int rounds) {
        FunctionSpec empty = new FunctionSpec("nop", Role.ALLOCATOR, List.of(),
                new GuestSource(GuestLanguage.JS, "bench.strat", "function nop(ctx, p) { return null; }", 1), "bench.strat:1:1", "");
        long open = System.nanoTime();
        try (GuestContext c = GuestContext.open(empty, Sandbox.DEFAULT, List.of(empty.source()), 1)) {
            System.out.printf("open a context and evaluate the source: %.1f ms%n", (System.nanoTime() - open) / 1e6);
            org.graalvm.polyglot.Value fn = c.function(empty);
            Object arg = org.graalvm.polyglot.proxy.ProxyObject.fromMap(Map.of());
            for (int r = 0; r < rounds; r++) {
                int n = 200_000;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) c.call(empty, "", fn, arg, arg);
                System.out.printf("round %d: one call of an empty function %.0f ns%n", r, (System.nanoTime() - t0) / (double) n);
            }
        }
        long open2 = System.nanoTime();
        try (GuestContext c = GuestContext.open(empty, Sandbox.DEFAULT, List.of(empty.source()), 1)) {
            System.out.printf("a second context: %.1f ms%n", (System.nanoTime() - open2) / 1e6);
        }
    }

    private static double decisionsPerSecond(Stage stage, MarketData market) {
        long t0 = System.nanoTime();
        int first = 130, last = market.bars() - 1;
        try {
            new Backtester(BacktestConfig.FRICTIONLESS).run("b", stage, market, first, last, 1);
        } finally {
            if (stage instanceof AutoCloseable c) {
                try { c.close(); } catch (Exception ignored) { }
            }
        }
        return (last - first + 1) / ((System.nanoTime() - t0) / 1e9);
    }
}
