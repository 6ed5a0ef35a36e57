package dev.strat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code strat help [TOPIC]}: with no topic the command overview; with a command's name its usage;
 * otherwise the page of the built-in of that name (as {@code strat builtins NAME}).
 */
@Command(name = "help", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show help on a command or a built-in, e.g. 'strat help olmar'.")
public final class HelpCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TOPIC", description = "A command or a built-in.")
    String topic;

    public HelpCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        CommandLine parent = spec.parent().commandLine();
        if (topic == null) {
            parent.usage(spec.commandLine().getOut());
            return 0;
        }
        CommandLine sub = parent.getSubcommands().get(topic);
        if (sub != null) {
            sub.usage(spec.commandLine().getOut());
            return 0;
        }
        return BuiltinsCommand.print(ctx, spec.commandLine().getOut(), spec.commandLine().getErr(), topic);
    }
}
