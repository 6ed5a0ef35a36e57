package dev.strat.runtime.experiment;

import dev.strat.runtime.metrics.Metrics;

import java.util.Arrays;

/**
 * One metric of one strategy across the seeds of an experiment.
 *
 * @param perSeed the value of each seed's run, in the experiment's seed order
 * @param mean    the mean over seeds (NaN when any seed's value is NaN)
 * @param std     the sample standard deviation over seeds (denominator n - 1); NaN for one seed,
 *                exactly 0 when every seed gives the same value (deterministic strategies)
 */
public record MetricSummary(double[] perSeed, double mean, double std) {

    public MetricSummary {
        perSeed = perSeed.clone();
    }

    public static MetricSummary of(double[] perSeed) {
        return new MetricSummary(perSeed, Metrics.mean(perSeed), Metrics.sampleStd(perSeed));
    }

    @Override
    public double[] perSeed() {
        return perSeed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSummary s && Arrays.equals(perSeed, s.perSeed)
                && Double.compare(mean, s.mean) == 0 && Double.compare(std, s.std) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(perSeed) * 31 + Double.hashCode(mean);
    }

    @Override
    public String toString() {
        return "MetricSummary[mean=" + mean + ", std=" + std + ", perSeed=" + Arrays.toString(perSeed) + "]";
    }
}
