package dev.strat.lang.run;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.lang.settings.PlanFile;
import dev.strat.lang.settings.ResolvedPlan;
import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every result folder gets a plan.yaml; a run can be narrowed to the one experiment a plan names. */
class PlanYamlRunTest {

    @TempDir
    Path dir;

    private static final String PROGRAM = """
            market m = csv("tiny.csv.gz")
            costs fee 0.1%
            strategy fast = olmar(window=5)
            experiment one on m {
                compare ucrp, fast
                seeds 2
            }
            experiment two on m { compare bah }
            """;

    private Path data() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        StringBuilder csv = new StringBuilder("date,symbol,open,high,low,close,volume\n");
        java.time.LocalDate d = java.time.LocalDate.of(2020, 1, 1);
        for (int k = 0; k < 300; k++, d = d.plusDays(1)) {
            csv.append(d).append(",A,1,1,1,").append(1 + 0.001 * k + 0.01 * Math.sin(k)).append(",100\n");
            csv.append(d).append(",B,1,1,1,").append(1 + 0.002 * Math.cos(k / 7.0)).append(",100\n");
        }
        try (var gz = new GZIPOutputStream(Files.newOutputStream(data.resolve("tiny.csv.gz")))) {
            gz.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return data;
    }

    private RunOutcome run(RunOptions options) {
        RunOutcome outcome = new Interpreter().run(new Source("t.strat", PROGRAM), options, ProgressListener.NONE);
        return outcome;
    }

    @Test
    void eachResultFolderGetsItsResolvedPlan() throws Exception {
        Path data = data();
        Path out = dir.resolve("out");
        RunOutcome outcome = run(new RunOptions(data, out, OptionalLong.of(11), dir));
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        assertTrue(outcome.artefacts().contains(out.resolve("one").resolve(PlanFile.NAME)), outcome.artefacts().toString());
        assertTrue(outcome.artefacts().contains(out.resolve("two").resolve(PlanFile.NAME)), outcome.artefacts().toString());

        ResolvedPlan plan = PlanFile.read(out.resolve("one/plan.yaml"), "plan.yaml").plan().orElseThrow();
        assertEquals("one", plan.experiment());
        assertEquals(PROGRAM, plan.program().text());
        assertEquals(dir.resolve("t.strat").toString(), plan.program().path());
        assertEquals(List.of(11L, 12L), plan.seeds());
        assertEquals(11L, plan.options().seed());
        assertEquals("fresh", plan.options().training());
        assertEquals(data.toString(), plan.options().dataRoot());
        assertEquals(List.of("tiny.csv.gz"), plan.data().stream().map(ResolvedPlan.DataFile::file).toList());
        // the same hash results.json records
        String json = Files.readString(out.resolve("one/results.json"));
        assertTrue(json.contains(plan.data().get(0).sha256()), json);
        // defaults made explicit: olmar's eps, the default metrics, the capital
        assertTrue(plan.resolved().strategies().get(1).pipeline().startsWith("olmar(window=5, eps="),
                plan.resolved().strategies().toString());
        assertTrue(plan.resolved().metrics().contains("sharpe"));
        assertEquals(1_000_000.0, plan.resolved().capital());
        assertEquals("two", PlanFile.read(out.resolve("two/plan.yaml"), "p").plan().orElseThrow().experiment());
    }

    @Test
    void aRunNarrowedToOneExperimentRunsOnlyIt() throws Exception {
        Path data = data();
        Path out = dir.resolve("out");
        RunOutcome outcome = run(new RunOptions(data, out, OptionalLong.empty(), dir).onlyExperiment("two"));
        assertEquals(0, outcome.exitCode(), DiagnosticFormatter.formatAll(outcome.diagnostics()) + outcome.failure());
        assertEquals(1, outcome.tables().size());
        assertTrue(Files.exists(out.resolve("two/summary.csv")));
        assertFalse(Files.exists(out.resolve("one")));

        RunOutcome missing = run(new RunOptions(data, out, OptionalLong.empty(), dir).onlyExperiment("three"));
        assertEquals(2, missing.exitCode());
        String shown = DiagnosticFormatter.formatAll(missing.diagnostics());
        assertTrue(shown.contains("error: the program has no experiment 'three'"), shown);
        assertTrue(shown.contains("its experiments: one, two"), shown);
    }
}
