package dev.strat.cli;

import dev.strat.lang.api.StratEngine;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code strat fmt FILE...}: the canonical layout of .strat files. By default prints it; with
 * {@code --write} replaces each file that changes (atomically); with {@code --check} only lists
 * the files that would change and fails if there are any, for CI.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print .strat files in canonical layout, or rewrite them (--write), or check them (--check).",
        footer = {"", "Exit codes: 0 ok, 1 with --check when a file would change, 2 a file cannot be read or parsed."})
public final class FmtCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .strat files to format.")
    List<String> files;

    @Option(names = {"-w", "--write"}, description = "Rewrite files whose layout changes, in place.")
    boolean write;

    @Option(names = "--check", description = "Change nothing; list the files that are not formatted and exit 1 if any.")
    boolean check;

    public FmtCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (write && check) {
            throw new ParameterException(spec.commandLine(), "--write and --check cannot be used together");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StratEngine engine = ctx.engine();
        boolean userError = false;
        List<String> unformatted = new ArrayList<>();
        for (String file : files) {
            Source source;
            try {
                source = SourceFiles.read(file, ctx.cwd());
            } catch (UserError e) {
                err.println("strat: " + e.getMessage());
                userError = true;
                continue;
            }
            StratEngine.FormatResult result = engine.format(source);
            if (!result.ok()) {
                err.print(DiagnosticFormatter.formatAll(result.diagnostics()));
                userError = true;
                continue;
            }
            boolean changed = !result.text().equals(source.text());
            if (check) {
                if (changed) {
                    unformatted.add(file);
                    out.println(file + ": not formatted");
                }
            } else if (write) {
                if (changed) {
                    Path path = ctx.cwd().resolve(file);
                    try {
                        AtomicFiles.writeString(path, result.text());
                    } catch (UncheckedIOException e) {
                        err.println("strat: cannot write '" + file + "': " + e.getCause().getMessage());
                        userError = true;
                        continue;
                    }
                    out.println(file + ": formatted");
                }
            } else {
                out.print(result.text());
            }
        }
        out.flush();
        err.flush();
        if (userError) return 2;
        if (check && !unformatted.isEmpty()) {
            err.println(unformatted.size() + (unformatted.size() == 1 ? " file needs" : " files need")
                    + " formatting; run 'strat fmt --write' on " + (unformatted.size() == 1 ? "it" : "them"));
            err.flush();
            return 1;
        }
        return 0;
    }
}
