package dev.strat.lang.diag;

import java.util.Optional;

/**
 * A problem found in a program, tied to a source span. All passes report through this type and
 * all printing goes through {@link DiagnosticFormatter}.
 *
 * @param severity error or warning
 * @param span     where it is
 * @param message  what is wrong, one line, lower case start, no trailing period
 * @param hint     an optional second line, e.g. {@code did you mean 'olmar'?}
 */
public record Diagnostic(Severity severity, Span span, String message, Optional<String> hint) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(Span span, String message) {
        return new Diagnostic(Severity.ERROR, span, message, Optional.empty());
    }

    public static Diagnostic error(Span span, String message, String hint) {
        return new Diagnostic(Severity.ERROR, span, message, Optional.ofNullable(hint));
    }

    public static Diagnostic warning(Span span, String message) {
        return new Diagnostic(Severity.WARNING, span, message, Optional.empty());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
