package dev.strat.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Function;

/**
 * The entry point of the {@code strat} command line. Builds the picocli command tree over a
 * {@link CliContext} and maps outcomes to exit codes: 0 ok, 1 run failure or internal error,
 * 2 user error (bad option, unreadable file, program with errors).
 */
public final class Main {

    /**
     * The subcommands, in the order {@code --help} lists them. A new command is one more entry
     * here: a class annotated with {@code @Command} built from the context.
     */
    static final List<Function<CliContext, Object>> SUBCOMMANDS = List.of(
            RunCommand::new,
            TrainCommand::new,
            CheckCommand::new,
            FmtCommand::new,
            ConfigCommand::new,
            ReplCommand::new,
            BuiltinsCommand::new,
            BenchCommand::new,
            HelpCommand::new);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(CliContext.system(), args));
    }

    /** Runs the command line in {@code ctx} and returns the exit code. */
    public static int execute(CliContext ctx, String... args) {
        return commandLine(ctx).execute(args);
    }

    /** The command tree, its streams set to the context's and its exit-code mapping. */
    public static CommandLine commandLine(CliContext ctx) {
        return commandLine(ctx, SUBCOMMANDS);
    }

    /** The command tree with the given subcommands (the lead's tools may add their own). */
    public static CommandLine commandLine(CliContext ctx, List<Function<CliContext, Object>> subcommands) {
        CommandLine cl = new CommandLine(new StratCommand());
        for (Function<CliContext, Object> sub : subcommands) cl.addSubcommand(sub.apply(ctx));
        cl.setOut(writer(ctx.stdout()));
        cl.setErr(writer(ctx.stderr()));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException || e instanceof UserError
                || e instanceof DiagnosticsError ? 2 : 1);
        cl.setExecutionExceptionHandler(Main::handleExecutionException);
        cl.setParameterExceptionHandler(Main::handleParameterException);
        return cl;
    }

    /** A bad option or argument: picocli's message, its "did you mean", the usage; exit 2. */
    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        cl.usage(err, cl.getColorScheme());
        err.flush();
        return 2;
    }

    /**
     * A user error is one line and exit 2; anything else is an internal error: one line, exit 1,
     * and the stack trace only with {@code --stacktrace}.
     */
    private static int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof DiagnosticsError) {
            err.print(e.getMessage());
            err.flush();
            return 2;
        }
        if (e instanceof UserError) {
            err.println("strat: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (e instanceof InternalError) {
            err.println("strat: internal error: " + e.getMessage());
        } else {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            err.println("strat: internal error: " + message);
        }
        if (stacktraceRequested(parsed)) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --stacktrace for details)");
        }
        err.flush();
        return 1;
    }

    private static boolean stacktraceRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) return true;
        }
        return false;
    }

    private static PrintWriter writer(java.io.PrintStream stream) {
        Charset cs = stream.charset();
        return new PrintWriter(new java.io.OutputStreamWriter(stream, cs), true);
    }
}
