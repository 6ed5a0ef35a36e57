package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.rl.algo.Td3;
import dev.strat.runtime.rl.nn.NetSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** An agent starts its run-scoped features and rewards with the run's seed and closes them with itself. */
class RunScopedTest {

    /** Records what the agent told it. */
    static final class Recorder implements RunScoped {
        final List<Long> seeds = new ArrayList<>();
        int closed;

        @Override public void startRun(long seed) { seeds.add(seed); }

        @Override public void close() { closed++; }
    }

    static final class ScopedFeature implements Feature, RunScoped {
        final Recorder recorder = new Recorder();
        private final Feature inner = Features.returns(5);

        @Override public String label() { return "scoped"; }
        @Override public int warmup() { return inner.warmup(); }
        @Override public int width(int assets) { return inner.width(assets); }
        @Override public void write(History h, AccountState a, float[] out, int offset) {
            assertFalse(recorder.seeds.isEmpty(), "written before the run started");
            inner.write(h, a, out, offset);
        }
        @Override public void startRun(long seed) { recorder.startRun(seed); }
        @Override public void close() { recorder.close(); }
    }

    static final class ScopedReward implements Reward, RunScoped {
        final Recorder recorder = new Recorder();

        @Override public String label() { return "scoped"; }
        @Override public double reward(Outcome o) {
            assertFalse(recorder.seeds.isEmpty(), "rewarded before the run started");
            return o.logReturn();
        }
        @Override public void startRun(long seed) { recorder.startRun(seed); }
        @Override public void close() { recorder.close(); }
    }

    @Test
    void theAgentStartsItsFeaturesAndRewardsWithTheRunsSeedAndClosesThem() {
        MarketData market = Fixtures.market();
        ScopedFeature feature = new ScopedFeature();
        List<ScopedReward> rewards = new ArrayList<>();
        Td3.Config config = Td3.Config.defaults().withNets(NetSpec.Mlp.of(8), NetSpec.Mlp.of(8)).withBatch(16).withLearningStarts(30);
        LearningAgentStage agent = new LearningAgentStage("td3", "td3", (spec, seed, compute) -> new Td3(spec, config, seed, compute),
                List.of(feature, Features.weights()), ActionMaps.softmax(5), () -> {
                    ScopedReward r = new ScopedReward();
                    rewards.add(r);
                    return r;
                }, new LearningSettings(1, "wealth", 0, "cpu", "alone"));
        try (agent) {
            agent.train(new TrainContext(42, market, new BarRange(0, 120), Optional.empty(), new BacktestConfig(1_000_000, 0.001, 0, 0),
                    MetricOptions.DEFAULT, Optional.empty(), TrainContext.Mode.FRESH, "", ProgressListener.NONE));
            assertEquals(List.of(42L), feature.recorder.seeds);
            assertFalse(rewards.isEmpty());
            for (ScopedReward r : rewards) assertEquals(List.of(42L), r.recorder.seeds);
            assertEquals(0, feature.recorder.closed, "still in use until the run ends");
        }
        assertEquals(1, feature.recorder.closed);
        for (ScopedReward r : rewards) assertEquals(1, r.recorder.closed);
    }
}
