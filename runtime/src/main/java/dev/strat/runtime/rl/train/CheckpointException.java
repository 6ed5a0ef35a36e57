package dev.strat.runtime.rl.train;

/** A checkpoint could not be written, read, or does not fit the agent it is loaded into. */
public final class CheckpointException extends TrainingException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
