package dev.strat.cli;

import dev.strat.lang.api.StratEngine;
import dev.strat.stdlib.Registry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Runs the command line in a temporary directory with a fake engine and captured output. */
final class CliRunner {

    final Path cwd;
    final FakeEngine engine = new FakeEngine();
    boolean withEngine = true;
    Map<String, String> env = Map.of();
    Optional<String> home = Optional.empty();
    Registry registry = TestRegistry.registry();
    CliContext.TerminalFactory terminals = () -> { throw new IllegalStateException("no terminal in this test"); };

    String out = "";
    String err = "";

    CliRunner(Path cwd) {
        this.cwd = cwd;
    }

    int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8), pe = new PrintStream(e, true, StandardCharsets.UTF_8);
        Optional<StratEngine> found = withEngine ? Optional.of(engine) : Optional.empty();
        CliContext ctx = new CliContext(() -> found, registry, env, home, cwd, po, pe, TerminalProbe.NONE,
                terminals, cwd.resolve("history"), System::nanoTime);
        int code = Main.execute(ctx, args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }
}
