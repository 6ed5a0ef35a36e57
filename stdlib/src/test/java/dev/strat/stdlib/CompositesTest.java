package dev.strat.stdlib;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.TimeLength;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds switch, blend and top from the registry the way the planner will, and runs them. */
class CompositesTest {

    private static final int ASSETS = 6;
    private final Registry registry = StandardLibrary.registry();
    private final MarketData market = BuiltinFactoriesTest.randomMarket(ASSETS, 300, 5);
    private final MarketInfo info = new MarketInfo(market.symbols(), Map.of(), market.frequency());
    private final Backtester backtester = new Backtester(new BacktestConfig(1_000_000, 0.001, 0, 0.002));

    private Value.Call component(String name, Object... written) {
        Component c = registry.findComponent(name).orElseThrow();
        Map<String, Value> args = new LinkedHashMap<>();
        for (ParamSpec p : c.params()) if (p.defaultValue() != null) args.put(p.name(), p.defaultValue());
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < written.length; k += 2) {
            args.put((String) written[k], (Value) written[k + 1]);
            names.add((String) written[k]);
        }
        for (ParamSpec p : c.params()) assertTrue(args.containsKey(p.name()), name + " needs " + p.name());
        return new Value.Call(name, c.kind(), args, names);
    }

    private Stage leaf(String name, MarketInfo market) {
        Builtin b = registry.find(name).orElseThrow();
        return b.factory().create(Arguments.of(b, Map.of()), BuildContext.leaf(market, name));
    }

    private Stage build(String name, Map<String, Value> given, List<String> members, Map<String, Stage> roles) {
        Builtin b = registry.find(name).orElseThrow();
        for (Map.Entry<String, Value> e : given.entrySet()) {
            assertEquals(Optional.empty(), b.param(e.getKey()).orElseThrow().check(e.getValue()), name + "." + e.getKey());
        }
        List<Stage> stages = members.stream().map(m -> leaf(m, info)).toList();
        BuildContext context = new BuildContext(info, "s", stages, members, roles, Optional.empty());
        return b.factory().create(Arguments.of(b, given), context);
    }

    private BacktestResult run(Stage stage, long seed) {
        return backtester.run("s", stage, market, 20, 299, seed);
    }

    private static Value.Num num(double v) {
        return new Value.Num(v, false, v == Math.rint(v));
    }

    @Test
    void theComponentsAreRegisteredByKind() {
        assertEquals(List.of("random", "fixed", "best", "equal", "mix"), registry.componentNames(ComponentKind.POLICY));
        assertEquals(List.of("momentum", "low_vol", "shuffle"), registry.componentNames(ComponentKind.SCORER));
        ParamSpec policy = registry.find("switch").orElseThrow().param("policy").orElseThrow();
        assertTrue(policy.check(component("random")).isEmpty());
        assertTrue(policy.check(component("shuffle")).isPresent(), "a scorer is not a policy");
        ParamSpec by = registry.find("top").orElseThrow().param("by").orElseThrow();
        assertTrue(by.check(component("momentum")).isEmpty());
        assertTrue(by.check(component("random")).isPresent(), "a policy is not a scorer");
    }

    @Test
    void aFixedSwitchIsItsMemberAndReportsItsChoice() {
        Stage sw = build("switch", Map.of("policy", component("fixed", "index", num(1))), List.of("ucrp", "bah", "hold"), Map.of());
        BacktestResult r = run(sw, 3);
        assertArrayEquals(run(leaf("bah", info), 3).wealth(), r.wealth());
        assertEquals(List.of("ucrp", "bah", "hold"), r.reports().categoriesOf("s/choice"));
        assertEquals(1.0, r.reports().series().get("s/choice")[100]);
        assertEquals(3, sw.children().size());
    }

    @Test
    void aRandomSwitchEveryFiveDaysHoldsItsChoice() {
        Stage sw = build("switch", Map.of("policy", component("random"), "every", new Value.Length(new TimeLength(5, TimeLength.Unit.DAY))),
                List.of("ucrp", "bah", "olmar"), Map.of());
        double[] choice = run(sw, 7).reports().series().get("s/choice");
        int fiveDays = new TimeLength(5, TimeLength.Unit.DAY).bars(market.frequency());
        for (int s = 1; s < choice.length; s++) if (s % fiveDays != 0) assertEquals(choice[s - 1], choice[s]);
        Stage again = build("switch", Map.of("policy", component("random"), "every", num(fiveDays)), List.of("ucrp", "bah", "olmar"), Map.of());
        assertArrayEquals(choice, run(again, 7).reports().series().get("s/choice"));
    }

    @Test
    void switchAndBlendRejectMisuse() {
        BuildException none = assertThrows(BuildException.class, () -> build("switch", Map.of("policy", component("random")), List.of(), Map.of()));
        assertTrue(none.getMessage().contains("needs members"), none.getMessage());
        BuildException equal = assertThrows(BuildException.class,
                () -> build("switch", Map.of("policy", component("equal")), List.of("ucrp", "bah"), Map.of()));
        assertTrue(equal.getMessage().contains("use blend equal"), equal.getMessage());
        BuildException index = assertThrows(BuildException.class,
                () -> build("switch", Map.of("policy", component("fixed", "index", num(2))), List.of("ucrp", "bah"), Map.of()));
        assertTrue(index.getMessage().contains("index 0..1"), index.getMessage());
        BuildException count = assertThrows(BuildException.class, () -> build("blend",
                Map.of("policy", component("mix", "weights", new Value.ListOf(List.of(num(1))))), List.of("ucrp", "bah"), Map.of()));
        assertTrue(count.getMessage().contains("1 weight for 2 members"), count.getMessage());
        BuildException sum = assertThrows(BuildException.class, () -> build("blend",
                Map.of("policy", component("mix", "weights", new Value.ListOf(List.of(num(0.5), num(0.6))))), List.of("ucrp", "bah"), Map.of()));
        assertTrue(sum.getMessage().contains("110%"), sum.getMessage());
        // a single member is a legal (if dull) pool
        assertArrayEquals(run(leaf("ucrp", info), 1).wealth(),
                run(build("switch", Map.of("policy", component("best")), List.of("ucrp"), Map.of()), 1).wealth());
    }

    @Test
    void aOneHotBlendIsItsMemberAndRepeatedNamesStayApart() {
        Value.ListOf oneHot = new Value.ListOf(List.of(num(0), num(1), num(0)));
        Stage blend = build("blend", Map.of("policy", component("mix", "weights", oneHot)), List.of("ucrp", "bah", "ucrp"), Map.of());
        BacktestResult r = run(blend, 2);
        assertArrayEquals(run(leaf("bah", info), 2).wealth(), r.wealth(), 1e-9 * r.capital());
        assertEquals(0.0, r.reports().series().get("s/weight/ucrp#2")[5]);
        assertEquals(1.0, r.reports().series().get("s/weight/bah")[5]);
    }

    @Test
    void topPicksForTheStagesAfterIt() {
        MarketInfo slots = new MarketInfo(dev.strat.runtime.compose.Select.slotSymbols(3), Map.of(), market.frequency());
        Stage then = new Pipeline("then", List.of(leaf("ucrp", slots), leaf("constrain", slots)));
        Stage top = build("top", Map.of("k", num(3), "by", component("momentum", "lookback", num(10)), "every", num(5)),
                List.of(), Map.of("then", then));
        BacktestResult r = run(top, 1);
        for (int s = 0; s < r.periods(); s++) {
            int held = 0;
            for (int i = 0; i < ASSETS; i++) if (r.weight(s, i) > 0) held++;
            assertEquals(3, held, "ucrp over the 3 picks at step " + s);
        }
        assertEquals(11, top.warmup());
        long picks = r.reports().counters().entrySet().stream().filter(e -> e.getKey().startsWith("s/picked/"))
                .mapToLong(Map.Entry::getValue).sum();
        assertEquals(3L * ((r.periods() + 4) / 5), picks);
        // without stages after it, equal weights
        Stage alone = build("top", Map.of("k", num(2), "by", component("shuffle")), List.of(), Map.of());
        BacktestResult eq = run(alone, 1);
        double max = 0;
        for (int i = 0; i < ASSETS; i++) max = Math.max(max, eq.weight(10, i));
        assertEquals(0.5, max, 1e-12);
        BuildException all = assertThrows(BuildException.class,
                () -> build("top", Map.of("k", num(ASSETS), "by", component("shuffle")), List.of(), Map.of()));
        assertTrue(all.getMessage().contains("fewer assets than the market's 6"), all.getMessage());
    }

    @Test
    void everyNewNameIsDocumented() {
        for (String name : List.of("random", "fixed", "best", "equal", "mix", "momentum", "low_vol", "shuffle")) {
            Component c = registry.findComponent(name).orElseThrow();
            assertFalse(c.summary().isBlank() || c.doc().isBlank(), name);
            assertTrue(c.example().contains(name), name + " example should use it: " + c.example());
        }
    }
}
