package dev.strat.cli;

import java.util.Optional;

/**
 * The command line over the fake engine and the test registry, so that repl-smoke.sh can check
 * itself before the real engine exists:
 * {@code STRAT_SMOKE_CMD="java -cp repl/target/strat.jar:repl/target/test-classes dev.strat.cli.FakeMain"}.
 */
public final class FakeMain {

    private FakeMain() {
    }

    public static void main(String[] args) {
        CliContext real = CliContext.system();
        FakeEngine engine = new FakeEngine();
        CliContext ctx = new CliContext(() -> Optional.of(engine), TestRegistry.registry(), real.env(), real.stratHome(),
                real.cwd(), real.stdout(), real.stderr(), real.probe(), real.terminals(), real.historyFile(), real.nanoClock());
        System.exit(Main.execute(ctx, args));
    }
}
