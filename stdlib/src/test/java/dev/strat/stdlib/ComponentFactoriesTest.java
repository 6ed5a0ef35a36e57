package dev.strat.stdlib;

import dev.strat.runtime.compose.BlendPolicy;
import dev.strat.runtime.compose.Scorer;
import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.TimeLength;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.risk.barrier.PriceForecast;
import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.portfolio.ActionMap;
import dev.strat.runtime.rl.portfolio.Feature;
import dev.strat.runtime.rl.portfolio.Reward;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every component carries its own factory; building goes through the registry, never a name switch. */
class ComponentFactoriesTest {

    private static final int ASSETS = 4;
    private final Registry registry = StandardLibrary.registry();
    private final MarketData market = BuiltinFactoriesTest.randomMarket(ASSETS, 120, 3);
    private final MarketInfo info = new MarketInfo(market.symbols(), Map.of(), market.frequency());

    /** A context with a pool of two members, as a switch or blend gives its policy. */
    private BuildContext pool() {
        List<Stage> members = new ArrayList<>();
        for (String name : List.of("ucrp", "bah")) {
            Builtin b = registry.find(name).orElseThrow();
            members.add(b.factory().create(Arguments.of(b, Map.of()), BuildContext.leaf(info, name)));
        }
        return new BuildContext(info, "pool", members, List.of("ucrp", "bah"), Map.of(), Optional.empty());
    }

    /** A call of a component with its defaults, plus the values its required parameters need. */
    private Value.Call call(Component c, Map<String, Value> given) {
        Map<String, Value> args = new LinkedHashMap<>();
        for (ParamSpec p : c.params()) {
            Value v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
            assertTrue(v != null, c.name() + "." + p.name() + " is required: give it a value in this test");
            assertEquals(Optional.empty(), p.check(v), c.name() + "." + p.name());
            args.put(p.name(), v);
        }
        return new Value.Call(c.name(), c.kind(), args, List.copyOf(given.keySet()));
    }

    private Value.Call call(String name, Object... written) {
        Map<String, Value> given = new LinkedHashMap<>();
        for (int k = 0; k < written.length; k += 2) given.put((String) written[k], (Value) written[k + 1]);
        return call(registry.findComponent(name).orElseThrow(), given);
    }

    private static Value.Num num(double v) {
        return new Value.Num(v, false, v == Math.rint(v));
    }

    private static Map<String, Value> required(String component) {
        return switch (component) {
            case "fixed" -> Map.of("index", num(1));
            case "mix" -> Map.of("weights", new Value.ListOf(List.of(num(0.25), num(0.75))));
            default -> Map.of();
        };
    }

    @Test
    void everyKindHasItsOwnType() {
        for (ComponentKind kind : ComponentKind.values()) assertSame(kind, ComponentType.of(kind).kind(), kind.name());
    }

    @Test
    void everyRegisteredComponentHasAFactoryAndBuildsWithItsDefaults() {
        assertTrue(registry.components().size() >= 24, "components registered: " + registry.components().size());
        BuildContext context = pool();
        ComponentBinder binder = registry.binder();
        for (Component c : registry.components()) {
            assertSame(ComponentType.of(c.kind()), c.factory().type(), c.name() + " builds what its kind says");
            Value.Call call = call(c, required(c.name()));
            Object built = binder.build(ComponentType.of(c.kind()), call, context);
            // the type token promised the runtime type: check it really is one, and that it works
            switch (c.kind()) {
                case NETWORK -> assertInstanceOf(NetSpec.class, built, c.name());
                case FEATURE -> {
                    Feature f = assertInstanceOf(Feature.class, built, c.name());
                    assertTrue(f.width(ASSETS) > 0 && f.warmup() >= 0, c.name());
                }
                case ACTIONS -> {
                    ActionMap map = assertInstanceOf(ActionMap.class, built, c.name());
                    int dim = ((ActionSpace.Continuous) map.space(ASSETS)).dim();
                    double[] w = new double[ASSETS + 1];
                    map.toWeights(new float[dim], w);
                    double sum = 0;
                    for (double x : w) sum += x;
                    assertEquals(1.0, sum, 1e-9, c.name() + " maps to weights");
                }
                case REWARD -> {
                    Supplier<?> rewards = assertInstanceOf(Supplier.class, built, c.name());
                    Reward first = assertInstanceOf(Reward.class, rewards.get(), c.name());
                    assertNotSame(first, rewards.get(), c.name() + " gives every environment its own reward");
                }
                case POLICY -> assertTrue(!assertInstanceOf(BlendPolicy.class, built, c.name()).label().isBlank());
                case SCORER -> assertTrue(!assertInstanceOf(Scorer.class, built, c.name()).label().isBlank());
                case INDICATOR -> assertTrue(!assertInstanceOf(List.class, built, c.name()).isEmpty(), c.name());
                case PREDICTOR -> assertTrue(assertInstanceOf(PriceForecast.class, built, c.name()).warmup() >= 1, c.name());
            }
        }
    }

