package dev.strat.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top-level {@code strat} command; its subcommands are added by {@link Main}. */
@Command(name = "strat", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write, check, format and run .strat portfolio strategy programs.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 ok, 1 run failure or internal error, 2 user error (bad program, file or option).",
                "Run 'strat COMMAND --help' for a command's options, 'strat builtins' for the built-ins."})
public final class StratCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "On an internal error, print the full Java stack trace.")
    boolean stacktrace;

    @Override
    public Integer call() {
        // no command given: say what there is, as a usage error
        spec.commandLine().getErr().println("strat: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
