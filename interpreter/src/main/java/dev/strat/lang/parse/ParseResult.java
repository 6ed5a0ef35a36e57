package dev.strat.lang.parse;

import dev.strat.lang.ast.Program;
import dev.strat.lang.diag.Diagnostic;

import java.util.List;

/**
 * What the parse pass produced: the program (partial when there were syntax errors: broken
 * declarations are left out) and its syntax diagnostics in source order.
 *
 * @param incomplete true when the text stops in the middle of a declaration (an unclosed bracket,
 *                   a trailing '|' or '=', ...): a REPL should read another line and parse again
 *                   rather than report the errors
 */
public record ParseResult(Program program, List<Diagnostic> diagnostics, boolean incomplete) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public ParseResult(Program program, List<Diagnostic> diagnostics) {
        this(program, diagnostics, false);
    }

    /** True when at least one diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
