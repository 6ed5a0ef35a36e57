package dev.strat.runtime.experiment;

import dev.strat.runtime.metrics.MetricId;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

import java.util.Arrays;

/**
 * Wilcoxon rank-sum (Mann-Whitney U) tests of two strategies' per-seed metric values, on
 * commons-math3's {@link MannWhitneyUTest}: the test the RiPO paper reports.
 *
 * <p>Unlike {@link Wilcoxon} the samples are not paired: each strategy's seeds are one sample, and
 * the test asks whether one sample's values tend to rank above the other's. Seeds without a value
 * (NaN) are left out of their own side only, so the two sides may differ in size.
 *
 * <p>The p-value is two-sided and always the normal approximation, without continuity correction:
 * commons-math3 3.6.1 has no exact Mann-Whitney distribution, so the library decides for the
 * approximation at every size. Ties get average ranks. The library's variance ignores ties, which
 * makes its p too large when values repeat (a deterministic strategy's seeds are one value
 * repeated), so when the pooled sample has ties the variance is corrected for them here,
 * {@code n1 n2 / 12 * (n + 1 - sum(t^3 - t) / (n (n - 1)))}; the result then equals scipy's
 * {@code mannwhitneyu(x, y, method='asymptotic', use_continuity=False)} with or without ties, and
 * commons-math's own p without them. When every value is the same the ranks carry no information:
 * the p-value is 1 and the note says so.
 *
 * <p>With few seeds the approximation is optimistic against the exact test (3 seeds a side, all
 * ordered: 0.050 against the exact 0.100), and few seeds bound the p-value from below. With the
 * tie correction the statistic is {@code z^2 = (n - 1) r^2}, r the correlation of the ranks with
 * the sample labels, so no data can give less than {@code 2 Phi(-sqrt(n1 + n2 - 1))}
 * ({@link SignificanceResult#smallestP()}; reached when each side is one value repeated), and
 * distinct values no less than {@code 2 Phi(-sqrt(3 n1 n2 / (n1 + n2 + 1)))}: 0.083 and 0.121
 * for 2 against 2 seeds. A small experiment's "not significant" does not mean "equal".
 */
public final class RankSum {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private RankSum() {
    }

    /**
     * Tests {@code reference}'s per-seed values against {@code other}'s. In the result, {@code pairs}
     * is the number of the reference's values and {@code nonZero} the other's (the two sample sizes);
     * {@code referenceBetter} says whether the reference's values rank better in the metric's
     * direction (its U above {@code n1 n2 / 2} for a higher-is-better metric).
     */
    public static SignificanceResult test(MetricId metric, String reference, double[] ref, String other, double[] oth,
                                          double alpha) {
        double[] x = finite(ref), y = finite(oth);
        StringBuilder note = new StringBuilder();
        int dropped = (ref.length - x.length) + (oth.length - y.length);
        if (dropped > 0) note.append(dropped).append(" seed(s) without a value left out; ");
        if (x.length == 0 || y.length == 0) {
            return result(metric, reference, other, x.length, y.length, Double.NaN, false, false, Double.NaN,
                    note.append(x.length == 0 ? reference : other).append(" has no value on any seed"));
        }
        Statistic s = statistic(x, y);
        double smallest = smallestP(x.length, y.length);
        double half = x.length * (double) y.length / 2;
        boolean referenceBetter = metric.higherIsBetter() ? s.uReference() > half : s.uReference() < half;
        if (s.tieCorrection() == 0) {
            return result(metric, reference, other, x.length, y.length, 1.0, false, false, smallest,
                    note.append("every value is the same, so ranks say nothing; test another metric with metric="));
        }
        double p;
        if (s.ties()) {
            double variance = x.length * (double) y.length / 12 * s.tieCorrection();
            double z = (s.uReference() - half) / Math.sqrt(variance);
            p = Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
            note.append("ties: average ranks, tie-corrected variance; ");
        } else {
            p = Math.min(1.0, new MannWhitneyUTest().mannWhitneyUTest(x, y));
        }
        return result(metric, reference, other, x.length, y.length, p, p < alpha, referenceBetter, smallest, note);
    }

    /**
     * The smallest two-sided p any data of these sample sizes can give, {@code 2 Phi(-sqrt(n1 + n2 - 1))}:
     * reached when the two sides are separated and each is one value repeated.
     */
    public static double smallestP(int n1, int n2) {
        if (n1 == 0 || n2 == 0) return Double.NaN;
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.sqrt(n1 + n2 - 1.0)));
    }

    /** The smallest two-sided p that distinct values can give, {@code 2 Phi(-sqrt(3 n1 n2 / (n1 + n2 + 1)))}: full separation. */
    public static double smallestDistinctP(int n1, int n2) {
        if (n1 == 0 || n2 == 0) return Double.NaN;
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.sqrt(3.0 * n1 * n2 / (n1 + n2 + 1.0))));
    }

    /** The caveat for an underpowered test, as tables print it. */
    public static String powerNote(int n1, int n2, double smallestP, double alpha) {
        return "with " + n1 + " against " + n2 + " seed(s) the smallest p the rank-sum test can give is "
                + Wilcoxon.formatP(smallestP) + ", so no result can be significant at " + TableRenderer.plain(alpha);
    }

    /**
     * The reference's U (pairs in which its value ranks above the other's, ties counting a half)
     * and the tie factor {@code n + 1 - sum(t^3 - t) / (n (n - 1))} of the pooled sample, which is
     * {@code n + 1} without ties and 0 when every value is equal.
     */
    record Statistic(double uReference, boolean ties, double tieCorrection) { }

    static Statistic statistic(double[] x, double[] y) {
        int n1 = x.length, n = x.length + y.length;
        double[] pooled = new double[n];
        System.arraycopy(x, 0, pooled, 0, n1);
        System.arraycopy(y, 0, pooled, n1, y.length);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(pooled);
        double rankSum = 0;
        for (int k = 0; k < n1; k++) rankSum += ranks[k];
        double u = rankSum - n1 * (n1 + 1.0) / 2;
        double[] sorted = pooled.clone();
        Arrays.sort(sorted);
        double tieSum = 0;
        boolean ties = false;
        for (int k = 0; k < n; ) {
            int j = k;
            while (j + 1 < n && sorted[j + 1] == sorted[k]) j++;
            double t = j - k + 1;
            if (t > 1) ties = true;
            tieSum += t * t * t - t;
            k = j + 1;
        }
        double correction = n < 2 ? 0 : n + 1 - tieSum / (n * (n - 1.0));
        // rounding can leave a hair above zero when every value is equal
        if (Math.abs(correction) < 1e-9) correction = 0;
        return new Statistic(u, ties, correction);
    }

    private static SignificanceResult result(MetricId metric, String reference, String other, int n1, int n2, double p,
                                             boolean significant, boolean referenceBetter, double smallest,
                                             StringBuilder note) {
        String text = note.toString().trim();
        if (text.endsWith(";")) text = text.substring(0, text.length() - 1);
        return new SignificanceResult(SignificanceTest.RANK_SUM, metric, reference, other, n1, n2, p, false, significant,
                referenceBetter, smallest, text);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }
}
