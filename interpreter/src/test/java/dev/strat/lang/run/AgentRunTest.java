package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.rl.train.Checkpoint;
import dev.strat.runtime.rl.train.CheckpointContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agents through every pass: a program trains them on its train split, selects on its valid
 * split, tests them, keeps their models; a later run reuses the models without training and
 * gets the same test results.
 */
class AgentRunTest {

    private static final String PROGRAM = """
            market m = synthetic gbm(assets=4, days=700, seed=5)
            costs fee 0.1%
            split s = train ..2001-06-30, valid 2001-07-01..2001-12-31, test 2002-01-01..
            strategy learner = agent td3(hidden=[16, 16], features=[returns(window=5), weights], learning_starts=50,
                                         epochs=2, select=sharpe)
            experiment e on m split s {
                compare learner, ucrp
                seeds 2
                metrics ar, sharpe
            }
            """;

    @TempDir
    Path out;

    private RunOutcome run(String text, TrainContext.Mode mode) {
        return new Interpreter().run(new Source("agents.strat", text),
                new RunOptions(Path.of("."), out, OptionalLong.empty(), Path.of(""), mode), ProgressListener.NONE);
    }

    @Test
    void trainsKeepsModelsAndReusesThemWithoutTraining() throws Exception {
        RunOutcome first = run(PROGRAM, TrainContext.Mode.FRESH);
        assertEquals(0, first.exitCode(), DiagnosticFormatter.formatAll(first.diagnostics()) + first.failure());
        Path model = out.resolve("e").resolve("models").resolve("learner.agent-seed1.zip");
        assertTrue(Files.exists(model), "no model at " + model);
        CheckpointContent saved = Checkpoint.read(model);
        assertEquals("td3", saved.meta().algorithm());
        assertEquals(1, saved.meta().seed());
        assertTrue(saved.meta().complete());
        assertEquals(PROGRAM, saved.strategy());
        assertEquals(2, saved.history().episodeRewards().length);
        String html = Files.readString(out.resolve("e").resolve("index.html"));
        assertTrue(html.contains("training-reward"), "the report shows the training curves");

        RunOutcome again = run(PROGRAM, TrainContext.Mode.FRESH);
        assertEquals(first.tables(), again.tables(), "same program and seed, same results");

        long written = Files.getLastModifiedTime(model).toMillis();
        RunOutcome reused = run(PROGRAM, TrainContext.Mode.REUSE);
        assertEquals(0, reused.exitCode(), DiagnosticFormatter.formatAll(reused.diagnostics()) + reused.failure());
        assertEquals(first.tables(), reused.tables(), "a reused model tests exactly as when it was trained");
        assertEquals(written, Files.getLastModifiedTime(model).toMillis(), "reusing does not retrain");

        RunOutcome resumed = run(PROGRAM, TrainContext.Mode.RESUME);
        assertEquals(first.tables(), resumed.tables(), "resuming finished models reuses them");
    }

    @Test
    void structuredNetworksTrainFromTheLanguage() {
        RunOutcome outcome = run("""
                market m = synthetic gbm(assets=3, days=500, seed=2)
                split s = train ..2000-12-31, valid 2001-01-01..2001-06-30, test 2001-07-01..
                strategy conv = agent ppo(net=cnn(filters=[4], kernel=3, hidden=[8]), features=[ohlcv(window=10), weights],
                                          n_steps=64, batch=32, epochs=1)
                strategy scorer = agent a2c(net=gru_attention(gru=8, attention=4), features=[prices(window=10)], epochs=1)
                strategy regular = agent sac(net=mlp(sizes=[16], batch_norm=true, dropout=0.1), batch=32, learning_starts=32,
                                             features=[returns(window=5), covariance(window=10), ta(indicators=[rsi, macd]), wealth],
                                             epochs=1)
                experiment e on m split s {
                    compare conv, scorer, regular
                    seeds 1
                    metrics ar
                }
                """, TrainContext.Mode.FRESH);
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        String table = outcome.tables().get(0);
        assertTrue(table.contains("conv") && table.contains("scorer") && table.contains("regular"), table);
    }

    @Test
    void reusingWithoutModelsSaysWhatToDo() {
        RunOutcome outcome = run(PROGRAM, TrainContext.Mode.REUSE);
        // before the fix: exit 1, a failure quoting the agent's whole signature and no location
        String shown = DiagnosticFormatter.formatAll(outcome.diagnostics());
        assertEquals(2, outcome.exitCode(), shown + outcome.failure());
        assertEquals(null, outcome.failure());
        Path model = out.resolve("e").resolve("models").resolve("learner.agent-seed");
        assertTrue(shown.startsWith("agents.strat:6:1: error: strategy 'learner': no trained model at " + model), shown);
        assertTrue(shown.contains("train it first"), shown);
        assertFalse(shown.contains("td3("), "the agent's signature is not repeated: " + shown);
    }

    @Test
    void aLearningStrategyNeedsATrainSplit() {
        RunOutcome outcome = run(PROGRAM.replace("split s = train ..2001-06-30, valid 2001-07-01..2001-12-31, test 2002-01-01..",
                "split s = test 2002-01-01.."), TrainContext.Mode.FRESH);
        assertEquals(2, outcome.exitCode());
        String text = DiagnosticFormatter.formatAll(outcome.diagnostics());
        assertTrue(text.contains("learns, but this run has no training period"), text);
        assertFalse(Files.exists(out.resolve("e")), "nothing runs");
    }
}
