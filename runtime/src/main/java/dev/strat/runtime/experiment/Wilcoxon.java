package dev.strat.runtime.experiment;

import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.Metrics;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Paired Wilcoxon signed-rank tests of per-seed metric values, on commons-math3.
 *
 * <p>Pairs are seeds. Pairs with a NaN on either side are left out; pairs with equal values are
 * dropped, as in Wilcoxon's original procedure, because commons-math would rank a zero difference
 * as a negative one (all-equal samples would then come out "significant"). Up to 30 differing
 * pairs the p-value is exact; beyond, it is the normal approximation. Tied magnitudes get average
 * ranks, and the exact p-value then only approximates (commons-math's exact distribution assumes
 * no ties); the result's note says so.
 *
 * <p>Two caveats worth printing. With n differing pairs the smallest attainable two-sided exact
 * p-value is {@code 2 / 2^n} ({@link SignificanceResult#smallestP()}): with 5 seeds no difference
 * can be significant at 0.05, so a small experiment says "not significant" without meaning "equal". And a deterministic strategy (CRP,
 * buy-and-hold, OLMAR) gives the same value under every seed, so its side of each pair is a
 * constant: the test then asks whether the other strategy's median differs from that constant.
 */
public final class Wilcoxon {

    private static final int EXACT_LIMIT = 30;

    private Wilcoxon() {
    }

    /** Tests {@code reference} against {@code other}, seed by seed. */
    public static SignificanceResult test(MetricId metric, String reference, double[] ref, String other, double[] oth,
                                          double alpha) {
        if (ref.length != oth.length) throw new IllegalArgumentException("paired samples differ in length");
        int pairs = 0, differing = 0;
        for (int k = 0; k < ref.length; k++) {
            if (Double.isNaN(ref[k]) || Double.isNaN(oth[k])) continue;
            pairs++;
            if (ref[k] != oth[k]) differing++;
        }
        double[] x = new double[differing], y = new double[differing];
        for (int k = 0, j = 0; k < ref.length; k++) {
            if (Double.isNaN(ref[k]) || Double.isNaN(oth[k]) || ref[k] == oth[k]) continue;
            x[j] = ref[k];
            y[j++] = oth[k];
        }
        double refMean = Metrics.mean(clean(ref, oth)), othMean = Metrics.mean(clean(oth, ref));
        boolean referenceBetter = metric.higherIsBetter() ? refMean > othMean : refMean < othMean;
        StringBuilder note = new StringBuilder();
        if (pairs < ref.length) note.append(ref.length - pairs).append(" seed(s) without a value left out; ");
        if (pairs == 0) {
            return new SignificanceResult(metric, reference, other, 0, 0, Double.NaN, true, false, false, Double.NaN,
                    (note + "no seed has a value for both").trim());
        }
        if (differing == 0) {
            return new SignificanceResult(metric, reference, other, pairs, 0, 1.0, true, false, false, 1.0,
                    (note + "identical on every seed").trim());
        }
        boolean exact = differing <= EXACT_LIMIT;
        double p = Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, exact));
        if (exact && hasTiedMagnitudes(x, y)) {
            note.append("tied differences: the exact p-value assumes none, so it is approximate; ");
        }
        double smallest = exact ? 2.0 / Math.pow(2, differing) : Double.NaN;
        if (!exact) note.append("normal approximation; ");
        String text = note.toString().trim();
        if (text.endsWith(";")) text = text.substring(0, text.length() - 1);
        return new SignificanceResult(metric, reference, other, pairs, differing, p, exact, p < alpha, referenceBetter,
                smallest, text);
    }

    private static boolean hasTiedMagnitudes(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int k = 0; k < d.length; k++) d[k] = Math.abs(x[k] - y[k]);
        java.util.Arrays.sort(d);
        for (int k = 1; k < d.length; k++) if (d[k] == d[k - 1]) return true;
        return false;
    }

    private static double[] clean(double[] a, double[] b) {
        int n = 0;
        for (int k = 0; k < a.length; k++) if (!Double.isNaN(a[k]) && !Double.isNaN(b[k])) n++;
        double[] out = new double[n];
        for (int k = 0, j = 0; k < a.length; k++) if (!Double.isNaN(a[k]) && !Double.isNaN(b[k])) out[j++] = a[k];
        return out;
    }

    /** The caveat for an underpowered test, as tables print it. */
    public static String powerNote(int differing, double smallestP, double alpha) {
        return "with " + differing + " differing seed(s) the smallest attainable p is " + formatP(smallestP)
                + ", so no result can be significant at " + TableRenderer.plain(alpha);
    }

    static String formatP(double p) {
        return p >= 0.001 ? String.format(java.util.Locale.ROOT, "%.3f", p) : String.format(java.util.Locale.ROOT, "%.1e", p);
    }
}
