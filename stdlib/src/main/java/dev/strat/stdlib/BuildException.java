package dev.strat.stdlib;

/**
 * A built-in could not be built from arguments that passed the schema check, for a reason only
 * the factory can see (it depends on the market, e.g. CRP weights that do not match the number of
 * assets). The message is for the user, without location; the interpreter turns it into a
 * diagnostic at the call site.
 */
public class BuildException extends RuntimeException {

    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
