package dev.strat.polyglot;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.rl.portfolio.AccountState;
import dev.strat.runtime.rl.portfolio.Feature;
import dev.strat.runtime.rl.portfolio.FeatureIndicator;
import dev.strat.runtime.rl.portfolio.Features;
import dev.strat.runtime.rl.portfolio.RunScoped;
import dev.strat.runtime.rl.portfolio.TaIndicator;
import dev.strat.runtime.rl.portfolio.TaPrices;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.ComponentKind;
import dev.strat.stdlib.ComponentType;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** User indicators stand in ta(indicators=[...]) beside the built-in ones and see no bar past the decision. */
class GuestIndicatorTest {

    private static final BuildContext CONTEXT = BuildContext.leaf(Fixtures.info(), "s.agent");
    private static final AccountState ACCOUNT = new AccountState(new double[] {0, 0, 0, 1}, 1, 1);

    static final FunctionSpec MOMENTUM = Fixtures.spec("mom_ind", Role.INDICATOR, """
            function mom_ind(ctx, p) {
              const out = [];
              for (let a = 0; a < ctx.assets; a++) out.push(ctx.close(0, a) / ctx.close(p.window, a) - 1);
              return out;
            }
            """, ParamSpec.optional("window", new ParamType.Bars(), new Value.Num(5, false, true), 1, 100, "bars back"));

    private static List<FeatureIndicator> indicator(FunctionSpec spec, int window) {
        var component = UserFunctions.component(spec, Sandbox.DEFAULT).orElseThrow();
        assertEquals(ComponentKind.INDICATOR, component.kind());
        return component.create(ComponentType.INDICATOR, new Arguments(Map.of("window", new Value.Num(window, false, true))), CONTEXT);
    }

    private static Feature ta(FunctionSpec spec, int window) {
        List<FeatureIndicator> list = new ArrayList<>(TaIndicator.parse("rsi(14)"));
        list.addAll(indicator(spec, window));
        return Features.ta(list, TaPrices.AS_STORED);
    }

    private static float[] write(Feature f, MarketData market, int bar) {
        float[] out = new float[f.width(market.assets())];
        f.write(History.cursor(market, bar).view(), ACCOUNT, out, 0);
        return out;
    }

    @Test
    void aUserIndicatorIsWrittenBesideTheBuiltInOnesAssetByAsset() {
        Feature ta = ta(MOMENTUM, 5);
        try {
            assertEquals(15, ta.warmup(), "rsi(14)'s warm-up is the longer");
            assertEquals(6, ta.width(3));
            assertEquals("ta(rsi(14), mom_ind(window=5))", ta.label());
            int bar = 60;
            float[] out = write(ta, Fixtures.MARKET, bar);
            float[] rsi = write(Features.ta(List.of("rsi(14)")), Fixtures.MARKET, bar);
            for (int a = 0; a < 3; a++) {
                assertEquals(rsi[a], out[2 * a], 1e-6f, "rsi of asset " + a);
                assertEquals((float) (Fixtures.MARKET.close(bar, a) / Fixtures.MARKET.close(bar - 5, a) - 1), out[2 * a + 1], 1e-6f);
            }
            // the warm-up comes from the bars parameter when the user indicator is the longer
            assertEquals(31, indicator(MOMENTUM, 30).get(0) instanceof FeatureIndicator.Computed c ? c.warmup() : -1);
        } finally {
            ((RunScoped) ta).close();
        }
    }

    @Test
    void itSeesNoBarPastTheDecision() {
        // the value at a bar is the same on a market that ends at that bar: nothing later was read
        for (int bar : new int[] {20, 57, 118}) {
            Feature full = ta(MOMENTUM, 5), cut = ta(MOMENTUM, 5);
            assertArrayEquals(write(full, Fixtures.MARKET, bar), write(cut, Fixtures.MARKET.slice(0, bar + 1), bar), "bar " + bar);
            ((RunScoped) full).close();
            ((RunScoped) cut).close();
        }
        // and reading past the decision bar is refused by the history view, with the function named
        var peek = Fixtures.spec("peek", Role.INDICATOR, "function peek(ctx, p) { return [ctx.close(-1, 0), 0, 0]; }");
        Feature bad = Features.ta(indicator(peek, 5), TaPrices.AS_STORED);
        GuestException e = assertThrows(GuestException.class, () -> write(bad, Fixtures.MARKET, 30));
        assertTrue(e.problem().startsWith("look-ahead"), e.problem());
        assertTrue(e.getMessage().startsWith("js indicator 'peek'"), e.getMessage());
    }
}
