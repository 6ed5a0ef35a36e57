package dev.strat.cli;

/**
 * A fault of the installation rather than of the user's input (for instance no language engine
 * on the class path). Printed as {@code strat: internal error: ...} with exit code 1.
 */
public final class InternalError extends RuntimeException {

    public InternalError(String message) {
        super(message, null, false, false);
    }
}
