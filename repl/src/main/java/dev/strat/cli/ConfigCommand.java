package dev.strat.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code strat config [FILE]}: every effective setting of a run of FILE (or of a run started in
 * the current folder) and where each came from: a flag, {@code STRAT_DATA}, the project's
 * {@code strat.yaml} (at its line and column) or the default.
 */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print every effective setting and where it came from (flag, environment, strat.yaml, default).",
        footer = {"", "strat.yaml is the nearest one in the program's folder or above. Its keys: data, out, seed, progress, quiet.",
                "Order, highest first: command-line flag, STRAT_DATA (data only), strat.yaml, default.",
                "Exit codes: 0 ok, 2 strat.yaml has errors."})
public final class ConfigCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A .strat file or folder whose settings to show (default: the current folder).")
    String file;

    @Mixin
    SessionOptions options = new SessionOptions();

    @Option(names = "--no-progress", description = "As `strat run --no-progress`.")
    boolean noProgress;

    @Option(names = {"-q", "--quiet"}, description = "As `strat run --quiet`.")
    boolean quiet;

    public ConfigCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path start = file == null ? ctx.cwd() : ctx.cwd().resolve(file).normalize();
        if (file != null && !Files.isDirectory(start)) start = start.getParent();
        EffectiveSettings settings = EffectiveSettings.resolve(ctx, options, noProgress, quiet, ProjectFiles.load(ctx, start));
        PrintWriter out = spec.commandLine().getOut();
        settings.describe().forEach(out::println);
        out.flush();
        return 0;
    }
}
