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
 * <p>The p-value is two-sided. Up to {@value #EXACT_LIMIT} values in all it is exact: the
 * permutation distribution of the rank sum over every way to split the pooled values into samples
 * of these sizes, counted by dynamic programming over the (average) ranks, so ties are handled
 * exactly too, conditional on the tie pattern; two-sided p is twice the smaller tail, capped at 1.
 * This equals {@code scipy.stats.mannwhitneyu(x, y, method='exact')} without ties and
 * {@code method=PermutationMethod(n_resamples=inf)} with them. Beyond the limit it is the normal
 * approximation without continuity correction: commons-math3's {@link MannWhitneyUTest}, whose
 * variance ignores ties (too large a p when values repeat), so when the pooled sample has ties the
 * variance is corrected here, {@code n1 n2 / 12 * (n + 1 - sum(t^3 - t) / (n (n - 1)))}, as in
 * {@code scipy.stats.mannwhitneyu(x, y, method='asymptotic', use_continuity=False)}. When every value
 * is the same the ranks carry no information: the p-value is 1 and the note says so.
 *
 * <p>Why exact: with seeds in the tens the approximation is optimistic (3 against 3 seeds, all
 * ordered: 0.050 against the exact 0.100), and a p-value a reader acts on should not depend on it.
 * Few seeds bound the p-value from below: every split is one of {@code C(n1 + n2, n1)} equally likely
 * ones, so no data can give less than {@code 2 / C(n1 + n2, n1)}
 * ({@link SignificanceResult#smallestP()}): 0.33 for 2 against 2 seeds, 0.1 for 3 against 3,
 * 0.0079 for 5 against 5. A small experiment's "not significant" does not mean "equal".
  */
public final class RankSum {

    /** Pooled values up to which the p-value is exact (the counting costs about n^3 n1 / 2 steps). */
    public static final int EXACT_LIMIT = 100;

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
            return result(metric, reference, other, x.length, y.length, Double.NaN, false, false, false, Double.NaN,
                    note.append(x.length == 0 ? reference : other).append(" has no value on any seed"));
        }
        Statistic s = statistic(x, y);
        double smallest = smallestP(x.length, y.length);
        double half = x.length * (double) y.length / 2;
        boolean referenceBetter = metric.higherIsBetter() ? s.uReference() > half : s.uReference() < half;
        if (s.tieCorrection() == 0) {
            return result(metric, reference, other, x.length, y.length, 1.0, false, false, false, smallest,
                    note.append("every value is the same, so ranks say nothing; test another metric with metric="));
        }
        boolean exact = x.length + y.length <= EXACT_LIMIT;
        double p;
        if (exact) {
            p = exactP(x, y);
            if (s.ties()) note.append("ties: average ranks, exact over splits with these ties; ");
        } else {
            p = asymptoticP(x, y, s);
            note.append(s.ties() ? "normal approximation; ties: average ranks, tie-corrected variance; " : "normal approximation; ");
        }
        return result(metric, reference, other, x.length, y.length, p, exact, p < alpha, referenceBetter, smallest, note);
    }

    /**
     * The smallest two-sided p any data of these sample sizes can give: {@code 2 / C(n1 + n2, n1)}
     * where the test is exact (the observed split is one of that many), else the approximation's
     * {@code 2 Phi(-sqrt(n1 + n2 - 1))}, reached when the sides are separated and each is one value
     * repeated.
     */
    public static double smallestP(int n1, int n2) {
        if (n1 == 0 || n2 == 0) return Double.NaN;
        if (n1 + n2 <= EXACT_LIMIT) return Math.min(1.0, 2 / binomial(n1 + n2, n1));
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.sqrt(n1 + n2 - 1.0)));
    }

    /**
     * The exact two-sided p: the rank sum's distribution over all {@code C(n, n1)} splits of the pooled
     * values, twice the smaller tail at the observed sum. Ranks are doubled so that average ranks
     * are whole numbers and the tails are compared without rounding.
     */
    static double exactP(double[] x, double[] y) {
        int n1 = x.length, n = x.length + y.length;
        double[] ranks = averageRanks(pooled(x, y));
        int[] doubled = new int[n];
        int observed = 0, maxSum = 0;
        for (int k = 0; k < n; k++) {
            doubled[k] = (int) Math.round(2 * ranks[k]);
            maxSum += doubled[k];
            if (k < n1) observed += doubled[k];
        }
        // ways[j][s]: subsets of j of the values seen so far with doubled rank sum s
        double[][] ways = new double[n1 + 1][maxSum + 1];
        ways[0][0] = 1;
        for (int k = 0; k < n; k++) {
            int r = doubled[k];
            for (int j = Math.min(n1, k + 1); j >= 1; j--) {
                double[] to = ways[j], from = ways[j - 1];
                for (int sum = maxSum; sum >= r; sum--) to[sum] += from[sum - r];
            }
        }
        double below = 0, above = 0, total = 0;
        for (int sum = 0; sum <= maxSum; sum++) {
            double w = ways[n1][sum];
            total += w;
            if (sum <= observed) below += w;
            if (sum >= observed) above += w;
        }
        return Math.min(1.0, 2 * Math.min(below, above) / total);
    }

    /**
     * The normal approximation's two-sided p without continuity correction, the variance corrected
     * for ties (commons-math3's own p without ties).
     */
    static double asymptoticP(double[] x, double[] y, Statistic s) {
        if (!s.ties()) return Math.min(1.0, new MannWhitneyUTest().mannWhitneyUTest(x, y));
        double half = x.length * (double) y.length / 2;
        double variance = x.length * (double) y.length / 12 * s.tieCorrection();
        double z = (s.uReference() - half) / Math.sqrt(variance);
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
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
        double[] pooled = pooled(x, y);
        double[] ranks = averageRanks(pooled);
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

    /** x's values then y's, in one array. */
    private static double[] pooled(double[] x, double[] y) {
        double[] pooled = new double[x.length + y.length];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        return pooled;
    }

    /** Ranks from 1, ties sharing their average rank. */
    private static double[] averageRanks(double[] values) {
        return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(values);
    }

    private static SignificanceResult result(MetricId metric, String reference, String other, int n1, int n2, double p,
                                             boolean exact, boolean significant, boolean referenceBetter, double smallest,
                                             StringBuilder note) {
        String text = note.toString().trim();
        if (text.endsWith(";")) text = text.substring(0, text.length() - 1);
        return new SignificanceResult(SignificanceTest.RANK_SUM, metric, reference, other, n1, n2, p, exact, significant,
                referenceBetter, smallest, text);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }
}
