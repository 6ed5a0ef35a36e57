package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.ProgressListener;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Trainable} stage learns from.
 *
 * @param seed       the run's seed; every random stream of the training derives from it
 * @param market     the run's market
 * @param train      bars of the train split
 * @param valid      bars of the validation split, when the experiment has one
 * @param config     capital and costs (training charges what the test charges)
 * @param options    metric conventions for validation metrics
 * @param checkpoint where this (strategy, seed)'s model lives, when checkpoints are kept
 * @param mode       what to do with an existing checkpoint
 * @param source     the program's source text, stored with the model
 * @param progress   receives training progress (episodes, rewards, validation metric)
 */
public record TrainContext(long seed, MarketData market, BarRange train, Optional<BarRange> valid, BacktestConfig config,
                           MetricOptions options, Optional<Path> checkpoint, Mode mode, String source, ProgressListener progress) {

    /** What training does with an existing checkpoint. */
    public enum Mode {
        /** Train from scratch; a checkpoint is (over)written as training goes. */
        FRESH,
        /** Continue an unfinished checkpoint; start fresh where none exists; reuse a finished one. */
        RESUME,
        /** Load the trained model from its checkpoint without training; a missing checkpoint is an error. */
        REUSE
    }

    public TrainContext {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(progress, "progress");
        if (mode != Mode.FRESH && checkpoint.isEmpty()) throw new IllegalArgumentException(mode + " needs a checkpoint path");
    }
}
