package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code costs flat ..., perturb ...} reaches the backtests: RiPO's cost model is what the runs are charged. */
class FlatCostRunTest {

    @TempDir
    Path out;

    private String table(String costs) {
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", """
                market m = synthetic gbm(assets=4, days=600, seed=3)
                COSTS
                experiment e on m {
                    compare hold, ucrp
                    seeds 2
                    metrics ar
                }
                """.replace("COSTS", costs)), new RunOptions(out, out, OptionalLong.empty(), Path.of("")), ProgressListener.NONE);
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        return outcome.tables().get(0);
    }

    @Test
    void theFlatModelChargesEveryStepAndTheTableSaysSo() {
        String flat = table("costs flat 0.1%, perturb 0.1%");
        assertTrue(flat.contains("costs: flat 0.1% of wealth every step, closes perturbed by up to 0.1%; capital"), flat);
        // all cash still pays 0.1% a day: AR = 0.999^252 - 1 whatever the seed
        String ar = String.format(Locale.ROOT, "%.2f%%", 100 * (Math.pow(0.999, 252) - 1));
        assertTrue(flat.lines().anyMatch(l -> l.startsWith("hold") && l.contains(ar)), ar + " in\n" + flat);

        String proportional = table("costs fee 0.1%");
        assertTrue(proportional.contains("costs: fee 0.1%, slippage 0% of traded value; capital"), proportional);
        assertTrue(proportional.lines().anyMatch(l -> l.startsWith("hold") && l.contains("0.00%")), proportional);
    }
}
