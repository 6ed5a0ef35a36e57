package dev.strat.cli;

import dev.strat.lang.Interpreter;
import dev.strat.lang.api.StratEngine;
import dev.strat.stdlib.StandardLibrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * strat.yaml and plan.yaml through the real command line and engine: the order of settings, what
 * {@code strat config} prints, located errors, and {@code strat run out/<experiment>/plan.yaml}
 * reproducing {@code summary.csv} byte for byte.
 */
class ProjectSettingsTest {

    @TempDir
    Path root;

    Map<String, String> env = Map.of();
    String out = "";
    String err = "";

    private int strat(Path cwd, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        Optional<StratEngine> engine = Optional.of(new Interpreter());
        CliContext ctx = new CliContext(() -> engine, StandardLibrary.registry(), env, Optional.empty(), cwd,
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                TerminalProbe.NONE, () -> { throw new IllegalStateException("no terminal"); }, cwd.resolve("history"), System::nanoTime);
        int code = Main.execute(ctx, args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path data;

    @BeforeEach
    void project() throws Exception {
        data = Files.createDirectories(root.resolve("proj/data"));
        writeData(0);
        Files.createDirectories(root.resolve("proj/sub"));
        Files.writeString(root.resolve("proj/sub/t.strat"), """
                market m = csv("tiny.csv")
                costs fee 0.1%
                strategy fast = olmar(window=5) | constrain(max_weight=60%)
                experiment e on m {
                    compare ucrp, fast, eg(eta=0.05)
                    seeds 2
                }
                experiment other on m { compare bah }
                """);
    }

    /** Two assets over 300 days; {@code bump} changes one price, so the file's hash and numbers change. */
    private void writeData(double bump) throws Exception {
        StringBuilder csv = new StringBuilder("date,symbol,open,high,low,close,volume\n");
        java.time.LocalDate d = java.time.LocalDate.of(2020, 1, 1);
        for (int k = 0; k < 300; k++, d = d.plusDays(1)) {
            csv.append(d).append(",A,1,1,1,").append(1 + 0.001 * k + 0.01 * Math.sin(k) + (k == 150 ? bump : 0)).append(",100\n");
            csv.append(d).append(",B,1,1,1,").append(1 + 0.002 * Math.cos(k / 7.0)).append(",100\n");
        }
        Files.writeString(data.resolve("tiny.csv"), csv);
    }

    private String line(String key) {
        return out.lines().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow(() -> new AssertionError(key + " in\n" + out));
    }

    @Test
    void configSaysWhereEverySettingCameFrom() throws Exception {
        Path proj = root.resolve("proj");
        Files.writeString(proj.resolve("strat.yaml"), "data: data\nout: results\nseed: 5\nquiet: true\n");
        assertEquals(0, strat(proj, "config", "sub/t.strat"), err);
        assertTrue(line("settings").endsWith(proj.resolve("strat.yaml").toString()), out);
        assertTrue(line("data").matches("data +" + java.util.regex.Pattern.quote(data.toString()) + " +from data in strat.yaml:1:7"), out);
        assertTrue(line("out").endsWith("from strat.yaml:2:6") && line("out").contains(proj.resolve("results").toString()), out);
        assertTrue(line("seed").matches("seed +5 +from strat.yaml:3:7"), out);
        assertTrue(line("quiet").matches("quiet +true +from strat.yaml:4:8"), out);
        assertTrue(line("progress").matches("progress +true +from default"), out);

        // the environment wins over strat.yaml for the data folder; flags win over both
        env = Map.of("STRAT_DATA", root.toString());
        assertEquals(0, strat(proj, "config", "sub/t.strat"), err);
        assertTrue(line("data").endsWith("from STRAT_DATA"), out);
        assertEquals(0, strat(proj, "config", "sub/t.strat", "--data", "x", "--out", "o", "--seed", "9", "--no-progress"), err);
        assertTrue(line("data").endsWith("from --data") && line("out").endsWith("from --out"), out);
        assertTrue(line("seed").matches("seed +9 +from --seed") && line("progress").matches("progress +false +from --no-progress"), out);

        // found by walking up from the program's folder, not from the current one
        env = Map.of();
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        assertEquals(0, strat(elsewhere, "config", proj.resolve("sub/t.strat").toString()), err);
        // outside the current folder the file is named in full
        assertTrue(line("seed").endsWith("from " + proj.resolve("strat.yaml") + ":3:7"), out);
        assertEquals(0, strat(elsewhere, "config"), err);
        assertTrue(line("settings").contains("no strat.yaml found") && line("seed").contains("default"), out);
    }

    @Test
    void aBadSettingsFileIsALocatedErrorThroughTheFormatter() throws Exception {
        Path proj = root.resolve("proj");
        Files.writeString(proj.resolve("strat.yaml"), "data: data\nsede: 5\nquiet: yes please\n");
        assertEquals(2, strat(proj, "run", "sub/t.strat"));
        assertTrue(err.contains("strat.yaml:2:1: error: unknown setting 'sede' in strat.yaml"), err);
        assertTrue(err.contains("= did you mean 'seed'?"), err);
        assertTrue(err.contains("strat.yaml:3:8: error: 'quiet' must be true or false, not the text \"yes please\""), err);
        assertTrue(err.contains("2 errors"), err);
        assertFalse(err.contains("internal error") || err.contains("Exception"), err);
        assertFalse(Files.exists(proj.resolve("out")));
        assertEquals(2, strat(proj, "config"));
        assertTrue(err.contains("unknown setting 'sede'"), err);
    }

    @Test
    void runTakesDataOutAndSeedFromStratYaml() throws Exception {
        Path proj = root.resolve("proj");
        Files.writeString(proj.resolve("strat.yaml"), "data: data\nout: results\nseed: 40\nprogress: false\n");
        assertEquals(0, strat(proj, "run", "sub/t.strat"), err);
        String summary = Files.readString(proj.resolve("results/e/summary.csv"));
        assertTrue(summary.startsWith("strategy,label,metric,mean,std,seed_40,seed_41\n"), summary);
        assertTrue(Files.readString(proj.resolve("results/e/plan.yaml")).contains("\n  seed: 40\n"));

        // quiet in strat.yaml: tables only, no list of files written; it holds for a plan's rerun too
        Files.writeString(proj.resolve("strat.yaml"), "data: data\nquiet: true\n");
        assertEquals(0, strat(proj, "run", "sub/t.strat", "--out", "q"), err);
        assertFalse(out.contains("results:"), out);
        assertTrue(out.contains("ucrp"), out);
        assertEquals(0, strat(proj, "run", "q/e/plan.yaml", "--out", "q2"), err);
        assertFalse(out.contains("results:") || err.contains("warning"), out + err);
    }

    @Test
    void rerunningAPlanReproducesTheSummaryByteForByte() throws Exception {
        Path proj = root.resolve("proj");
        assertEquals(0, strat(proj, "run", "--no-progress", "sub/t.strat", "--data", "data", "--out", "first", "--seed", "7"), err);
        Path plan = proj.resolve("first/e/plan.yaml");
        assertTrue(Files.exists(plan), out);
        assertTrue(out.contains("plan.yaml"), out);

        // from another folder, with no --data or --seed: the plan carries them
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        assertEquals(0, strat(elsewhere, "run", "--no-progress", plan.toString(), "--out", "again"), err);
        byte[] first = Files.readAllBytes(proj.resolve("first/e/summary.csv"));
        byte[] again = Files.readAllBytes(elsewhere.resolve("again/e/summary.csv"));
        assertArrayEquals(first, again, new String(again, StandardCharsets.UTF_8));
        assertTrue(new String(again, StandardCharsets.UTF_8).contains(",seed_7,seed_8\n"));
        assertArrayEquals(Files.readAllBytes(proj.resolve("first/e/equity.csv")), Files.readAllBytes(elsewhere.resolve("again/e/equity.csv")));
        // only the plan's experiment ran
        assertFalse(Files.exists(elsewhere.resolve("again/other")));
        assertEquals(1, out.lines().filter(l -> l.startsWith("results:")).count(), out);
    }

    @Test
    void experimentRunsOnlyTheNamedExperimentAndAnUnknownNameIsALocatedUserError() throws Exception {
        Path proj = root.resolve("proj");
        assertEquals(0, strat(proj, "run", "--no-progress", "sub/t.strat", "--data", "data", "--out", "one", "--experiment", "other"), err);
        assertTrue(Files.exists(proj.resolve("one/other/summary.csv")), out);
        assertFalse(Files.exists(proj.resolve("one/e")), out);
        assertEquals(1, out.lines().filter(l -> l.startsWith("results:")).count(), out);

        assertEquals(2, strat(proj, "run", "--no-progress", "sub/t.strat", "--data", "data", "--out", "two", "--experiment", "othr"));
        assertTrue(err.contains("t.strat:4:1: error: the program has no experiment 'othr'"), err);
        assertTrue(err.contains("did you mean 'other'? its experiments: e, other"), err);
        assertFalse(Files.exists(proj.resolve("two")), out);

        // a plan.yaml names its one experiment already
        assertEquals(0, strat(proj, "run", "--no-progress", "sub/t.strat", "--data", "data", "--out", "three"), err);
        assertEquals(2, strat(proj, "run", "three/e/plan.yaml", "--experiment", "other"));
        assertTrue(err.contains("--experiment picks from a .strat file"), err);
    }

    @Test
    void aChangedDataFileStopsTheRerunUnlessForced() throws Exception {
        Path proj = root.resolve("proj");
        assertEquals(0, strat(proj, "run", "--no-progress", "sub/t.strat", "--data", "data", "--out", "first"), err);
        byte[] before = Files.readAllBytes(proj.resolve("first/e/summary.csv"));
        writeData(0.5);

        assertEquals(2, strat(proj, "run", "--no-progress", "first/e/plan.yaml", "--out", "again"));
        assertTrue(err.startsWith("strat: first/e/plan.yaml cannot be reproduced: data file tiny.csv changed since the plan ran"), err);
        assertTrue(err.contains("rerun with --force"), err);
        assertFalse(Files.exists(proj.resolve("again")));

        assertEquals(0, strat(proj, "run", "--no-progress", "--force", "first/e/plan.yaml", "--out", "again"), err);
        assertTrue(err.contains("warning: data file tiny.csv changed since the plan ran"), err);
        assertFalse(Arrays.equals(before, Files.readAllBytes(proj.resolve("again/e/summary.csv"))), "the data changed, so must the numbers");

        Files.delete(data.resolve("tiny.csv"));
        assertEquals(2, strat(proj, "run", "first/e/plan.yaml"));
        assertTrue(err.contains("data file tiny.csv is missing"), err);
    }

    @Test
    void aMalformedPlanOrASettingsFileGivenAsAPlanIsAUserError() throws Exception {
        Path proj = root.resolve("proj");
        Files.writeString(proj.resolve("strat.yaml"), "seed: 1\n");
        assertEquals(2, strat(proj, "run", "strat.yaml"));
        assertTrue(err.contains("holds project settings, not a plan"), err);
        Files.writeString(proj.resolve("p.yaml"), "plan_version: 1\nexperimnt: e\n");
        assertEquals(2, strat(proj, "run", "p.yaml"));
        assertTrue(err.startsWith("p.yaml:2:1: error: unknown key 'experimnt' in plan.yaml"), err);
        assertTrue(err.contains("did you mean 'experiment'?"), err);
        assertEquals(2, strat(proj, "run", "missing.yaml"));
        assertTrue(err.contains("cannot read 'missing.yaml': no such file"), err);
    }
}
