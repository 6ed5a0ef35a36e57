package dev.strat.runtime.rl.train;

import java.nio.file.Path;

/**
 * A run that reuses saved models ({@code strat run --trained}) found no usable model: the file is
 * missing, did not finish training, or holds another algorithm. This is the user's to fix (train
 * first), so front ends report it as a user error naming {@link #path()}, not as a crash.
 */
public final class SavedModelException extends TrainingException {

    private final Path path;

    /** @param message what is wrong with {@code path} and what to do, without the stage's label */
    public SavedModelException(Path path, String message) {
        super(message);
        this.path = path;
    }

    /** The model file that is missing or unusable. */
    public Path path() {
        return path;
    }
}
