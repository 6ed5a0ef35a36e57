package dev.strat.runtime.experiment;

import dev.strat.runtime.pipeline.Stage;

import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A strategy as an experiment compares it.
 *
 * @param name     the name reports use ({@code ripo}, {@code ucrp})
 * @param label    the pipeline as text, e.g. {@code olmar(window=5) | constrain(max_weight=0.4)}
 * @param build    builds a fresh, independent stage for a seed; called once per run, so stages never
 *                 carry state from one seed's run into another's
 * @param training for a learning strategy, the step that trains it before each test run; when
 *                 present the runner calls it instead of {@code build}
 */
public record NamedStrategy(String name, String label, LongFunction<Stage> build, Optional<TrainStep> training) {

    public NamedStrategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(training, "training");
        if (name.isBlank()) throw new IllegalArgumentException("a strategy needs a name");
    }

    /** A strategy that needs no training. */
    public NamedStrategy(String name, String label, LongFunction<Stage> build) {
        this(name, label, build, Optional.empty());
    }

    /**
     * A strategy trained before each test run. It has no untrained stage: {@link #build()} fails
     * with a message saying so, for callers that run stages without the experiment runner.
     */
    public static NamedStrategy trained(String name, String label, TrainStep step) {
        return trainedWith(name, label, step);
    }

    /** A strategy trained per seed only, by a step that owns its train and valid splits. */
    public static NamedStrategy trained(String name, String label, TrainStep.PerSeed step) {
        return trainedWith(name, label, TrainStep.perSeed(step));
    }

    private static NamedStrategy trainedWith(String name, String label, TrainStep step) {
        Objects.requireNonNull(step, "step");
        return new NamedStrategy(name, label, seed -> {
            throw new IllegalStateException("strategy '" + name + "' must be trained before it runs; "
                    + "run it through the experiment runner");
        }, Optional.of(step));
    }
}
