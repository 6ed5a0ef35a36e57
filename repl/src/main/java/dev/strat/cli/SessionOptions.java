package dev.strat.cli;

import dev.strat.lang.api.RunOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.OptionalLong;

/** The options shared by {@code run} and {@code repl}: data folder, output folder and seed. */
public final class SessionOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder where data files resolve (default: $STRAT_DATA, else ../shared/data of the strat home).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for results and reports; wins over the program's report paths (default: ./out, or the program's report path).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the program's random seed.")
    Long seed;

    /** The engine's options; relative paths resolve against the context's current directory. */
    public RunOptions toRunOptions(CliContext ctx, Path baseDir) {
        Path dataRoot = ctx.dataRoots().resolve(data);
        Path outDir = ctx.cwd().resolve(out != null ? out : Path.of("out")).normalize();
        OptionalLong s = seed != null ? OptionalLong.of(seed) : OptionalLong.empty();
        RunOptions options = new RunOptions(dataRoot, outDir, s, baseDir.toAbsolutePath().normalize());
        // a folder named on the command line wins over the program's report "..." lines
        return out != null ? options.withOut(outDir) : options;
    }
}