    @Test
    void theArgumentsReachTheRuntimeObject() {
        ComponentBinder binder = registry.binder();
        BuildContext context = pool();
        assertEquals("covariance(window=21)", binder.build(ComponentType.FEATURE, call("covariance"), context).label());
        assertEquals("momentum(lookback=7)", binder.build(ComponentType.SCORER, call("momentum", "lookback", num(7)), context).label());
        assertEquals("fixed(index=1)", binder.build(ComponentType.POLICY, call("fixed", "index", num(1)), context).label());
        NetSpec.Mlp mlp = (NetSpec.Mlp) binder.build(ComponentType.NETWORK,
                call("mlp", "sizes", new Value.ListOf(List.of(num(8), num(4)))), context);
        assertEquals(List.of(8, 4), mlp.hidden());
        assertEquals("simple_return(scale=3.0)",
                binder.build(ComponentType.REWARD, call("simple_return", "scale", num(3)), context).get().label());
        List<Feature> features = binder.buildAll(ComponentType.FEATURE,
                new Value.ListOf(List.of(call("returns", "window", num(5)), call("weights"))), context);
        assertEquals(List.of("returns(window=5)", "weights"), features.stream().map(Feature::label).toList());
    }

    @Test
    void aComponentOfAnotherKindOrNoneIsABuildError() {
        ComponentBinder binder = registry.binder();
        BuildException kind = assertThrows(BuildException.class, () -> binder.build(ComponentType.SCORER, call("random"), pool()));
        assertEquals("'random' is not a scorer", kind.getMessage());
        Value.Call unknown = new Value.Call("nope", ComponentKind.SCORER, Map.of(), List.of());
        BuildException missing = assertThrows(BuildException.class, () -> binder.build(ComponentType.SCORER, unknown, pool()));
        assertEquals("'nope' is not a known scorer", missing.getMessage());
        // a policy sees the pool it chooses from
        BuildException index = assertThrows(BuildException.class,
                () -> binder.build(ComponentType.POLICY, call("fixed", "index", num(2)), pool()));
        assertTrue(index.getMessage().contains("index 0..1"), index.getMessage());
    }

    @Test
    void aComponentCannotBeDeclaredWithoutAFactory() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new Component("bare", List.of(), "s", "d", "", "", null));
        assertTrue(e.getMessage().contains("'bare' needs a factory"), e.getMessage());
    }

    @Test
    void aBuildersBinderSeesItsRegistrysComponentsAndTheRegistryStaysAsBuilt() {
        Registry.Builder b = Registry.builder();
        ComponentBinder early = b.binder();
        Component random = registry.findComponent("random").orElseThrow();
        b.add(random); // registered after the binder was handed out, as agents' components are
        Registry built = b.build();
        assertEquals("random", early.build(ComponentType.POLICY, call("random"), pool()).label());
        assertThrows(IllegalStateException.class, () -> b.add(registry.findComponent("equal").orElseThrow()));
        assertTrue(built.findComponent("equal").isEmpty());
        assertThrows(BuildException.class, () -> early.build(ComponentType.POLICY, call("equal"), pool()));
    }

    @Test
    void everyWindowBecomesBarsInOnePlaceWithOneMessage() {
        Value.Length oneDay = new Value.Length(new TimeLength(1, TimeLength.Unit.DAY));
        Value.Length threeHours = new Value.Length(new TimeLength(3, TimeLength.Unit.HOUR));
        ComponentBinder binder = registry.binder();
        // a component's window: the schema accepts 1d, the covariance needs two bars
        BuildException cov = assertThrows(BuildException.class,
                () -> binder.build(ComponentType.FEATURE, call("covariance", "window", oneDay), pool()));
        assertEquals("'window' must be at least 2 bars; 1d is 1 bar of this market", cov.getMessage());
        BuildException vol = assertThrows(BuildException.class,
                () -> binder.build(ComponentType.FEATURE, call("volatility", "window", num(1)), pool()));
        assertEquals("'window' must be at least 2 bars; got 1", vol.getMessage());
        // a stage's window: the same words
        Builtin mvo = registry.find("mvo").orElseThrow();
        BuildException stage = assertThrows(BuildException.class,
                () -> mvo.factory().create(Arguments.of(mvo, Map.of("window", oneDay)), BuildContext.leaf(info, "mvo")));
        assertEquals("'window' must be at least 2 bars; 1d is 1 bar of this market", stage.getMessage());
        // hours on a daily calendar do not convert
        Arguments hours = new Arguments(Map.of("window", threeHours));
        BuildException daily = assertThrows(BuildException.class, () -> hours.bars("window", Frequency.DAILY_STOCKS, 1));
        assertTrue(daily.getMessage().startsWith("'window': "), daily.getMessage());
        assertEquals(21, new Arguments(Map.of("window", new Value.Length(new TimeLength(21, TimeLength.Unit.DAY))))
                .bars("window", Frequency.DAILY_STOCKS, 2));
        assertEquals(5, new Arguments(Map.of("window", num(5))).bars("window", Frequency.DAILY_STOCKS));
    }
}
