package dev.strat.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code strat builtins [NAME]}: the built-ins by kind, or one built-in's page, as {@code :help} shows them. */
@Command(name = "builtins", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the built-ins (allocators, agents, models, risk stages...) or describe one.")
public final class BuiltinsCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A built-in to describe.")
    String name;

    public BuiltinsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return print(ctx, spec.commandLine().getOut(), spec.commandLine().getErr(), name);
    }

    /** Prints the listing (null name) or a page; an unknown name goes to {@code err} with exit 2. */
    static int print(CliContext ctx, PrintWriter out, PrintWriter err, String name) {
        BuiltinHelp help = new BuiltinHelp(ctx.registry());
        if (name == null) {
            out.print(help.listing());
            out.flush();
            return 0;
        }
        BuiltinHelp.Lookup lookup = help.describe(name);
        if (!lookup.found()) {
            err.print("strat: " + lookup.text());
            err.flush();
            return 2;
        }
        out.print(lookup.text());
        out.flush();
        return 0;
    }
}
