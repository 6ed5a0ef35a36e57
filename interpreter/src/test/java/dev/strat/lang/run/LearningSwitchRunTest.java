package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A switch and a blend whose policy is ppo(...) run through the normal experiment path: trained
 * per seed on the train split, saved as models/PATH-seedN.zip, reloaded without training to the
 * same table, and reported like any switch.
 */
class LearningSwitchRunTest {

    private static final String PROGRAM = """
            market m = synthetic gbm(assets=4, days=700, seed=5)
            costs fee 0.1%, slippage 0%..0.05%
            split s = train ..2001-06-30, valid 2001-07-01..2001-12-31, test 2002-01-01..
            models pool = [olmar(window=w) for w in [3, 10]] + [ucrp]
            strategy sw = switch ppo(hidden=[16, 16], n_steps=64, batch=32, n_epochs=2, lookback=6, hold_bonus=0.001, timesteps=300)
                          every 5 over pool + [no_trade]
            strategy bl = blend ppo(hidden=[16, 16], n_steps=64, batch=32, n_epochs=2, lookback=6, timesteps=300) every 5 over pool
            experiment e on m split s {
                compare sw, bl, rnd = switch random every 5 over pool + [no_trade]
                seeds 2
                metrics ar, sharpe, mdd, turnover
            }
            """;

    @TempDir
    Path out;

    private RunOutcome run(TrainContext.Mode mode) {
        RunOutcome o = new Interpreter().run(new Source("learning.strat", PROGRAM),
                new RunOptions(Path.of("."), out, OptionalLong.empty(), Path.of(""), mode), ProgressListener.NONE);
        assertEquals(0, o.exitCode(), DiagnosticFormatter.formatAll(o.diagnostics()) + o.failure());
        return o;
    }

    @Test
    void aLearningSwitchAndBlendTrainSaveAndReloadToTheSameTable() throws Exception {
        RunOutcome trained = run(TrainContext.Mode.FRESH);
        Path models = out.resolve("e").resolve("models");
        for (String file : new String[]{"sw.switch-seed1.zip", "sw.switch-seed2.zip", "bl.blend-seed1.zip"}) {
            assertTrue(Files.exists(models.resolve(file)), "no model " + file + " in " + String.join(", ", models.toFile().list()));
        }
        String json = Files.readString(out.resolve("e").resolve("results.json"));
        assertTrue(json.contains("sw.switch/choice"), "the learned switch reports its choices");
        assertTrue(json.contains("sw.switch/chosen/no_trade") || json.contains("sw.switch/chosen/"), "and its counters");
        assertTrue(json.contains("bl.blend/weight/ucrp"), "the learned blend reports its weights");
        RunOutcome reused = run(TrainContext.Mode.REUSE);
        assertEquals(trained.tables(), reused.tables(), "reloaded policies test exactly as when they were trained");
        RunOutcome again = run(TrainContext.Mode.FRESH);
        assertEquals(trained.tables(), again.tables(), "same seed, same result");
    }

    @Test
    void aLearningSwitchWalksForwardContinuingThePreviousWindowsPolicy() throws Exception {
        RunOutcome o = new Interpreter().run(new Source("walk.strat", """
                market m = synthetic gbm(assets=3, days=900, seed=2)
                costs fee 0.1%
                models pool = [olmar(window=5), ucrp, bah]
                strategy sw = switch ppo(hidden=[8, 8], n_steps=32, batch=16, n_epochs=1, lookback=4, timesteps=100) every 5 over pool + [no_trade]
                experiment w on m rolling(train=1y, test=6mo, retrain=continue, from=2000-01-01) {
                    compare sw
                    seeds 1
                    metrics ar, sharpe
                }
                """), new RunOptions(Path.of("."), out, OptionalLong.empty(), Path.of(""), TrainContext.Mode.FRESH), ProgressListener.NONE);
        assertEquals(0, o.exitCode(), DiagnosticFormatter.formatAll(o.diagnostics()) + o.failure());
        Path models = out.resolve("w").resolve("models");
        assertTrue(Files.exists(models.resolve("sw.switch-seed1-window1.zip")), String.join(", ", models.toFile().list()));
        assertTrue(Files.exists(models.resolve("sw.switch-seed1-window2.zip")), String.join(", ", models.toFile().list()));
    }
}
