package dev.strat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir);
    }

    private void file(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void runPrintsTablesAndArtefactsAndExitsZero() throws Exception {
        file("ok.strat", "strategy fast = olmar(window=5)\n");
        CliRunner cli = cli();
        assertEquals(0, cli.run("run", "ok.strat", "--seed", "42", "--data", "data"));
        assertTrue(cli.out.contains("fast  ar 12.4%  mdd 18.1%"), cli.out);
        assertTrue(cli.out.contains("report:  out/cmp/index.html"), cli.out);
        assertTrue(cli.out.contains("results: out/cmp/ (metrics.csv"), cli.out);
        assertEquals("", cli.err);
        assertEquals(OptionalLong.of(42), cli.engine.lastOptions.seed());
        assertEquals(dir.resolve("data"), cli.engine.lastOptions.dataRoot());
        assertEquals(dir.resolve("out"), cli.engine.lastOptions.outDir());
        assertEquals(dir, cli.engine.lastOptions.baseDir());
        assertTrue(Files.exists(dir.resolve("out/cmp/index.html")));
    }

    @Test
    void aFileThatRunsNothingSaysSo() throws Exception {
        // before the fix both printed nothing at all
        file("empty.strat", "\n# nothing\n");
        CliRunner cli = cli();
        assertEquals(0, cli.run("run", "empty.strat", "--no-progress"));
        assertEquals("nothing ran: empty.strat is empty\n", cli.out);
        file("defs.strat", "# defs only\nstrategy s = ucrp\n");
        assertEquals(0, cli.run("run", "defs.strat", "-q"));
        assertTrue(cli.out.startsWith("nothing ran: defs.strat has no experiment or backtest, only definitions"), cli.out);
    }

    @Test
    void runWithErrorsPrintsDiagnosticsAndExitsTwo() throws Exception {
        file("bad.strat", "strategy s = olmr(window=5)\n");
        CliRunner cli = cli();
        assertEquals(2, cli.run("run", "bad.strat"));
        assertEquals("""
                bad.strat:1:14: error: unknown built-in 'olmr'
                    1 | strategy s = olmr(window=5)
                      |              ^~~~
                      = did you mean 'olmar'?
                1 error
                """, cli.err);
        assertEquals("", cli.out);
    }

    @Test
    void runFailureExitsOneWithMessage() throws Exception {
        file("fail.strat", "# FAIL\n");
        CliRunner cli = cli();
        assertEquals(1, cli.run("run", "fail.strat", "--no-progress"));
        assertTrue(cli.err.contains("strat: run failed: market 'us' has no prices in the test period"), cli.err);
    }

    @Test
    void runWarningsFromProgressGoToStderr() throws Exception {
        file("ok.strat", "x ~warn\n");
        CliRunner cli = cli();
        cli.engine.warningsToSend.add("3 missing closes filled forward");
        assertEquals(0, cli.run("run", "ok.strat"));
        assertTrue(cli.err.contains("warning: 3 missing closes filled forward\n"), cli.err);
        assertTrue(cli.err.contains("warning: this is only a warning"), cli.err);
        assertTrue(cli.err.endsWith("1 warning\n"), cli.err);
    }

    @Test
    void quietRunPrintsOnlyTables() throws Exception {
        file("ok.strat", "x ~warn\n");
        CliRunner cli = cli();
        cli.engine.warningsToSend.add("dropped");
        assertEquals(0, cli.run("run", "-q", "ok.strat"));
        assertEquals("", cli.err);
        assertEquals("experiment cmp\n  fast  ar 12.4%  mdd 18.1%\n", cli.out);
    }

    @Test
    void missingFileIsAUserErrorWithoutStackTrace() {
        CliRunner cli = cli();
        assertEquals(2, cli.run("run", "nope.strat"));
        assertEquals("strat: cannot read 'nope.strat': no such file\n", cli.err);
    }

    @Test
    void directoryIsAUserError() throws Exception {
        Files.createDirectory(dir.resolve("d.strat"));
        CliRunner cli = cli();
        assertEquals(2, cli.run("run", "d.strat"));
        assertEquals("strat: cannot read 'd.strat': it is a directory\n", cli.err);
    }

    @Test
    void invalidUtf8IsAUserError() throws Exception {
        Files.write(dir.resolve("bin.strat"), new byte[] {'a', (byte) 0xC3, (byte) 0x28});
        CliRunner cli = cli();
        assertEquals(2, cli.run("check", "bin.strat"));
        assertTrue(cli.err.contains("cannot read 'bin.strat': not UTF-8 text"), cli.err);
    }

    @Test
    void unknownOptionAndSubcommandExitTwoWithUsage() {
        CliRunner cli = cli();
        assertEquals(2, cli.run("run", "--bogus", "x.strat"));
        assertTrue(cli.err.contains("Unknown option: '--bogus'"), cli.err);
        assertTrue(cli.err.contains("Usage: strat run"), cli.err);

        assertEquals(2, cli.run("chek", "a.strat"));
        assertTrue(cli.err.contains("Unmatched arguments from index 0: 'chek', 'a.strat'"), cli.err);
        assertTrue(cli.err.contains("Did you mean: strat check"), cli.err);
        assertTrue(cli.err.contains("Usage: strat"), cli.err);
    }

    @Test
    void noCommandIsAUsageError() {
        CliRunner cli = cli();
        assertEquals(2, cli.run());
        assertTrue(cli.err.contains("strat: missing command"), cli.err);
        assertTrue(cli.err.contains("Commands:"), cli.err);
    }

    @Test
    void badSeedIsAUsageError() throws Exception {
        file("ok.strat", "x\n");
        CliRunner cli = cli();
        assertEquals(2, cli.run("run", "ok.strat", "--seed", "abc"));
        assertTrue(cli.err.contains("--seed"), cli.err);
    }

    @Test
    void internalErrorIsOneLineUnlessStacktraceAsked() throws Exception {
        file("boom.strat", "BOOM\n");
        CliRunner cli = cli();
        assertEquals(1, cli.run("run", "boom.strat"));
        assertEquals("strat: internal error: IllegalStateException: planner exploded\n"
                + "(run again with --stacktrace for details)\n", cli.err);

        assertEquals(1, cli.run("run", "--stacktrace", "boom.strat"));
        assertTrue(cli.err.contains("at dev.strat.cli.FakeEngine.run"), cli.err);
        assertEquals(1, cli.run("--stacktrace", "run", "boom.strat"));
        assertTrue(cli.err.contains("at dev.strat.cli.FakeEngine.run"), cli.err);
    }

    @Test
    void missingEngineIsAnInternalError() throws Exception {
        file("ok.strat", "x\n");
        CliRunner cli = cli();
        cli.withEngine = false;
        assertEquals(1, cli.run("run", "ok.strat"));
        assertTrue(cli.err.startsWith("strat: internal error: no strat language engine is registered"), cli.err);
        // help and built-ins need no engine
        assertEquals(0, cli.run("builtins"));
    }

    @Test
    void helpAndVersionOnEveryCommand() {
        CliRunner cli = cli();
        assertEquals(0, cli.run("--help"));
        for (String c : new String[] {"run", "check", "fmt", "repl", "builtins", "help"}) {
            assertTrue(cli.out.contains(c), c);
        }
        assertEquals(0, cli.run("check", "--help"));
        assertTrue(cli.out.startsWith("Usage: strat check"), cli.out);
        assertEquals(0, cli.run("--version"));
        assertTrue(cli.out.startsWith("strat "), cli.out);
        assertFalse(cli.out.contains("unknown"), "version resource filtered: " + cli.out);
        assertEquals(0, cli.run("fmt", "--version"));
        assertTrue(cli.out.startsWith("strat "), cli.out);
    }

    @Test
    void checkReportsEachFile() throws Exception {
        file("a.strat", "strategy a = olmar\n");
        file("b.strat", "strategy b = olmr\n");
        file("c.strat", "strategy c = ucrp ~warn\n");
        CliRunner cli = cli();
        assertEquals(2, cli.run("check", "a.strat", "b.strat", "c.strat", "missing.strat"));
        assertEquals("a.strat: ok\nc.strat: ok (1 warning)\n", cli.out);
        assertTrue(cli.err.contains("strat: cannot read 'missing.strat': no such file"), cli.err);
        assertTrue(cli.err.contains("b.strat:1:14: error: unknown built-in 'olmr'"), cli.err);
        assertTrue(cli.err.contains("1 error, 1 warning"), cli.err);

        assertEquals(0, cli.run("check", "a.strat", "c.strat"));
    }

    @Test
    void fmtPrintsCanonicalText() throws Exception {
        file("a.strat", "strategy  a =   olmar   \n");
        CliRunner cli = cli();
        assertEquals(0, cli.run("fmt", "a.strat"));
        assertEquals("strategy a = olmar\n", cli.out);
        assertEquals("strategy  a =   olmar   \n", Files.readString(dir.resolve("a.strat")));
    }

    @Test
    void fmtCheckListsFilesThatWouldChange() throws Exception {
        file("messy.strat", "strategy  a = olmar\n");
        file("clean.strat", "strategy a = olmar\n");
        CliRunner cli = cli();
        assertEquals(1, cli.run("fmt", "--check", "messy.strat", "clean.strat"));
        assertEquals("messy.strat: not formatted\n", cli.out);
        assertTrue(cli.err.contains("1 file needs formatting"), cli.err);
        assertEquals("strategy  a = olmar\n", Files.readString(dir.resolve("messy.strat")));

        assertEquals(0, cli.run("fmt", "--check", "clean.strat"));
        assertEquals("", cli.out);
    }

    @Test
    void fmtWriteRewritesOnlyChangedFiles() throws Exception {
        file("messy.strat", "strategy  a = olmar\n");
        file("clean.strat", "strategy a = olmar\n");
        Path clean = dir.resolve("clean.strat");
        var before = Files.getLastModifiedTime(clean);
        Files.setLastModifiedTime(clean, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() - 60_000));
        var old = Files.getLastModifiedTime(clean);
        CliRunner cli = cli();
        assertEquals(0, cli.run("fmt", "-w", "messy.strat", "clean.strat"));
        assertEquals("messy.strat: formatted\n", cli.out);
        assertEquals("strategy a = olmar\n", Files.readString(dir.resolve("messy.strat")));
        assertEquals(old, Files.getLastModifiedTime(clean));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temp file left behind");
        }
    }

    @Test
    void fmtSyntaxErrorExitsTwo() throws Exception {
        file("bad.strat", "strategy {{\n");
        CliRunner cli = cli();
        assertEquals(2, cli.run("fmt", "--check", "bad.strat"));
        assertTrue(cli.err.contains("bad.strat:1:10: error: expected a name"), cli.err);
    }

    @Test
    void fmtWriteAndCheckTogetherIsAUsageError() throws Exception {
        file("a.strat", "x\n");
        CliRunner cli = cli();
        assertEquals(2, cli.run("fmt", "--write", "--check", "a.strat"));
        assertTrue(cli.err.contains("--write and --check cannot be used together"), cli.err);
    }

    @Test
    void builtinsListsAndDescribes() {
        CliRunner cli = cli();
        assertEquals(0, cli.run("builtins"));
        assertTrue(cli.out.contains("allocators\n  olmar      On-line moving average reversion\n"), cli.out);
        assertEquals(0, cli.run("builtins", "olmar"));
        assertEquals(new BuiltinHelp(TestRegistry.registry()).describe(TestRegistry.olmar()), cli.out);
        assertEquals(0, cli.run("help", "olmar"));
        assertEquals(new BuiltinHelp(TestRegistry.registry()).describe(TestRegistry.olmar()), cli.out);
        assertEquals(2, cli.run("builtins", "olmr"));
        assertEquals("strat: unknown built-in 'olmr'; did you mean 'olmar'?\n", cli.err);
        assertEquals(2, cli.run("help", "olmr"));
        assertEquals("strat: unknown built-in 'olmr'; did you mean 'olmar'?\n", cli.err);
    }

    @Test
    void helpOnACommandShowsItsUsage() {
        CliRunner cli = cli();
        assertEquals(0, cli.run("help", "fmt"));
        assertTrue(cli.out.startsWith("Usage: strat fmt"), cli.out);
        assertEquals(0, cli.run("help"));
        assertTrue(cli.out.startsWith("Usage: strat"), cli.out);
    }

    @Test
    void dataRootComesFromEnvironmentThenHome() throws Exception {
        file("ok.strat", "x\n");
        CliRunner cli = cli();
        cli.env = java.util.Map.of("STRAT_DATA", "/srv/data");
        assertEquals(0, cli.run("run", "ok.strat"));
        assertEquals(Path.of("/srv/data"), cli.engine.lastOptions.dataRoot());
        cli.env = java.util.Map.of();
        cli.home = java.util.Optional.of("/opt/strat");
        assertEquals(0, cli.run("run", "ok.strat", "--out", "results"));
        assertEquals(Path.of("/opt/shared/data"), cli.engine.lastOptions.dataRoot());
        assertTrue(cli.out.contains("report:  results/cmp/index.html"), cli.out);
    }

    @Test
    void replCommandOpensASessionWithTheOptions() throws Exception {
        CliRunner cli = cli();
        java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
        cli.terminals = () -> new org.jline.terminal.impl.DumbTerminal("test", org.jline.terminal.Terminal.TYPE_DUMB,
                new java.io.ByteArrayInputStream("strategy a = ucrp\n:quit\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                screen, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, cli.run("repl", "--seed", "7", "--data", "d", "--history", "h"));
        assertEquals(OptionalLong.of(7), cli.engine.lastOptions.seed());
        assertEquals(dir.resolve("d"), cli.engine.lastOptions.dataRoot());
        assertTrue(screen.toString(java.nio.charset.StandardCharsets.UTF_8).contains("defined strategy a"));
        assertTrue(Files.readString(dir.resolve("h")).contains("strategy a = ucrp"));
    }
}
