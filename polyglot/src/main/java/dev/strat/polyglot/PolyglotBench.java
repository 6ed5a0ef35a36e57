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

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a user function costs ({@code strat bench polyglot}): the time to open a context, the
 * overhead of one call of an empty function in each installed language, and a cross-sectional
 * momentum allocator written in JavaScript (and Python, when installed) against the built-in
 * {@code csm} on the same synthetic market, in decisions per second. Rounds are repeated because
 * Truffle warms up; the last rounds are the steady state.
 */
public final class PolyglotBench {

    /** Figures of one language: per-call overhead of an empty function (ns, per round) and allocator decisions per second. */
    public record LanguageResult(GuestLanguage language, double firstOpenMs, double nextOpenMs, List<Double> callNanos,
                                 List<Double> allocatorDecisionsPerSecond) {
    }

    /** Everything measured, with the built-in's decisions per second per round. */
    public record Result(String engine, String java, List<LanguageResult> languages, List<Double> builtinDecisionsPerSecond) {
    }

    static final String JS_CSM = """
            function u_csm(ctx, p) {
              const n = ctx.assets, past = [];
              for (let a = 0; a < n; a++) past.push([ctx.close(0, a) / ctx.close(p.lookback, a), a]);
              past.sort((x, y) => y[0] - x[0]);
              const w = new Array(n + 1).fill(0), k = Math.min(p.top, n);
              for (let i = 0; i < k; i++) w[past[i][1]] = 1 / k;
              return w;
            }
            """;

    static final String PY_CSM = """
            def u_csm(ctx, p):
                n = ctx.assets
                past = sorted(range(n), key=lambda a: -(ctx.close(0, a) / ctx.close(p.lookback, a)))
                w = [0.0] * (n + 1)
                k = min(p.top, n)
                for a in past[:k]:
                    w[a] = 1.0 / k
                return w
            """;

    private PolyglotBench() {
    }

    /**
     * Runs the benchmark, printing as it goes.
     *
     * @param rounds    timed rounds of each measurement
     * @param calls     calls of the empty function per round
     * @param languages the languages to measure (those not installed are skipped with a note)
     */
    public static Result run(PrintWriter out, int rounds, int calls, List<GuestLanguage> languages) {
        String engine = UserFunctions.engineImplementation();
        out.printf("engine: %s, java %s%n", engine, Runtime.version());
        out.flush();
        MarketData market = SyntheticMarkets.gbm(20, 2520, 11);
        MarketInfo info = new MarketInfo(market.symbols(), Map.of(), market.frequency());
        Builtin csm = StandardLibrary.registry().find("csm").orElseThrow();
        Map<String, Value> given = Map.of("lookback", new Value.Num(126, false, true), "top", new Value.Num(5, false, true));
        List<Double> builtin = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            builtin.add(decisionsPerSecond(csm.factory().create(Arguments.of(csm, given), BuildContext.leaf(info, "b")), market));
        }
        out.printf("csm built-in: %s decisions/s%n", figures(builtin, "%.0f"));
        List<LanguageResult> results = new ArrayList<>();
        for (GuestLanguage language : languages) {
            if (!language.installed()) {
                out.printf("%s: not in this build (%s)%n", language.display(), language.missing());
                continue;
            }
            results.add(language(out, language, rounds, calls, market, info, given, builtin));
        }
        out.flush();
        return new Result(engine, Runtime.version().toString(), results, builtin);
    }

    private static LanguageResult language(PrintWriter out, GuestLanguage language, int rounds, int calls, MarketData market,
                                           MarketInfo info, Map<String, Value> given, List<Double> builtin) {
        String nop = language == GuestLanguage.JS ? "function nop(ctx, p) { return null; }" : "def nop(ctx, p):\n    return None\n";
        FunctionSpec empty = new FunctionSpec("nop", Role.ALLOCATOR, List.of(), new GuestSource(language, "bench.strat", nop, 1),
                "bench.strat:1:1", "");
        List<Double> nanos = new ArrayList<>();
        long t0 = System.nanoTime();
        double firstOpen, nextOpen;
        try (GuestContext c = GuestContext.open(empty, Sandbox.DEFAULT)) {
            firstOpen = (System.nanoTime() - t0) / 1e6;
            org.graalvm.polyglot.Value fn = c.function(empty);
            Object arg = org.graalvm.polyglot.proxy.ProxyObject.fromMap(Map.of());
            for (int r = 0; r < rounds; r++) {
                long s = System.nanoTime();
                for (int i = 0; i < calls; i++) c.call(empty, "", "bench", fn, arg, arg);
                nanos.add((System.nanoTime() - s) / (double) calls);
            }
        }
        long t1 = System.nanoTime();
        try (GuestContext c = GuestContext.open(empty, Sandbox.DEFAULT)) {
            nextOpen = (System.nanoTime() - t1) / 1e6;
        }
        out.printf("%s: open a context %.0f ms the first time, %.0f ms the next; one call of an empty function: %s ns%n",
                language.display(), firstOpen, nextOpen, figures(nanos, "%.0f"));
        out.flush();
        FunctionSpec spec = new FunctionSpec("u_csm", Role.ALLOCATOR, List.of(
                ParamSpec.optional("lookback", new ParamType.Bars(), new Value.Num(126, false, true), 1, 1000, ""),
                ParamSpec.optional("top", new ParamType.Integer(), new Value.Num(5, false, true), 1, 100, "")),
                new GuestSource(language, "bench.strat", language == GuestLanguage.JS ? JS_CSM : PY_CSM, 1), "bench.strat:1:1", "");
        Builtin user = UserFunctions.builtin(spec, Sandbox.DEFAULT).orElseThrow();
        List<Double> decisions = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            decisions.add(decisionsPerSecond(user.factory().create(Arguments.of(user, given), BuildContext.leaf(info, "u")), market));
            out.printf("  round %d: %s csm %.0f decisions/s (the built-in: %.0f, %.0fx faster)%n", r, language.display(), decisions.get(r),
                    builtin.get(r), builtin.get(r) / decisions.get(r));
            out.flush();
        }
        return new LanguageResult(language, firstOpen, nextOpen, nanos, decisions);
    }

    private static String figures(List<Double> xs, String format) {
        return String.join(", ", xs.stream().map(x -> String.format(format, x)).toList());
    }

    /**
     * Backtests of {@code stage} over the market after a 130-bar warm-up, repeated for at least half
     * a second (a built-in backtest takes milliseconds), in decisions per second.
     */
    private static double decisionsPerSecond(Stage stage, MarketData market) {
        long t0 = System.nanoTime();
        int first = 130, last = market.bars() - 1, runs = 0;
        try {
            do {
                new Backtester(BacktestConfig.FRICTIONLESS).run("b", stage, market, first, last, 1);
                runs++;
            } while (System.nanoTime() - t0 < 500_000_000L);
        } finally {
            if (stage instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // a benchmark stage holds nothing worth reporting at close
                }
            }
        }
        return runs * (last - first + 1) / ((System.nanoTime() - t0) / 1e9);
    }
}
