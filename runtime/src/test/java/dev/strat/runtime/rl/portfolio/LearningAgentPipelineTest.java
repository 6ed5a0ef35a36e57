package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.algo.Td3;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.transform.Constrain;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real (tiny) TD3 training run of a learning stage followed by other stages in its pipeline. */
class LearningAgentPipelineTest {

    private static final BacktestConfig CONFIG = new BacktestConfig(1_000_000, 0.001, 0, 0);
    private static final BarRange TRAIN = new BarRange(0, 200);
    private static final BarRange VALID = new BarRange(200, 260);

    private static LearningAgentStage td3(String trainWith) {
        Td3.Config config = Td3.Config.defaults().withNets(NetSpec.Mlp.of(8), NetSpec.Mlp.of(8)).withBatch(16).withLearningStarts(30);
        return new LearningAgentStage("td3", "td3", (spec, seed, compute) -> new Td3(spec, config, seed, compute),
                List.of(Features.returns(5), Features.weights()), ActionMaps.softmax(5), Rewards::logReturn,
                new LearningSettings(2, "wealth", 0, "cpu", trainWith));
    }

    private static TrainContext context(MarketData market, Stage downstream, int every) {
        return new TrainContext(3, market, TRAIN, Optional.of(VALID), CONFIG, MetricOptions.DEFAULT, Optional.empty(),
                TrainContext.Mode.FRESH, "", ProgressListener.NONE).withPipeline(Optional.of(downstream), every);
    }

    @Test
    void anAgentFollowedByConstrainNeverHoldsMoreThanTheLimitInTrainingOrValidation() {
        MarketData market = Fixtures.market();
        Probe in = new Probe(), out = new Probe();
        Stage downstream = new Pipeline("after", List.of(in, new Constrain("constrain", 0.2, 0, 0), out));
        try (LearningAgentStage agent = td3("pipeline")) {
            agent.train(context(market, downstream, 1));
        }
        // returns(5) needs 6 bars: episodes decide at bars 5..198, validations at 200..258
        int episode = 199 - 5, validation = 259 - 200;
        assertEquals(List.of(episode, validation, episode, validation), out.runs, "two epochs, each validated");
        assertTrue(Probe.maxAssetWeight(out.executed) <= 0.2 + 1e-12, "max executed weight " + Probe.maxAssetWeight(out.executed));
        assertTrue(Probe.maxAssetWeight(in.proposals) > 0.2, "the agent's own weights broke the limit, so the stage had work to do");
    }

    @Test
    void aScheduledAgentHoldsBetweenDecisionsInTrainingAndValidation() {
        MarketData market = Fixtures.market();
        Probe in = new Probe();
        try (LearningAgentStage agent = td3("pipeline")) {
            agent.train(context(market, in, 4));
        }
        int k = 0;
        for (int bars : in.runs) {
            for (int b = 0; b < bars; b++, k++) {
                boolean held = java.util.Arrays.equals(in.proposals.get(k), in.currents.get(k));
                if (b % 4 != 0) assertTrue(held, "bar " + b + " of a run: between decisions the holdings are proposed");
            }
        }
        assertEquals(4, in.runs.size());
        assertEquals(in.proposals.size(), k);
    }

    @Test
    void trainWithAloneLeavesTheDownstreamStagesOut() {
        MarketData market = Fixtures.market();
        Probe probe = new Probe();
        try (LearningAgentStage agent = td3("alone")) {
            agent.train(context(market, probe, 1));
        }
        assertEquals(List.of(), probe.runs, "train_with=alone");
        try (LearningAgentStage agent = td3("pipeline")) {
            agent.train(context(market, probe, 1).with(TrainContext.TrainWith.ALONE));
        }
        assertEquals(List.of(), probe.runs, "TrainWith.ALONE");
    }
}
