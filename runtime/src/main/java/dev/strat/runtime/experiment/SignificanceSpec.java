package dev.strat.runtime.experiment;

import dev.strat.runtime.metrics.MetricId;

import java.util.List;
import java.util.Objects;

/**
 * A request for Wilcoxon signed-rank tests of one strategy against every other, as in
 * {@code significance wilcoxon(ripo, alpha=0.05)}.
 *
 * @param reference the strategy every other one is compared with
 * @param alpha     the significance level (two-sided)
 * @param metrics   the metrics to test; empty for every metric the experiment shows
 */
public record SignificanceSpec(String reference, double alpha, List<MetricId> metrics) {

    public SignificanceSpec {
        Objects.requireNonNull(reference, "reference");
        metrics = List.copyOf(metrics);
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must lie in (0, 1), got " + alpha);
    }

    public SignificanceSpec(String reference, double alpha) {
        this(reference, alpha, List.of());
    }
}
