package dev.strat.runtime.pipeline;

/**
 * Receives progress of long work (experiments, training) so that a terminal can draw a bar.
 * The runtime never prints; it reports here.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() { };

    /** A task of {@code total} units starts; {@code name} says what it is. */
    default void start(String name, long total) {
    }

    /** {@code done} units of the current task are finished; {@code message} may be null. */
    default void progress(long done, String message) {
    }

    /** The current task has finished. */
    default void finish() {
    }

    /** A non-fatal problem worth telling the user (data policy applied, etc.). */
    default void warn(String message) {
    }
}
