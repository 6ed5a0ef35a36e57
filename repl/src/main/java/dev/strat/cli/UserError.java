package dev.strat.cli;

/**
 * A mistake of the user's that stops a command: a missing file, a bad combination of options.
 * The command line prints its message on one line, without a stack trace, and exits with 2.
 */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message, null, false, false);
    }
}
