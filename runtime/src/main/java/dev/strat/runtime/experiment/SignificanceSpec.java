package dev.strat.runtime.experiment;

import dev.strat.runtime.metrics.MetricId;

import java.util.List;
import java.util.Objects;

/**
 * A request for significance tests of one strategy against every other, as in
 * {@code significance wilcoxon(ripo, alpha=0.05)}, {@code significance ranksum(ripo, metric=ar)} or
 * {@code significance sharpe_diff(ripo)}.
 *
 * @param reference the strategy every other one is compared with
 * @param alpha     the significance level (two-sided)
 * @param metrics   the metrics to test; empty for every metric the experiment shows (the tests
 *                  over seeds only: the Sharpe difference test always tests the Sharpe ratio)
 * @param test      which test to run
 * @param resamples bootstrap resamples of the Sharpe difference test (unused by the tests over seeds)
 */
public record SignificanceSpec(String reference, double alpha, List<MetricId> metrics, SignificanceTest test,
                               int resamples) {

    /** The Sharpe difference test's default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 999;

    public SignificanceSpec {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(test, "test");
        metrics = List.copyOf(metrics);
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must lie in (0, 1), got " + alpha);
        if (resamples < 1) throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
    }

    /** Wilcoxon tests of the given metrics. */
    public SignificanceSpec(String reference, double alpha, List<MetricId> metrics) {
        this(reference, alpha, metrics, SignificanceTest.WILCOXON, DEFAULT_RESAMPLES);
    }

    /** Wilcoxon tests of every shown metric. */
    public SignificanceSpec(String reference, double alpha) {
        this(reference, alpha, List.of());
    }
}
