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
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Composite strategies through every pass: switch, blend and select written in the language run,
 * report what they chose, and learners nested in them (under a schedule, among a switch's members,
 * after a selector) train, are saved by their path in the strategy and reload without training.
 */
class CompositeRunTest {

    private static final String MARKET = """
            market m = synthetic gbm(assets=4, days=700, seed=5)
            costs fee 0.1%, slippage 0%..0.05%
            split s = train ..2001-06-30, valid 2001-07-01..2001-12-31, test 2002-01-01..
            """;

    @TempDir
    Path out;

    private RunOutcome run(String text, TrainContext.Mode mode) {
        RunOutcome o = new Interpreter().run(new Source("composite.strat", MARKET + text),
                new RunOptions(Path.of("."), out, OptionalLong.empty(), Path.of(""), mode), ProgressListener.NONE);
        assertEquals(0, o.exitCode(), DiagnosticFormatter.formatAll(o.diagnostics()) + o.failure());
        return o;
    }

    /** The row of one strategy in the printed table, without its name. */
    private static String row(RunOutcome o, String name) {
        return o.tables().get(0).lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .map(l -> l.substring(name.length()).trim().replaceAll("\\s+", " ")).orElseThrow(() -> new AssertionError(name + " not in\n" + o.tables()));
    }

    @Test
    void aPoolMemberWithItsOwnScheduleTradesAsItDoesAlone() {
        RunOutcome o = run("""
                models pool = [mvo(window=w) every 10 for w in [20, 40]] + [ucrp]
                experiment e on m split s {
                    compare fixed_mvo = switch fixed(1) every 5 over pool, alone = mvo(window=40) every 10,
                            daily = mvo(window=40)
                    seeds 1
                    metrics ar, sharpe, mdd, turnover
                }
                """, TrainContext.Mode.FRESH);
        assertEquals(row(o, "alone"), row(o, "fixed_mvo"), "the member keeps its 'every 10' inside the switch");
        assertNotEquals(row(o, "daily"), row(o, "fixed_mvo"), "and the schedule matters");
    }

    @Test
    void aSwitchFixedOnOneMemberIsThatMemberAndRandomSwitchesReportTheirChoices() throws Exception {
        RunOutcome o = run("""
                models pool = [olmar(window=w) for w in [3, 10]] + [bah, ucrp]
                models olmars = [olmar(window=w) for w in [3, 10]]
                experiment e on m split s {
                    compare fixed_bah = switch fixed(2) every 5 over pool, bah,
                            rnd = switch random every 5 over pool, mixed = blend equal every 21 over pool,
                            picked = select top(2) by momentum(lookback=20) every 21 | ucrp, olmars
                    seeds 2
                    metrics ar, sharpe, mdd, turnover
                }
                """, TrainContext.Mode.FRESH);
        assertEquals(row(o, "bah"), row(o, "fixed_bah"), "switch fixed(2) trades exactly as its member bah");
        assertTrue(o.tables().get(0).contains("olmar(window=3)") && o.tables().get(0).contains("olmar(window=10)"),
                "a compared pool expands into its members");
        String json = Files.readString(out.resolve("e").resolve("results.json"));
        assertTrue(json.contains("rnd.switch/choice"), "the switch's choices are in results.json");
        assertTrue(json.contains("picked.select/picked/"), "the selector's picks are in results.json");
        String html = Files.readString(out.resolve("e").resolve("index.html"));
        assertTrue(html.contains("rnd.switch/choice"), "the report charts the switch's choices");
        RunOutcome again = run("""
                models pool = [olmar(window=w) for w in [3, 10]] + [bah, ucrp]
                experiment e on m split s {
                    compare rnd = switch random every 5 over pool
                    seeds 2
                    metrics ar, sharpe, mdd, turnover
                }
                """, TrainContext.Mode.FRESH);
        assertEquals(row(o, "rnd"), row(again, "rnd"), "a random switch is reproducible for a seed");
        assertNotEquals(row(o, "rnd"), row(o, "bah"));
    }

    private static final String NESTED = """
            strategy scheduled = agent ppo(hidden=[8], features=[returns(window=5), weights], n_steps=64, batch=32, epochs=2,
                                           select=wealth) every 5
            strategy chooser = switch fixed(0) every 5 over [a2c(hidden=[8], features=[returns(window=5)], epochs=2), ucrp]
            strategy narrowed = select top(2) by momentum(lookback=20) every 21
                              | agent ppo(hidden=[8], features=[returns(window=5), weights], n_steps=64, batch=32, epochs=2)
            experiment e on m split s {
                compare scheduled, chooser, narrowed, ucrp
                seeds 1
                metrics ar, sharpe
            }
            """;

    @Test
    void learnersNestedAnywhereTrainAreSavedByPathAndReloadWithoutTraining() throws Exception {
        RunOutcome trained = run(NESTED, TrainContext.Mode.FRESH);
        Path models = out.resolve("e").resolve("models");
        for (String file : List.of("scheduled.agent-seed1.zip", "chooser.switch.a2c.agent-seed1.zip", "narrowed.agent-seed1.zip")) {
            assertTrue(Files.exists(models.resolve(file)), "no model " + file + " in " + models.toFile().list().length + " files: "
                    + String.join(", ", models.toFile().list()));
        }
        RunOutcome reused = run(NESTED, TrainContext.Mode.REUSE);
        assertEquals(trained.tables(), reused.tables(), "reloaded models test exactly as when they were trained");
    }

    @Test
    void aHierarchySplitsWealthAcrossClassesAndEachClassStageSeesItsOwnAssets() throws Exception {
        RunOutcome o = new Interpreter().run(new Source("h.strat", """
                market m = synthetic gbm(assets=4, days=500, seed=3)
                    classes low: [S1, S2], high: [S3, S4]
                strategy h = hierarchy mix(weights=[30%, 70%]) every 5 { low crp(weights=[50%, 50%]); high ucrp }
                backtest h on m
                """), new RunOptions(Path.of("."), out, OptionalLong.empty(), Path.of(""), TrainContext.Mode.FRESH),
                ProgressListener.NONE);
        assertEquals(0, o.exitCode(), DiagnosticFormatter.formatAll(o.diagnostics()) + o.failure());
        Path dir = Files.list(out).findFirst().orElseThrow();
        List<String> rows = Files.readAllLines(dir.resolve("results.json"));
        assertTrue(String.join("\n", rows).contains("h.hierarchy/weight/high"), "class weights are reported");
        String equity = Files.readString(dir.resolve("equity.csv"));
        assertTrue(equity.lines().count() > 400, "the hierarchy ran over the data");
    }
}
