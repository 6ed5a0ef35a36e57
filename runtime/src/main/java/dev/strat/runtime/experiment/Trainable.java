package dev.strat.runtime.experiment;

/**
 * A pipeline stage that must learn before it can be tested (an RL agent). The experiment trains
 * every trainable stage of a fresh pipeline once per seed, on the train split, before the test
 * backtest; until then the stage refuses to propose.
 */
public interface Trainable {

    /** Trains (or resumes, or reloads, as the context says) and returns the learning curves. */
    TrainingLog train(TrainContext context);

    /**
     * Makes the next {@link #train} start from what {@code previous} learned instead of from
     * scratch: walk-forward windows that continue the previous window's model. {@code previous}
     * is the same stage of the same strategy, trained on the window before. Stages that cannot
     * continue say so.
     */
    default void continueFrom(Trainable previous) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot continue a previous window's model");
    }

    /** Units of work a training reports through its progress listener (epochs), for one bar over a whole experiment. */
    default long trainingUnits() {
        return 1;
    }
}
