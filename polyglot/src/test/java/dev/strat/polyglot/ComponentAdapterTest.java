package dev.strat.polyglot;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.rl.portfolio.AccountState;
import dev.strat.runtime.rl.portfolio.Feature;
import dev.strat.runtime.rl.portfolio.Reward;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.ComponentType;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/** Features and rewards written in JavaScript, as an agent uses them. */
class ComponentAdapterTest {

    private static final BuildContext CONTEXT = BuildContext.leaf(Fixtures.info(), "s.agent");

    @Test
    void aFeatureWritesOneValuePerAssetFromTheHistoryView() {
        var spec = Fixtures.spec("ratio", Role.FEATURE, """
                function ratio(ctx, p) {
                  const out = [];
                  for (let a = 0; a < ctx.assets; a++) out.push(ctx.close(0, a) / ctx.close(p.window, a));
                  return out;
                }
                """, ParamSpec.optional("window", new ParamType.Bars(), new Value.Num(5, false, true), 1, 100, "bars back"));
        var component = UserFunctions.component(spec, Sandbox.DEFAULT).orElseThrow();
        Feature f = component.create(ComponentType.FEATURE, new Arguments(Map.of("window", new Value.Num(5, false, true))), CONTEXT);
        assertEquals(6, f.warmup());
        assertEquals(3, f.width(3));
        float[] out = new float[5];
        History h = History.cursor(Fixtures.MARKET, 30).view();
        f.write(h, new AccountState(new double[] {0, 0, 0, 1}, 1, 1), out, 2);
        for (int a = 0; a < 3; a++) assertEquals((float) (h.close(0, a) / h.close(5, a)), out[2 + a], 1e-6f);
        // reading past the decision bar is refused by the history view, and named
        var peek = Fixtures.spec("peek", Role.FEATURE, "function peek(ctx, p) { return [ctx.close(-1, 0), 0, 0]; }");
        Feature bad = UserFunctions.component(peek, Sandbox.DEFAULT).orElseThrow()
                .create(ComponentType.FEATURE, new Arguments(Map.of()), CONTEXT);
        GuestException e = assertThrows(GuestException.class, () -> bad.write(h, new AccountState(new double[4], 1, 1), out, 0));
        assertTrue(e.problem().startsWith("look-ahead"), e.problem());
    }

    @Test
    void aRewardReadsTheOutcomeAndMustReturnAFiniteNumber() {
        var spec = Fixtures.spec("pen", Role.REWARD, "function pen(o, p) { return o.logReturn - p.k * o.cost + o.executed[3] * 0; }",
                ParamSpec.optional("k", new ParamType.Number(), new Value.Num(2, false, true), 0, 10, "penalty"));
        var component = UserFunctions.component(spec, Sandbox.DEFAULT).orElseThrow();
        Supplier<Reward> rewards = component.create(ComponentType.REWARD, new Arguments(Map.of("k", new Value.Num(2, false, true))), CONTEXT);
        Reward r = rewards.get();
        r.reset(1_000_000);
        Outcome o = new Outcome(3, new double[] {0.5, 0.5, 0, 0}, new double[] {1.01, 0.99, 1}, 0.01, 0.001, 0.008990, 1_008_990);
        assertEquals(Math.log1p(0.008990) - 2 * 0.001, r.reward(o), 1e-12);
        var nan = Fixtures.spec("nan", Role.REWARD, "function nan(o, p) { return 0 / 0; }");
        Reward bad = ((Supplier<Reward>) UserFunctions.component(nan, Sandbox.DEFAULT).orElseThrow()
                .create(ComponentType.REWARD, new Arguments(Map.of()), CONTEXT)).get();
        bad.reset(1);
        GuestException e = assertThrows(GuestException.class, () -> bad.reward(o));
        assertEquals("js reward 'nan' (declared at test.strat:9:1) at step 3: returned NaN", e.getMessage());
    }
}
