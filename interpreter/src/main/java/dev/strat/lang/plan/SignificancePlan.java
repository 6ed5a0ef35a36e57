package dev.strat.lang.plan;

import dev.strat.runtime.metrics.MetricId;

import java.util.Objects;
import java.util.Optional;

/**
 * A significance test of every compared strategy against {@code reference}.
 *
 * @param test      the test's name: {@code wilcoxon} (signed-rank paired by seed, which measures
 *                  seed-to-seed noise), {@code ranksum} (Wilcoxon rank-sum / Mann-Whitney U of the
 *                  per-seed values as two unpaired samples, as the RiPO paper uses) or
 *                  {@code sharpe_diff} (Ledoit-Wolf Sharpe-ratio difference over time, on the first
 *                  seed's returns)
 * @param reference the name of the compared entry the others are tested against
 * @param alpha     the significance level, in (0, 1)
 * @param resamples bootstrap resamples of {@code sharpe_diff}; unused by the tests over seeds
 * @param metric    the metric a test over seeds compares, one the experiment shows; empty for the
 *                  headline metric (Sharpe when shown, else the first). Always empty for
 *                  {@code sharpe_diff}, which tests the Sharpe ratio
 */
public record SignificancePlan(String test, String reference, double alpha, int resamples, Optional<MetricId> metric) {

    /** The default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 999;

    public SignificancePlan {
        Objects.requireNonNull(metric, "metric");
    }

    /** A test of the headline metric. */
    public SignificancePlan(String test, String reference, double alpha, int resamples) {
        this(test, reference, alpha, resamples, Optional.empty());
    }

    /** A test without resamples (the tests over seeds), or with the default number, of the headline metric. */
    public SignificancePlan(String test, String reference, double alpha) {
        this(test, reference, alpha, DEFAULT_RESAMPLES);
    }

    /** As a record prints itself, leaving the metric out when none was chosen (plan listings stay as they were). */
    @Override
    public String toString() {
        return "SignificancePlan[test=" + test + ", reference=" + reference + ", alpha=" + alpha + ", resamples=" + resamples
                + metric.map(m -> ", metric=" + m.key()).orElse("") + "]";
    }

    /** The metric tested: the chosen one, or {@code headline} when none was chosen. */
    public MetricId metricOr(MetricId headline) {
        return metric.orElse(headline);
    }
}
