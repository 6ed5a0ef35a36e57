package dev.strat.runtime.rl.train;

/** Training stopped because something went wrong: a non-finite value, a broken checkpoint, a bad setup. */
public class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
