package dev.strat.runtime.experiment;

import dev.strat.runtime.metrics.MetricId;

/**
 * One significance test of the reference strategy against another on one metric: a Wilcoxon
 * signed-rank test pairing the two strategies' values seed by seed, a Wilcoxon rank-sum
 * (Mann-Whitney U) test of their per-seed values as two unpaired samples, or a Ledoit-Wolf Sharpe
 * difference test pairing their returns period by period.
 *
 * @param test            the test that produced the p-value
 * @param metric          the metric compared
 * @param reference       the reference strategy
 * @param other           the strategy compared with it
 * @param pairs           seeds with a defined value for both (NaN pairs are left out); for the
 *                        Sharpe difference, the paired periods; for the rank-sum test, the
 *                        reference's seeds with a value (its sample size)
 * @param nonZero         pairs whose values differ (the test's n; equal pairs are dropped); for the
 *                        Sharpe difference, the bootstrap resamples; for the rank-sum test, the
 *                        other strategy's seeds with a value (its sample size)
 * @param pValue          two-sided p-value; 1 when no pair differs, NaN when no pair is defined
 * @param exact           true when the p-value is the exact permutation probability (Wilcoxon:
 *                        n <= 30 differing pairs; rank-sum: n1 + n2 <= 100); false for the Sharpe
 *                        difference and the normal approximations
 * @param significant     {@code pValue < alpha}
 * @param referenceBetter true when the reference's mean is better than the other's (in the
 *                        metric's direction); for the rank-sum test, when its values rank better
 * @param smallestP       the smallest p-value the exact test could give with this many differing
 *                        pairs, {@code 2 / 2^nonZero}; when it is not below alpha no difference
 *                        could have been significant (NaN for the normal approximation or no pairs);
 *                        for the Sharpe difference, the bootstrap's {@code 1 / (resamples + 1)};
 *                        for the rank-sum test, the most extreme p any data of the two sample
 *                        sizes can give ({@link RankSum#smallestP(int, int)})
 * @param note            a caveat for the reader, or the empty string
 * @param group           the index of the request that asked for it in the experiment's
 *                        {@link ExperimentSpec#significance()} (an experiment may ask for several)
 */
public record SignificanceResult(SignificanceTest test, MetricId metric, String reference, String other, int pairs, int nonZero,
                                 double pValue, boolean exact, boolean significant, boolean referenceBetter,
                                 double smallestP, String note, int group) {

    /** A result of the experiment's first (or only) request. */
    public SignificanceResult(SignificanceTest test, MetricId metric, String reference, String other, int pairs, int nonZero,
                              double pValue, boolean exact, boolean significant, boolean referenceBetter,
                              double smallestP, String note) {
        this(test, metric, reference, other, pairs, nonZero, pValue, exact, significant, referenceBetter, smallestP, note, 0);
    }

    /** A Wilcoxon test's result. */
    public SignificanceResult(MetricId metric, String reference, String other, int pairs, int nonZero, double pValue,
                              boolean exact, boolean significant, boolean referenceBetter, double smallestP, String note) {
        this(SignificanceTest.WILCOXON, metric, reference, other, pairs, nonZero, pValue, exact, significant, referenceBetter,
                smallestP, note);
    }

    /** The same result, of request {@code group}. */
    public SignificanceResult inGroup(int group) {
        return new SignificanceResult(test, metric, reference, other, pairs, nonZero, pValue, exact, significant, referenceBetter,
                smallestP, note, group);
    }

    /** True when too few seeds differ for any result to reach significance at {@code alpha}. */
    public boolean underpowered(double alpha) {
        return smallestP >= alpha;
    }
}
