package dev.strat.polyglot;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.rl.portfolio.AccountState;
import dev.strat.runtime.rl.portfolio.Feature;
import dev.strat.runtime.rl.portfolio.Reward;
import dev.strat.runtime.rl.portfolio.RunScoped;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.ComponentType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/** One guest context per run, shared by the run's functions and closed with it; random streams seeded from the run's seed. */
class RunScopeTest {

    private static final BuildContext AGENT = BuildContext.leaf(Fixtures.info(), "s.agent");

    private static GuestStage stage(UserFunctions.Program program, FunctionSpec spec) {
        Builtin b = program.builtin(spec).orElseThrow();
        return (GuestStage) b.factory().create(Arguments.of(b, Map.of()), BuildContext.leaf(Fixtures.info(), "s." + spec.name()));
    }

    private static RunSetup setup(long seed) {
        return new RunSetup(Fixtures.MARKET.symbols(), Fixtures.MARKET.frequency(), seed, 20, 100);
    }

    private static void decide(GuestStage stage, int step) {
        double[] w = {0, 0, 0, 1};
        stage.propose(new Decision(History.cursor(Fixtures.MARKET, 20 + step).view(), step, w, w, 1), new double[4]);
    }

    @Test
    void aRunsFunctionsShareOneContextAndTheRunClosesIt() throws Exception {
        var counter = Fixtures.spec("counter", Role.ALLOCATOR, "var seen = 0;\nfunction counter(ctx, p) { seen++; return [0, 0, 0, 1]; }");
        var reader = Fixtures.spec("reader", Role.TRANSFORM,
                "function reader(ctx, p) { if (seen !== ctx.step + 1) throw new Error('saw ' + seen); return [0, 0, 0, 1]; }");
        UserFunctions.Program program = UserFunctions.program(List.of(counter, reader), Sandbox.DEFAULT);
        GuestStage a = stage(program, counter), b = stage(program, reader);
        a.reset(setup(1));
        b.reset(setup(1));
        // the transform sees the allocator's global: one context serves both
        for (int step = 0; step < 5; step++) {
            decide(a, step);
            decide(b, step);
        }
        assertEquals(1, program.openRuns());
        // a parallel run (another thread) gets a context of its own, starting from a fresh global
        GuestStage c = stage(program, counter), d = stage(program, reader);
        CompletableFuture.runAsync(() -> {
            c.reset(setup(1));
            d.reset(setup(1));
            decide(c, 0);
            decide(d, 0);
        }).get();
        assertEquals(2, program.openRuns());
        c.close();
        d.close();
        a.close();
        assertEquals(1, program.openRuns(), "open while one of its functions is");
        b.close();
        assertEquals(0, program.openRuns(), "closed with the run's last function");
        // the next run starts from a fresh context: the counter starts again
        try (GuestStage e = stage(program, counter); GuestStage f = stage(program, reader)) {
            e.reset(setup(1));
            f.reset(setup(1));
            decide(e, 0);
            decide(f, 0);
        }
    }

    @Test
    void featuresDrawFromTheRunsSeedNotFromTheirName() {
        var spec = Fixtures.spec("noise", Role.FEATURE,
                "function noise(ctx, p) { const o = []; for (let a = 0; a < ctx.assets; a++) o.push(Math.random()); return o; }");
        assertSeeded(spec);
    }

    @Test
    void pythonFeaturesSeedTheRandomModuleFromTheRunsSeed() {
        var spec = Fixtures.py("noise", Role.FEATURE, "import random\ndef noise(ctx, p):\n    return [random.random() for _ in range(ctx.assets)]\n");
        assertSeeded(spec);
    }

    private static void assertSeeded(FunctionSpec spec) {
        float[] a = draw(spec, 5), b = draw(spec, 5), c = draw(spec, 6);
        assertArrayEquals(a, b, "same seed, same draws");
        assertFalse(Arrays.equals(a, c), "another seed, other draws");
    }

    private static float[] draw(FunctionSpec spec, long seed) {
        Feature f = UserFunctions.component(spec, Sandbox.DEFAULT).orElseThrow().create(ComponentType.FEATURE, new Arguments(Map.of()), AGENT);
        try {
            ((RunScoped) f).startRun(seed);
            float[] out = new float[6];
            History h = History.cursor(Fixtures.MARKET, 30).view();
            f.write(h, new AccountState(new double[] {0, 0, 0, 1}, 1, 1), out, 0);
            f.write(h, new AccountState(new double[] {0, 0, 0, 1}, 1, 1), out, 3);
            return out;
        } finally {
            ((RunScoped) f).close();
        }
    }

    @Test
    void rewardsDrawFromTheRunsSeedAndTheirStreamRunsOnAcrossEpisodes() {
        var spec = Fixtures.spec("lottery", Role.REWARD, "function lottery(o, p) { return Math.random(); }");
        double[] a = rewards(spec, 5), b = rewards(spec, 5), c = rewards(spec, 6);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        // episodes do not restart the stream (the old adapter reseeded per episode from its name)
        assertNotEquals(a[0], a[2]);
    }

    private static double[] rewards(FunctionSpec spec, long seed) {
        Supplier<Reward> rewards = UserFunctions.component(spec, Sandbox.DEFAULT).orElseThrow()
                .create(ComponentType.REWARD, new Arguments(Map.of()), AGENT);
        Reward r = rewards.get();
        try {
            ((RunScoped) r).startRun(seed);
            Outcome o = new Outcome(1, new double[] {0, 0, 0, 1}, new double[] {1, 1, 1}, 0, 0, 0, 1);
            double[] out = new double[4];
            r.reset(1);
            out[0] = r.reward(o);
            out[1] = r.reward(o);
            r.reset(1);
            out[2] = r.reward(o);
            out[3] = r.reward(o);
            return out;
        } finally {
            ((RunScoped) r).close();
        }
    }
}
