package dev.strat.lang.settings;

import dev.strat.lang.diag.Span;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a project's {@code strat.yaml} sets; every value keeps the span it was written at, so that
 * {@code strat config} can say where it came from. Paths are already absolute, resolved against
 * the folder holding {@code strat.yaml} (not the current directory: the file means the same
 * wherever strat is started).
 *
 * @param file     the settings file read, absent when none was found
 * @param data     {@code data}: the data folder (below {@code --data} and {@code STRAT_DATA})
 * @param out      {@code out}: the output folder (below {@code --out}; a program's {@code report}
 *                 path still wins over it, as it wins over the default {@code ./out})
 * @param seed     {@code seed}: the first seed of every experiment (below {@code --seed})
 * @param progress {@code progress}: show the progress bar (below {@code --no-progress})
 * @param quiet    {@code quiet}: print only tables and errors (below {@code --quiet})
 */
public record ProjectSettings(Optional<Path> file, Optional<Value<Path>> data, Optional<Value<Path>> out,
                              Optional<Value<Long>> seed, Optional<Value<Boolean>> progress, Optional<Value<Boolean>> quiet) {

    /** No settings file. */
    public static final ProjectSettings NONE = new ProjectSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** A value and where the file sets it. */
    public record Value<T>(T value, Span span) {
        /** {@code strat.yaml:3:7}, as diagnostics print a place. */
        public String origin() {
            return span.location();
        }
    }
}
