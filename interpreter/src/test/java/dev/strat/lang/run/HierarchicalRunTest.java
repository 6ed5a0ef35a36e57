package dev.strat.lang.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.data.DataRoot;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.pipeline.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HC-DRL paper's pool written in one line runs on hourly crypto: two HRP and two HERC models
 * with CDaR, compared over a short range of {@code crypto_hourly}.
 */
class HierarchicalRunTest {

    @TempDir
    Path out;

    @Test
    void aPoolOfHrpAndHercModelsComparesOnHourlyCrypto() {
        Path repo = Path.of(System.getProperty("strat.repo.root", ".."));
        DataRoot root = DataRoot.resolve(null, Map.of(), repo);
        Assumptions.assumeTrue(Files.isRegularFile(root.dir().resolve("crypto_hourly.csv.gz")), "shared data not present");
        String text = """
                market crypto = csv("crypto_hourly.csv.gz", freq=1h)
                costs fee 0.1%
                models hc = [hrp(window=w, risk=cdar) for w in [30, 50]] + [herc(window=w, risk=cdar) for w in [30, 50]]
                experiment e on crypto split train 2021-01-01..2021-01-10, test 2021-01-11..2021-01-20 {
                    compare hc, ucrp
                    seeds 1
                    metrics ar, sharpe, mdd, turnover
                }
                """;
        RunOutcome o = new Interpreter().run(new Source("hc.strat", text),
                new RunOptions(root.dir(), out, OptionalLong.empty(), Path.of(""), TrainContext.Mode.FRESH), ProgressListener.NONE);
        assertEquals(0, o.exitCode(), DiagnosticFormatter.formatAll(o.diagnostics()) + o.failure());
        String table = o.tables().get(0);
        for (String member : new String[] {"hrp(window=30", "hrp(window=50", "herc(window=30", "herc(window=50"}) {
            assertTrue(table.contains(member), member + " missing from\n" + table);
        }
        assertNotEquals(row(table, "hrp(window=30"), row(table, "herc(window=30"), "HRP and HERC trade differently");
        assertNotEquals(row(table, "hrp(window=30"), row(table, "ucrp"), "HRP is not equal weight");
    }

    /** The numbers of the first table row whose name starts with {@code prefix}. */
    private static String row(String table, String prefix) {
        return table.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(l.indexOf(')') + 1).trim().replaceAll("\\s+", " "))
                .orElseThrow(() -> new AssertionError(prefix + " not in\n" + table));
    }
}
