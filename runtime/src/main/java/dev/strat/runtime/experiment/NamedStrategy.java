package dev.strat.runtime.experiment;

import dev.strat.runtime.pipeline.Stage;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A strategy as an experiment compares it.
 *
 * @param name  the name reports use ({@code ripo}, {@code ucrp})
 * @param label the pipeline as text, e.g. {@code olmar(window=5) | constrain(max_weight=0.4)}
 * @param build builds a fresh, independent stage for a seed; called once per run, so stages never
 *              carry state from one seed's run into another's
 */
public record NamedStrategy(String name, String label, LongFunction<Stage> build) {

    public NamedStrategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(build, "build");
        if (name.isBlank()) throw new IllegalArgumentException("a strategy needs a name");
    }
}
