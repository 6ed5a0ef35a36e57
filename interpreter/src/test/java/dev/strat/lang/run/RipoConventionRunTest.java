package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.check.CheckFixtures;
import dev.strat.lang.check.CheckResult;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code convention ripo}: RiPO's Sharpe (0 when AR &lt; 0), its rf unless given, and AR at any length. */
class RipoConventionRunTest {

    @TempDir
    Path out;

    private static final String MARKET = "market m = synthetic gbm(assets=4, days=600, seed=3)\n";

    private String table(String settings) {
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", MARKET + """
                costs flat 0.1%
                experiment e on m {
                    compare hold, ucrp
                    metrics ar, sr
                    SETTINGS
                }
                """.replace("SETTINGS", settings)), new RunOptions(out, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        return outcome.tables().get(0);
    }

    @Test
    void theConventionReachesThePlan() {
        CheckResult r = CheckFixtures.check(MARKET + "experiment e on m {\n compare ucrp\n convention ripo\n}");
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        ExperimentPlan e = r.plan().orElseThrow().experiments().get(0);
        assertEquals(MetricOptions.Convention.RIPO, e.conventions().metrics());
        assertEquals(0.016575, e.riskFree(), 0.0);
        assertTrue(e.conventions().annualiseAlways());
        CheckResult given = CheckFixtures.check(MARKET + "experiment e on m {\n compare ucrp\n convention ripo\n rf 2%\n}");
        assertEquals(0.02, given.plan().orElseThrow().experiments().get(0).riskFree(), 0.0);
        CheckResult standard = CheckFixtures.check(MARKET + "experiment e on m {\n compare ucrp\n}");
        assertEquals(MetricOptions.Convention.STANDARD, standard.plan().orElseThrow().experiments().get(0).conventions().metrics());
        CheckResult bad = CheckFixtures.check(MARKET + "experiment e on m {\n compare ucrp\n convention ripe\n}");
        assertTrue(CheckFixtures.messages(bad).contains("'convention' expects standard or ripo, got 'ripe'"), CheckFixtures.messages(bad));
    }

    private static String sharpe(String table, String strategy) {
        String line = table.lines().filter(l -> l.startsWith(strategy + " ")).findFirst().orElseThrow();
        String[] cells = line.trim().split("\\s+");
        return cells[cells.length - 1].replace("*", "");
    }

    @Test
    void aLosingRunHasSharpeZeroUnderRipo() {
        // 0.1% a day of costs: ucrp loses (AR < 0), so RiPO's Sharpe is 0 where the standard one is negative
        String ripo = table("convention ripo");
        assertTrue(ripo.contains("ucrp       -"), ripo);
        assertEquals("0.00", sharpe(ripo, "ucrp"), ripo);
        String standard = table("");
        assertTrue(sharpe(standard, "ucrp").startsWith("-"), standard);
    }
}
