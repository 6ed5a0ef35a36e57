package dev.strat.lang.api;

import dev.strat.runtime.experiment.TrainContext;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Settings from the command line that override or complete a program.
 *
 * @param dataRoot   where relative data file names resolve ({@code --data}, then {@code STRAT_DATA},
 *                   then {@code ../shared/data})
 * @param outDir     where results and reports go unless the program names a report path
 * @param seed       overrides the program's seed when present
 * @param baseDir    the folder of the file being run, for imports and relative paths
 * @param training   what learning strategies do with saved models: train afresh, resume, or reuse
 * @param outGiven   true when the user named {@code outDir} ({@code --out}): then it wins over the
 *                   program's {@code report "..."} folders, as a command-line flag wins over the file
 * @param experiment when present, only the experiment of that name runs (a rerun of a {@code plan.yaml})
 */
public record RunOptions(Path dataRoot, Path outDir, OptionalLong seed, Path baseDir, TrainContext.Mode training,
                         boolean outGiven, Optional<String> experiment) {

    public RunOptions {
        experiment = experiment == null ? Optional.empty() : experiment;
    }

    /** Options that run every experiment of the program. */
    public RunOptions(Path dataRoot, Path outDir, OptionalLong seed, Path baseDir, TrainContext.Mode training,
                      boolean outGiven) {
        this(dataRoot, outDir, seed, baseDir, training, outGiven, Optional.empty());
    }

    /** Options with the default output folder, which a program's report path overrides. */
    public RunOptions(Path dataRoot, Path outDir, OptionalLong seed, Path baseDir, TrainContext.Mode training) {
        this(dataRoot, outDir, seed, baseDir, training, false);
    }

    /** Options that train learning strategies afresh. */
    public RunOptions(Path dataRoot, Path outDir, OptionalLong seed, Path baseDir) {
        this(dataRoot, outDir, seed, baseDir, TrainContext.Mode.FRESH);
    }

    /** The same options with another training mode. */
    public RunOptions withTraining(TrainContext.Mode mode) {
        return new RunOptions(dataRoot, outDir, seed, baseDir, mode, outGiven, experiment);
    }

    /** The same options with an output folder the user named, which wins over report paths. */
    public RunOptions withOut(Path dir) {
        return new RunOptions(dataRoot, dir, seed, baseDir, training, true, experiment);
    }

    /** The same options running only the experiment named {@code name}. */
    public RunOptions onlyExperiment(String name) {
        return new RunOptions(dataRoot, outDir, seed, baseDir, training, outGiven, Optional.of(name));
    }
}
