package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.Stage;

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
 * @param downstream the already-built stages that follow the learner in its pipeline (usually a
 *                   {@link dev.strat.runtime.pipeline.Pipeline} of them), which training runs as part
 *                   of the environment and validation backtests after the learner; empty when the
 *                   learner ends its pipeline
 * @param every      the learner is consulted every {@code every} bars ({@code agent ppo(...) every 5d});
 *                   1 for every bar
 * @param trainWith  whether training and validation run the downstream stages or the learner alone
 *                   (an ablation); a learner may also ask to train alone itself
 * @param tree       the whole strategy, for a learner that must train where it stands in it (after a
 *                   selector); empty for one that trains in its own pipeline's environment
 */
public record TrainContext(long seed, MarketData market, BarRange train, Optional<BarRange> valid, BacktestConfig config,
                           MetricOptions options, Optional<Path> checkpoint, Mode mode, String source, ProgressListener progress,
                           Optional<Stage> downstream, int every, TrainWith trainWith, Optional<Stage> tree) {

    /** Whether a learner trains inside its pipeline or by itself. */
    public enum TrainWith {
        /** The stages after the learner adjust its weights in training and validation, as they will in the test. */
        PIPELINE,
        /** The learner's own weights trade; the downstream stages are ignored until the test. */
        ALONE
    }

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
        Objects.requireNonNull(downstream, "downstream");
        Objects.requireNonNull(trainWith, "trainWith");
        Objects.requireNonNull(tree, "tree");
        if (mode != Mode.FRESH && checkpoint.isEmpty()) throw new IllegalArgumentException(mode + " needs a checkpoint path");
        if (every < 1) throw new IllegalArgumentException("a learner is consulted every 1 or more bars, got " + every);
    }

    /** A learner that ends its pipeline and decides every bar. */
    public TrainContext(long seed, MarketData market, BarRange train, Optional<BarRange> valid, BacktestConfig config,
                        MetricOptions options, Optional<Path> checkpoint, Mode mode, String source, ProgressListener progress) {
        this(seed, market, train, valid, config, options, checkpoint, mode, source, progress, Optional.empty(), 1, TrainWith.PIPELINE, Optional.empty());
    }

    /** The same context for a learner followed by {@code downstream} and consulted every {@code every} bars. */
    public TrainContext withPipeline(Optional<Stage> downstream, int every) {
        return new TrainContext(seed, market, train, valid, config, options, checkpoint, mode, source, progress, downstream, every,
                trainWith, tree);
    }

    /** The same context training with the pipeline or alone. */
    public TrainContext with(TrainWith trainWith) {
        return new TrainContext(seed, market, train, valid, config, options, checkpoint, mode, source, progress, downstream, every,
                trainWith, tree);
    }

    /**
     * A context where the learner trains inside the whole strategy {@code root} (its
     * {@link dev.strat.runtime.rl.portfolio.PipelineEnv}), because its place in the tree decides
     * what it sees: the stages after a selector trade the selector's picks.
     */
    public TrainContext withTree(Stage root) {
        return new TrainContext(seed, market, train, valid, config, options, checkpoint, mode, source, progress, downstream, every,
                trainWith, Optional.of(root));
    }

    /** The downstream stages training should run: none when training alone. */
    public Optional<Stage> effectiveDownstream() {
        return trainWith == TrainWith.ALONE ? Optional.empty() : downstream;
    }
}
