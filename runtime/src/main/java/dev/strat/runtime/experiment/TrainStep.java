package dev.strat.runtime.experiment;

import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Stage;

import java.util.Objects;

/**
 * Trains a learning strategy before its test run: the {@link ExperimentRunner} calls it once per
 * (strategy, seed) instead of {@link NamedStrategy#build()}, then backtests the returned stage on
 * the test split. The step owns the training and validation splits (bars before the experiment's
 * {@code firstBar}), the agent, the trainer and its validator; the runner knows none of them.
 *
 * <p>Must depend only on its configuration, {@code seed} and {@code market}, and share no mutable
 * state between calls, so runs stay deterministic and may run in parallel.
 */
@FunctionalInterface
public interface TrainStep {

    /**
     * Trains for {@code seed} on {@code market} (the run's market: the experiment's, or the run's
     * scenario path) and returns the trained stage with its learning curves.
     */
    Trained train(long seed, MarketData market);

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
