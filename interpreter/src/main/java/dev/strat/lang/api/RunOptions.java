package dev.strat.lang.api;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Settings from the command line that override or complete a program.
 *
 * @param dataRoot   where relative data file names resolve ({@code --data}, then {@code STRAT_DATA},
 *                   then {@code ../shared/data})
 * @param outDir     where results and reports go unless the program names a report path
 * @param seed       overrides the program's seed when present
 * @param baseDir    the folder of the file being run, for imports and relative paths
 */
public record RunOptions(Path dataRoot, Path outDir, OptionalLong seed, Path baseDir) {
}
