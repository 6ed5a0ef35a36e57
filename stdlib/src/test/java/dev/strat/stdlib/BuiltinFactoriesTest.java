package dev.strat.stdlib;

import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.TimeLength;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.experiment.Trainable;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds every built-in from its schema and runs it, the way the interpreter will. */
class BuiltinFactoriesTest {

    private static final int ASSETS = 10;
    private final Registry registry = StandardLibrary.registry();
    private final MarketData market = randomMarket(ASSETS, 400, 17);
    private final MarketInfo info = new MarketInfo(market.symbols(), Map.of(), market.frequency());

    private Stage build(String name, Map<String, Value> given) {
        Builtin b = registry.find(name).orElseThrow();
        for (Map.Entry<String, Value> e : given.entrySet()) {
            ParamSpec p = b.param(e.getKey()).orElseThrow();
            assertEquals(java.util.Optional.empty(), p.check(e.getValue()), name + "." + e.getKey());
        }
        return b.factory().create(Arguments.of(b, given), BuildContext.leaf(info, b.name()));
    }

    private static Value.Num num(double v) {
        return new Value.Num(v, false, v == Math.rint(v));
    }

    private static Value.Num pct(double percent) {
        return new Value.Num(percent / 100, true, false);
    }

    private static Value.ListOf list(Value... items) {
        return new Value.ListOf(List.of(items));
    }

    @Test
    void everyBuiltinBuildsWithDefaultsAndProposesValidWeights() {
        Stage first = build("ucrp", Map.of());
        for (Builtin b : registry.all()) {
            // composites need members or a scorer: CompositesTest builds and runs them
            if (b.kind() == StageKind.SWITCH || b.kind() == StageKind.BLEND || b.kind() == StageKind.SELECT
                    || b.kind() == StageKind.HIERARCHY) continue;
            Map<String, Value> given = new HashMap<>();
            if (b.name().equals("crp")) {
                Value[] w = new Value[ASSETS];
                for (int i = 0; i < ASSETS; i++) w[i] = pct(10);
                given.put("weights", list(w));
            }
            if (b.name().equals("rebalance")) given.put("every", num(5)); // needs a calendar or a band
            if (b.kind() == StageKind.AGENT) {
                given.put("hidden", list(num(16), num(16)));
                given.put("epochs", num(1));
            }
            Stage s = build(b.name(), given);
            if (s instanceof Trainable learner) {
                IllegalStateException untrained = assertThrows(IllegalStateException.class, () -> drive(s, 100, 110));
                assertTrue(untrained.getMessage().contains("must be trained"), untrained.getMessage());
                learner.train(new TrainContext(1, market, new BarRange(0, 300), java.util.Optional.of(new BarRange(300, 350)),
                        new BacktestConfig(1_000_000, 0.001, 0, 0), MetricOptions.DEFAULT, java.util.Optional.empty(),
                        TrainContext.Mode.FRESH, "", ProgressListener.NONE));
            }
            Stage run = b.kind().startsPipeline() ? s : new Pipeline("p", List.of(first, s));
            drive(run, Math.max(s.warmup(), 1) - 1, 399);
        }
    }

    @Test
    void labelsRenderTheCallWithDefaults() {
        assertEquals("olmar(window=5, eps=10)", build("olmar", Map.of()).label());
        assertEquals("olmar(window=10, eps=10)", build("olmar", Map.of("window", num(10))).label());
        assertEquals("constrain(max_weight=40%, min_weight=0%, min_cash=0%)", build("constrain", Map.of("max_weight", pct(40))).label());
        assertEquals("hold", build("hold", Map.of()).label());
        assertEquals("rebalance(every=5d, drift=0%)", build("rebalance", Map.of("every", new Value.Length(new TimeLength(5, TimeLength.Unit.DAY)))).label());
        BuildException none = assertThrows(BuildException.class, () -> build("rebalance", Map.of()));
        assertTrue(none.getMessage().contains("calendar"), none.getMessage());
    }

    @Test
    void lengthsBecomeBarsOfTheMarket() {
        Stage tsm = build("tsm", Map.of("lookback", new Value.Length(new TimeLength(12, TimeLength.Unit.MONTH)),
                "skip", new Value.Length(new TimeLength(1, TimeLength.Unit.MONTH))));
        assertEquals(252 + 21 + 1, tsm.warmup());
        assertEquals(61, build("mvo", Map.of()).warmup());
    }

