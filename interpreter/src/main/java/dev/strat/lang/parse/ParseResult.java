package dev.strat.lang.parse;

import dev.strat.lang.ast.Program;
import dev.strat.lang.diag.Diagnostic;

import java.util.List;

/**
 * What the parse pass produced: the program (partial when there were syntax errors: broken
 * declarations are left out) and its syntax diagnostics in source order.
 */
public record ParseResult(Program program, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when at least one diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
