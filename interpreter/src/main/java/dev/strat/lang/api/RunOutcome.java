package dev.strat.lang.api;

import dev.strat.lang.diag.Diagnostic;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@link StratEngine#run}.
 *
 * @param diagnostics errors (then nothing ran) or warnings
 * @param tables      the rendered result tables, one per experiment or backtest, for the terminal
 * @param artefacts   files written (CSV, JSON, HTML report)
 * @param failure     a run-time failure message (exit code 1), or null
 */
public record RunOutcome(List<Diagnostic> diagnostics, List<String> tables, List<Path> artefacts, String failure) {

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** 0 ok, 1 run failure, 2 user error, as the command line reports it. */
    public int exitCode() {
        if (hasErrors()) return 2;
        return failure != null ? 1 : 0;
    }
}
