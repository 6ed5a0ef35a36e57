package dev.strat.lang.settings;

import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.data.DataRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** plan.yaml: written and read back unchanged; a misspelt key and a changed data file are caught. */
class PlanFileTest {

    private static ResolvedPlan plan(String text, List<ResolvedPlan.DataFile> data) {
        return new ResolvedPlan(ResolvedPlan.VERSION, "0.1.0", "e: one",
                new ResolvedPlan.Program("t.strat", "/p/t.strat", PlanFile.sha256(text), text),
                new ResolvedPlan.Options("/data", "/out", false, null, "fresh"), List.of(1L, 2L), data,
                new ResolvedPlan.Resolved("m", List.of("csv \"a.csv\""), List.of("A", "B"), "test start..end",
                        List.of(new ResolvedPlan.Strategy("s", "olmar(window=5, eps=10)")), List.of("sharpe"), 1e6,
                        "CostPlan[fee=0.001]", 0, 0.0, null, null, null));
    }

    @Test
    void theProgramTextSurvivesTheRoundTripExactly() {
        // trailing blanks, a tab, quotes, a colon, non-ASCII and no final newline: each has tripped YAML block styles
        for (String text : List.of("market m = csv(\"a.csv\")\nexperiment e on m { compare ucrp }\n",
                "a: b  \n\tx = 'q' # \"c\"\nπ ≈ 3\n\n\n", "no final newline", "  leading blanks\n", "")) {
            ResolvedPlan written = plan(text, List.of(new ResolvedPlan.DataFile("a.csv", "ab12")));
            String yaml = PlanFile.toYaml(written);
            PlanFile.Read read = PlanFile.parse(new Source("plan.yaml", yaml));
            assertTrue(read.diagnostics().isEmpty(), DiagnosticFormatter.formatAll(read.diagnostics()) + yaml);
            assertEquals(written, read.plan().orElseThrow(), yaml);
            assertEquals(text, read.plan().orElseThrow().program().text());
        }
    }

    @Test
    void theFileIsDeterministicAndReadable() {
        String yaml = PlanFile.toYaml(plan("market m = gbm\n", List.of()));
        assertEquals(yaml, PlanFile.toYaml(plan("market m = gbm\n", List.of())));
        assertTrue(yaml.startsWith("# The experiment as it ran"), yaml);
        assertTrue(yaml.contains("\n  text: |\n    market m = gbm\n"), yaml);
        assertTrue(yaml.contains("\nexperiment: \"e: one\"\n") || yaml.contains("\nexperiment: 'e: one'\n"), yaml);
        assertTrue(yaml.contains("  seed: null\n"), yaml);
    }

    @Test
    void anUnknownKeyIsALocatedErrorWithDidYouMean() {
        String yaml = PlanFile.toYaml(plan("x\n", List.of())).replace("\nseeds:", "\nseedz:");
        PlanFile.Read read = PlanFile.parse(new Source("out/e/plan.yaml", yaml));
        assertTrue(read.plan().isEmpty());
        String text = DiagnosticFormatter.formatAll(read.diagnostics());
        int line = (int) yaml.substring(0, yaml.indexOf("\nseedz:") + 1).lines().count() + 1;
        assertTrue(text.startsWith("out/e/plan.yaml:" + line + ":1: error: unknown key 'seedz' in plan.yaml"), text);
        assertTrue(text.contains("did you mean 'seeds'?"), text);

        // nested: a misspelt key inside options, and a value of the wrong type
        String nested = PlanFile.toYaml(plan("x\n", List.of())).replace("  out_given:", "  out_givn:");
        String nestedText = DiagnosticFormatter.formatAll(PlanFile.parse(new Source("p.yaml", nested)).diagnostics());
        assertTrue(nestedText.contains("unknown key 'out_givn'") && nestedText.contains("did you mean 'out_given'?"), nestedText);
        assertTrue(nestedText.contains("| out_givn:") || nestedText.contains("|   out_givn:"), nestedText);
        String typed = PlanFile.toYaml(plan("x\n", List.of())).replace("- 1\n", "- one\n");
        String typedText = DiagnosticFormatter.formatAll(PlanFile.parse(new Source("p.yaml", typed)).diagnostics());
        assertTrue(typedText.contains("bad value for 'seeds.[0]'") && typedText.contains("| seeds:"), typedText);
    }

    @Test
    void aPlanOfAnotherLayoutOrWithoutItsProgramIsRefused() {
        String newer = PlanFile.toYaml(plan("x\n", List.of())).replace("plan_version: 1", "plan_version: 9");
        assertTrue(DiagnosticFormatter.formatAll(PlanFile.parse(new Source("p.yaml", newer)).diagnostics())
                .contains("plan_version 9 is not one this strat reads (1)"));
        String bad = DiagnosticFormatter.formatAll(PlanFile.parse(new Source("p.yaml", "plan_version: 1\nexperiment: e\n")).diagnostics());
        assertTrue(bad.contains("lacks the experiment, program text or options"), bad);
        String syntax = DiagnosticFormatter.formatAll(PlanFile.parse(new Source("p.yaml", "seeds: [1,\n")).diagnostics());
        assertTrue(syntax.contains("p.yaml is not valid YAML"), syntax);
    }

    @Test
    void verifyFindsAChangedAndAMissingDataFile(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("a.csv"), "date,symbol,close\n");
        String hash = PlanFile.sha256("date,symbol,close\n");
        ResolvedPlan p = plan("x\n", List.of(new ResolvedPlan.DataFile("a.csv", hash)));
        DataRoot root = DataRoot.of(data, "test");
        assertTrue(PlanFile.verify(p, root).isEmpty());

        Files.writeString(data.resolve("a.csv"), "date,symbol,close\n2020-01-01,A,1\n");
        List<PlanFile.Mismatch> changed = PlanFile.verify(p, root);
        assertEquals(1, changed.size());
        assertEquals(hash, changed.get(0).expected());
        assertTrue(changed.get(0).describe().startsWith("data file a.csv changed since the plan ran"), changed.get(0).describe());

        Files.delete(data.resolve("a.csv"));
        PlanFile.Mismatch missing = PlanFile.verify(p, root).get(0);
        assertNull(missing.actual());
        assertTrue(missing.describe().startsWith("data file a.csv is missing"), missing.describe());
    }
}
