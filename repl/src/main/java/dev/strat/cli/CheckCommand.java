package dev.strat.cli;

import dev.strat.lang.api.StratEngine;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.strat.lang.api.RunOptions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code strat check FILE...}: parses and checks files without running anything. Diagnostics go
 * to standard error (all files together, sorted, with one count line); each file without errors
 * is reported as {@code FILE: ok} on standard output.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check .strat files for errors without running them.",
        footer = {"", "Exit codes: 0 every file is free of errors, 2 otherwise."})
public final class CheckCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .strat files to check.")
    List<String> files;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder where data files resolve, to check symbols and dates against them "
                    + "(default: $STRAT_DATA, else data in strat.yaml, else ../shared/data of the strat home).")
    Path data;

    public CheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StratEngine engine = ctx.engine();
        List<Diagnostic> all = new ArrayList<>();
        boolean failed = false;
        // the project's strat.yaml (found from the current folder) sits between STRAT_DATA and the default
        Path dataRoot = ctx.dataRoots().dataRoot(data, ProjectFiles.load(ctx, ctx.cwd()).data()).dir();
        RunOptions options = new RunOptions(dataRoot, ctx.cwd().resolve("out"), OptionalLong.empty(), ctx.cwd());
        for (String file : files) {
            Source source;
            try {
                source = SourceFiles.read(file, ctx.cwd());
            } catch (UserError e) {
                err.println("strat: " + e.getMessage());
                failed = true;
                continue;
            }
            List<Diagnostic> diagnostics = engine.check(source, options);
            all.addAll(diagnostics);
            long errors = diagnostics.stream().filter(Diagnostic::isError).count();
            long warnings = diagnostics.size() - errors;
            if (errors == 0) {
                out.println(file + ": ok" + (warnings > 0 ? " (" + warnings + (warnings == 1 ? " warning)" : " warnings)") : ""));
            } else {
                failed = true;
            }
        }
        out.flush();
        if (!all.isEmpty()) err.print(DiagnosticFormatter.formatAll(all));
        err.flush();
        return failed ? 2 : 0;
    }
}
