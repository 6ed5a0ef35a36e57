package dev.strat.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.runtime.rl.portfolio.Feature;
import dev.strat.runtime.rl.portfolio.TaKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every indicator kind is a registered component, and what the language writes reaches the feature. */
class TaComponentsTest {

    private final Registry registry = StandardLibrary.registry();
    private final MarketInfo info = new MarketInfo(List.of("A", "B"), Map.of(), dev.strat.runtime.data.Frequency.DAILY_STOCKS);

    private Value.Call call(String name, Object... written) {
        Component c = registry.findComponent(name).orElseThrow();
        Map<String, Value> args = new LinkedHashMap<>();
        for (ParamSpec p : c.params()) args.put(p.name(), p.defaultValue());
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < written.length; k += 2) {
            args.put((String) written[k], (Value) written[k + 1]);
            names.add((String) written[k]);
        }
        return new Value.Call(name, c.kind(), args, names);
    }

    private static Value.Num num(int v) {
        return new Value.Num(v, false, true);
    }

    @Test
    void everyKindIsAnIndicatorComponent() {
        for (TaKind k : TaKind.values()) {
            Component c = registry.findComponent(k.word()).orElseThrow(() -> new AssertionError(k.word()));
            assertEquals(ComponentKind.INDICATOR, c.kind(), k.word());
        }
        assertEquals(ComponentKind.INDICATOR, registry.findComponent("all").orElseThrow().kind());
        assertEquals(TaKind.values().length + 1, registry.componentNames(ComponentKind.INDICATOR).size());
    }

    @Test
    void theWrittenIndicatorsReachTheFeature() {
        Value.Call ta = call("ta", "indicators", new Value.ListOf(List.of(call("rsi", "window", num(5)),
                call("roc", "window", num(6), "field", new Value.Word("volume")), call("macd"), call("aroon"))),
                "prices", new Value.Word("as_stored"));
        Feature f = registry.binder().build(ComponentType.FEATURE, ta, BuildContext.leaf(info, "s"));
        assertEquals("ta(rsi(5), roc(volume,6), macd(12,26), aroon(14); prices as stored)", f.label());
        assertEquals(2 * 5, f.width(2), "aroon writes two values");
        Feature all = registry.binder().build(ComponentType.FEATURE, call("ta"), BuildContext.leaf(info, "s"));
        assertEquals(2 * 62, all.width(2));
        assertEquals(89, all.warmup(), "cci(88)");
    }

    @Test
    void windowsOutOfOrderAreABuildError() {
        BuildException e = org.junit.jupiter.api.Assertions.assertThrows(BuildException.class, () -> registry.binder().build(
                ComponentType.FEATURE, call("ta", "indicators", new Value.ListOf(List.of(call("apo", "fast", num(30))))),
                BuildContext.leaf(info, "s")));
        assertTrue(e.getMessage().contains("apo needs its windows in increasing order (fast < slow)"), e.getMessage());
    }
}
