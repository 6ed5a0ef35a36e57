package dev.strat.lang.api;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.runtime.pipeline.ProgressListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A REPL session: definitions persist across entries; an entry with errors changes nothing.
 */
public interface Session {

    /**
     * Evaluates one entry (one or more declarations, or a {@code backtest ... on ...} command).
     * Definitions are added to the session; runs print their tables into the result.
     */
    Result eval(String input, ProgressListener progress);

    /** Evaluates a whole file as if typed, under its own name for diagnostics. */
    Result load(Path file, ProgressListener progress);

    /**
     * True when the input is unfinished and the REPL should read another line: an open bracket or
     * brace, a trailing {@code |}, {@code ,} or {@code =}, or a line ending in {@code \}.
     */
    boolean isIncomplete(String input);

    /**
     * The names an entry may use now: the built-ins with the user functions the session has
     * declared layered over them, for {@code :help} and completion.
     */
    default dev.strat.stdlib.Registry registry() {
        return dev.strat.stdlib.StandardLibrary.registry();
    }

    /** Forgets every definition. */
    void reset();

    /** Names defined so far (markets, strategies, splits, models...), for completion. */
    Set<String> definedNames();

    /**
     * The parameters of each parameterised strategy defined so far, by strategy name, each
     * parameter with its default as written ({@code m -> 0.8}), in order; for completion and {@code :help}.
     */
    default java.util.Map<String, java.util.Map<String, String>> strategyParameters() {
        return java.util.Map.of();
    }

    /**
     * @param output text to show (tables, "defined strategy s")
     * @param diagnostics errors and warnings, already tied to the entry's source
     */
    record Result(String output, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }
}
