package dev.strat.cli;

/**
 * A user error already formatted as located diagnostics (a bad {@code strat.yaml} or
 * {@code plan.yaml}): printed as it is, without the one-line {@code strat:} prefix, and
 * without a stack trace; exit 2.
 */
final class DiagnosticsError extends RuntimeException {

    DiagnosticsError(String formatted) {
        super(formatted, null, false, false);
    }
}
