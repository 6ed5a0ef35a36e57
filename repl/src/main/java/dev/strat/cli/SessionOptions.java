package dev.strat.cli;

import dev.strat.lang.api.RunOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options shared by {@code run} and {@code repl}: data folder, output folder and seed. */
public final class SessionOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder where data files resolve (default: $STRAT_DATA, else data in strat.yaml, else ../shared/data of the strat home).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for results and reports; wins over the program's report paths (default: out in strat.yaml, else ./out; the program's report path wins over both).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the program's random seed (default: seed in strat.yaml, else the program's).")
    Long seed;

    /**
     * The engine's options with the project's {@code strat.yaml} (found above {@code baseDir})
     * below these flags; relative paths resolve against the context's current directory.
     */
    public RunOptions toRunOptions(CliContext ctx, Path baseDir) {
        return EffectiveSettings.resolve(ctx, this, false, false, ProjectFiles.load(ctx, baseDir)).toRunOptions(baseDir);
    }
}
