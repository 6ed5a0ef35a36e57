package dev.strat.runtime.rl.train;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.RandomWalkMarket;
import dev.strat.runtime.experiment.ExperimentResult;
import dev.strat.runtime.experiment.ExperimentRunner;
import dev.strat.runtime.experiment.ExperimentSpec;
import dev.strat.runtime.experiment.NamedStrategy;
import dev.strat.runtime.experiment.TrainStep;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.report.ExperimentReportData;
import dev.strat.runtime.report.ReportWriter;
import dev.strat.runtime.rl.SyntheticPortfolioEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainer inside an experiment, and its curves in the report: the path the lead's RL strategies take. */
class TrainingEndToEndTest {

    @Test
    void experimentTrainsThenTestsAndTheReportShowsTheCurves(@TempDir Path tmp) throws Exception {
        TrainStep.PerSeed step = (seed, market) -> {
            FakeAgent agent = new FakeAgent(FakeEnv.SPEC, seed);
            TrainingResult r = new Trainer(TrainingConfig.epochs(seed, 4), new NanGuard(), new EarlyStopping(3))
                    .train(new FakeEnv(8), agent, Validator.of("closeness", a -> -Math.abs(((FakeAgent) a).w - 1)));
            // Stands in for portfolio.AgentStage(label, task, agent): weights from the trained agent.
            double a = Math.max(0, Math.min(1, agent.w));
            return new TrainStep.Trained(TestStages.constant("fake", a, 1 - a, 0, 0, 0), r.history().toLog());
        };
        MarketData market = RandomWalkMarket.of(4, 200, 3);
        ExperimentSpec spec = new ExperimentSpec("rl", market, 100, 199,
                List.of(NamedStrategy.trained("fake", "fake(lr=0.3)", step),
                        new NamedStrategy("ucrp", "ucrp", s -> TestStages.constant("ucrp", 0.25, 0.25, 0.25, 0.25, 0))),
                ExperimentSpec.seeds(2), new BacktestConfig(1e6, 0.001, 0, 0), List.of(MetricId.SHARPE),
                MetricOptions.DEFAULT, Optional.empty());
        ExperimentResult result = new ExperimentRunner(2).run(spec);

        var logs = result.strategy("fake").training();
        assertEquals(2, logs.size());
        assertEquals(4, logs.get(0).validation().length);
        assertEquals("closeness", logs.get(0).metricName());

        var data = ExperimentReportData.of(result, Map.of(), List.of());
        assertEquals(1, data.training().size());
        double[] mean = data.training().get(0).validation();
        for (int k = 0; k < 4; k++) {
            assertEquals((logs.get(0).validation()[k] + logs.get(1).validation()[k]) / 2, mean[k], 1e-12);
        }
        ReportWriter.write(data, tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        assertTrue(html.contains("<figure id=\"training-reward\">") && html.contains("<figure id=\"training-validation\">"));
    }

    @Test
    void drivesTheSyntheticPortfolioEnvironment() {
        SyntheticPortfolioEnv.Config c = new SyntheticPortfolioEnv.Config(3, 30, 4, 0, new double[] {0.002, 0, 0}, 0.01, 5, 0.001);
        SyntheticPortfolioEnv env = new SyntheticPortfolioEnv(c);
        FakeAgent agent = new FakeAgent(env.spec(), 1) {
            @Override
            public void act(float[] observation, boolean explore, float[] action) {
                java.util.Arrays.fill(action, -1f);
                action[0] = 1f;   // most weight on the drifting asset
            }
        };
        TrainingResult r = new Trainer(TrainingConfig.epochs(3, 2).withEpisodesPerEpoch(2), new NanGuard()).train(env, agent, null);
        assertArrayEquals(new int[] {29, 29, 29, 29}, r.history().episodeLengths());
        assertEquals(116, r.steps());
        assertEquals(58, r.updates());
    }
}
