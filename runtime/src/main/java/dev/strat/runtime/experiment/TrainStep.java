package dev.strat.runtime.experiment;

import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Stage;

import java.util.Objects;
import java.util.Optional;

/**
 * Trains a learning strategy before a test run: the {@link ExperimentRunner} calls it once per
 * learning {@link RunSpec} (per seed under a fixed split, per seed and window under a walk-forward)
 * instead of {@link NamedStrategy#build()}, then backtests the returned stage on the run's test range.
 * The step owns the agent, the trainer and its validator; the runner knows none of them.
 *
 * <p>Must depend only on its configuration and its arguments, and share no mutable state between
 * calls, so runs stay deterministic and may run in parallel.
 */
@FunctionalInterface
public interface TrainStep {

    /**
     * Trains for {@code run} and returns the trained stage with its learning curves.
     *
     * @param run      the run: its {@link RunSpec#seed() seed}, its {@link RunSpec#trainRange() train}
     *                 and {@link RunSpec#validRange() valid} bars (empty under a fixed split built
     *                 without them, where the step uses its own) and its test range, which training
     *                 must not read
     * @param market   the run's market: the experiment's, or the run's scenario path
     * @param previous under {@link Protocol.Retrain#CONTINUE}, what this step returned for the same
     *                 strategy and seed in the previous window (after that window's test); empty for
     *                 the first window and under {@code SCRATCH} or a fixed split. A step that continues
     *                 training may return {@code previous}'s stage itself; otherwise the runner frees
     *                 the previous stage once this call returns
     */
    Trained train(RunSpec run, MarketData market, Optional<Trained> previous);

    /** A training step that knows only the seed and owns its splits: what a fixed split needs. */
    @FunctionalInterface
    interface PerSeed {
        Trained train(long seed, MarketData market);
    }

    /** A step that trains per seed and ignores windows and previous models. */
    static TrainStep perSeed(PerSeed step) {
        Objects.requireNonNull(step, "step");
        return (run, market, previous) -> step.train(run.seed(), market);
    }

    /**
     * A trained strategy.
     *
     * @param stage the stage to test (for an RL strategy, the agent's deterministic policy)
     * @param log   the training's curves, for the report
     */
    record Trained(Stage stage, TrainingLog log) {
        public Trained {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(log, "log");
        }
    }
}
