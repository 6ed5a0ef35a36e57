package dev.strat.lang.api;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.pipeline.ProgressListener;

import java.util.List;

/**
 * What the command line and the REPL use of the language: check, format and run a file, and
 * open an interactive session. Implementations run the passes in order (parse, resolve and
 * check, plan, run) and stop at the first pass that reports errors.
 */
public interface StratEngine {

    /** Parses and checks a file and the files it imports; returns every diagnostic found. */
    List<Diagnostic> check(Source source);

    /**
     * Checks with the command line's settings: the data root lets the checker verify symbols and
     * split dates against the data files.
     */
    default List<Diagnostic> check(Source source, RunOptions options) {
        return check(source);
    }

    /** The canonical layout of a file, or the syntax errors that prevent formatting. */
    FormatResult format(Source source);

    /** Checks, plans and runs every experiment (and backtest) of a file. */
    RunOutcome run(Source source, RunOptions options, ProgressListener progress);

    /** A fresh REPL session whose definitions persist across entries. */
    Session openSession(RunOptions options);

    /** Either formatted text or diagnostics. */
    record FormatResult(String text, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }
}
