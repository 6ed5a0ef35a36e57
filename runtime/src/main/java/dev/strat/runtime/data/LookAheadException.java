package dev.strat.runtime.data;

/** Thrown when code asks a {@link History} for a bar after its decision time. */
public final class LookAheadException extends IllegalStateException {
    public LookAheadException(String message) {
        super(message);
    }
}