    @Test
    void crpChecksWeightsAgainstTheUniverse() {
        BuildException count = assertThrows(BuildException.class, () -> build("crp", Map.of("weights", list(pct(50), pct(50)))));
        assertTrue(count.getMessage().contains("expected 10 weights"), count.getMessage());
        Value[] w = new Value[ASSETS];
        for (int i = 0; i < ASSETS; i++) w[i] = pct(11);
        BuildException sum = assertThrows(BuildException.class, () -> build("crp", Map.of("weights", list(w))));
        assertTrue(sum.getMessage().contains("sum to 110%"), sum.getMessage());
        // N + 1 weights put the last one in cash
        Value[] withCash = new Value[ASSETS + 1];
        for (int i = 0; i < ASSETS; i++) withCash[i] = pct(5);
        withCash[ASSETS] = pct(50);
        double[] out = drive(build("crp", Map.of("weights", list(withCash))), 0, 1);
        assertEquals(0.5, out[ASSETS], 1e-12);
        assertEquals(0.05, out[0], 1e-12);
    }

    @Test
    void constrainRejectsInfeasibleBounds() {
        BuildException e = assertThrows(BuildException.class, () -> build("constrain", Map.of("min_weight", pct(15))));
        assertTrue(e.getMessage().contains("150%"), e.getMessage());
        e = assertThrows(BuildException.class, () -> build("constrain", Map.of("min_weight", pct(5), "max_weight", pct(3))));
        assertTrue(e.getMessage().contains("exceeds max_weight"), e.getMessage());
    }

    @Test
    void windowsTooShortAfterConversionAreBuildErrors() {
        BuildException e = assertThrows(BuildException.class,
                () -> build("mvo", Map.of("window", new Value.Length(new TimeLength(1, TimeLength.Unit.DAY)))));
        assertTrue(e.getMessage().contains("at least 2 bars"), e.getMessage());
        e = assertThrows(BuildException.class,
                () -> build("olmar", Map.of("window", new Value.Length(new TimeLength(3, TimeLength.Unit.HOUR)))));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
    }

    @Test
    void pamrVariantSelectsTheRule() {
        Stage plain = build("pamr", Map.of("variant", new Value.Word("pamr")));
        Stage soft = build("pamr", Map.of("variant", new Value.Str("pamr2"), "c", num(0.01)));
        double[] a = drive(plain, 0, 50), b = drive(soft, 0, 50);
        double diff = 0;
        for (int i = 0; i < a.length; i++) diff += Math.abs(a[i] - b[i]);
        assertTrue(diff > 1e-6, "pamr2 with a tiny C must move less than pamr");
    }

    /** Runs a stage over bars first..last with drifting holdings; returns the last proposal. */
    private double[] drive(Stage stage, int first, int last) {
        int n = market.assets();
        stage.reset(new RunSetup(market.symbols(), market.frequency(), 1, first, last));
        History.Cursor cursor = History.cursor(market, first);
        History h = cursor.view();
        double[] current = new double[n + 1];
        current[n] = 1;
        double[] w = new double[n + 1];
        for (int t = first; t <= last; t++) {
            cursor.advanceTo(t);
            stage.propose(new Decision(h, t - first, current.clone(), current.clone(), 1), w);
            double sum = 0;
            for (double v : w) {
                assertTrue(v >= -1e-12 && Double.isFinite(v), stage.label() + " proposed " + v);
                sum += v;
            }
            assertEquals(1, sum, 1e-9, stage.label());
            double growth = w[n];
            for (int i = 0; i < n; i++) growth += w[i] * market.relative(Math.min(t + 1, market.bars() - 1), i);
            for (int i = 0; i < n; i++) current[i] = w[i] * market.relative(Math.min(t + 1, market.bars() - 1), i) / growth;
            current[n] = w[n] / growth;
        }
        return w.clone();
    }

    static MarketData randomMarket(int n, int t, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] close = new double[n * t];
        long[] times = new long[t];
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            symbols.add("S" + i);
            close[i] = 20 + 80 * rnd.nextDouble();
        }
        for (int k = 0; k < t; k++) times[k] = 1_600_000_000L + 86_400L * k;
        for (int k = 1; k < t; k++) {
            for (int i = 0; i < n; i++) close[k * n + i] = close[(k - 1) * n + i] * Math.exp(0.0002 + 0.02 * (rnd.nextDouble() - 0.5));
        }
        return new MarketData("random", symbols, Map.of(), times, null, null, null, close, null, Frequency.DAILY_STOCKS);
    }
}
