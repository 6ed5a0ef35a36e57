package dev.strat.cli;

import dev.strat.cli.repl.Repl;
import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code strat repl}: an interactive session whose definitions persist across entries. */
@Command(name = "repl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start an interactive session for declarations and backtests.")
public final class ReplCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    SessionOptions options = new SessionOptions();

    @Option(names = "--history", paramLabel = "FILE", hidden = true,
            description = "History file (default: ~/.strat_history, or the strat.history system property).")
    Path history;

    public ReplCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        RunOptions runOptions = options.toRunOptions(ctx, ctx.cwd());
        Session session = ctx.engine().openSession(runOptions);
        Path historyFile = history != null ? ctx.cwd().resolve(history) : ctx.historyFile();
        try (var terminal = ctx.terminals().open()) {
            new Repl(terminal, session, ctx.registry(), historyFile, ctx.cwd(), runOptions.dataRoot(), ctx.nanoClock()).run();
        }
        return 0;
    }
}
