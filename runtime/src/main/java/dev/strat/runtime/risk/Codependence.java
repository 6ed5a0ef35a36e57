package dev.strat.runtime.risk;

/**
 * Codependence measures between assets and the distances hierarchical clustering works on, as
 * riskfolio-lib defines them ({@code AuxFunctions.codep_dist}, {@code AuxFunctions.cov2corr}).
 * Matrices are {@code n x n}, row-major, written into caller-owned buffers.
 */
public final class Codependence {

    private Codependence() {}

    /**
     * Pearson correlation from a covariance matrix, riskfolio-lib's {@code cov2corr}:
     * <pre>
     *   corr_ij = clip(cov_ij / sqrt(cov_ii cov_jj), -1, 1),   corr_ii = 1
     * </pre>
     * An asset with zero (or non-positive) variance gets correlation 0 with every other asset and
     * 1 with itself, where pandas and riskfolio would give NaN. {@code corr} may be {@code cov}
     * itself (in place).
     */
    public static void correlation(double[] cov, int n, double[] corr) {
        if (n < 1) throw new IllegalArgumentException("need at least one asset, got n = " + n);
        if (cov.length < n * n || corr.length < n * n) {
            throw new IllegalArgumentException("correlation needs n x n = " + n * n + " buffers");
        }
        // the diagonal is overwritten last, so an in-place call still reads the variances
        for (int i = 0; i < n; i++) {
            final double vi = cov[i * n + i];
            for (int j = i + 1; j < n; j++) {
                final double vj = cov[j * n + j];
                double c = 0.0;
                if (vi > 0 && vj > 0) {
                    c = cov[i * n + j] / (Math.sqrt(vi) * Math.sqrt(vj));
                    c = c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c;
                }
                corr[i * n + j] = c;
                corr[j * n + i] = c;
            }
        }
        for (int i = 0; i < n; i++) corr[i * n + i] = 1.0;
    }

    /**
     * riskfolio-lib's correlation distances ({@code codep_dist}):
     * <pre>
     *   signed    (pearson, spearman, kendall):       d_ij = sqrt(clip((1 - rho_ij) / 2, 0, 1))
     *   absolute  (abs_pearson, abs_spearman, ...):   d_ij = sqrt(clip(1 - |rho_ij|, 0, 1))
     * </pre>
     * The first is Lopez de Prado's (2016) HRP distance. {@code dist} may be {@code corr} itself.
     */
    public static void distance(double[] corr, int n, boolean absolute, double[] dist) {
        if (n < 1) throw new IllegalArgumentException("need at least one asset, got n = " + n);
        if (corr.length < n * n || dist.length < n * n) {
            throw new IllegalArgumentException("distance needs n x n = " + n * n + " buffers");
        }
        for (int k = 0; k < n * n; k++) {
            final double rho = corr[k];
            double v = absolute ? 1.0 - Math.abs(rho) : (1.0 - rho) / 2;
            v = v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
            dist[k] = Math.sqrt(v);
        }
    }

    /** Doubles of scratch {@link #spearman(double[], int, int, double[], double[])} needs: {@code t * n + t + n}. */
    public static int spearmanScratch(int t, int n) {
        return t * n + t + n;
    }

    /** {@link #spearman(double[], int, int, double[], double[])} with a scratch it allocates. */
    public static void spearman(double[] x, int t, int n, double[] corr) {
        spearman(x, t, n, corr, new double[spearmanScratch(t, n)]);
    }

    /**
     * Spearman rank correlation of the columns of the {@code t x n} block {@code x} (row-major,
     * oldest bar first), pandas' {@code DataFrame.corr(method="spearman")} (riskfolio-lib's
     * {@code codependence="spearman"}): each column is ranked with ties given their average rank
     * ({@code rank(method="average")}), then {@link #correlation Pearson} correlation of the ranks.
     * A column whose values are all equal gets correlation 0 with the others (pandas: NaN).
     * Values must be finite ({@code -0.0} ranks with {@code 0.0}). O(N T log T + N² T).
     *
     * @param scratch at least {@link #spearmanScratch}(t, n) doubles, overwritten
     */
    public static void spearman(double[] x, int t, int n, double[] corr, double[] scratch) {
        if (t < 2) throw new IllegalArgumentException("rank correlation needs at least 2 bars, got t = " + t);
        if (x.length < t * n) throw new IllegalArgumentException("returns block holds " + x.length + " values, t x n = " + t * n);
        if (corr.length < n * n) throw new IllegalArgumentException("correlation buffer holds " + corr.length + ", need " + n * n);
        if (scratch.length < spearmanScratch(t, n)) {
            throw new IllegalArgumentException("scratch holds " + scratch.length + ", need " + spearmanScratch(t, n));
        }
        final int sorted = t * n, mean = t * n + t;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < t; r++) scratch[sorted + r] = x[r * n + i] + 0.0;   // + 0.0 turns -0.0 into 0.0
            heapSort(scratch, sorted, sorted + t);   // Arrays.sort may allocate merge buffers; this never does
            for (int r = 0; r < t; r++) {
                final double v = x[r * n + i] + 0.0;
                final int lo = lowerBound(scratch, sorted, sorted + t, v) - sorted;
                final int hi = upperBound(scratch, sorted, sorted + t, v) - sorted;
                scratch[r * n + i] = (lo + 1 + hi) / 2.0;   // average of the 1-based ranks lo+1 .. hi
            }
        }
        // Pearson of the ranks: the covariance goes into corr, then is normalised in place
        Covariance.means(scratch, t, n, scratch, mean);
        Covariance.centredProducts(scratch, t, n, scratch, mean, corr);
        correlation(corr, n, corr);
    }

    /**
     * Kendall's tau-b between the columns of the {@code t x n} block {@code x}, pandas'
     * {@code DataFrame.corr(method="kendall")} (scipy's {@code kendalltau}, variant b; riskfolio-lib's
     * {@code codependence="kendall"}). Over all pairs of bars {@code a < b}:
     * <pre>
     *   tau_b = (concordant - discordant) / sqrt((n0 - tiesX) (n0 - tiesY)),   n0 = t (t - 1) / 2
     * </pre>
     * where a pair tied in both columns counts in both tie totals. A constant column gets 0 with
     * the others (pandas: NaN). Allocation-free, O(N² T²): about 0.45 s for 20 assets x 700 bars on a busy two-core machine,
     * so meant for occasional use, not every bar.
     */
    public static void kendall(double[] x, int t, int n, double[] corr) {
        if (t < 2) throw new IllegalArgumentException("rank correlation needs at least 2 bars, got t = " + t);
        if (x.length < t * n) throw new IllegalArgumentException("returns block holds " + x.length + " values, t x n = " + t * n);
        if (corr.length < n * n) throw new IllegalArgumentException("correlation buffer holds " + corr.length + ", need " + n * n);
        for (int i = 0; i < n; i++) {
            corr[i * n + i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                long s = 0, pairsX = 0, pairsY = 0;
                for (int a = 0; a < t; a++) {
                    final double xa = x[a * n + i], ya = x[a * n + j];
                    for (int b = a + 1; b < t; b++) {
                        // primitive comparisons: -0.0 ties with 0.0, as in pandas
                        final double xb = x[b * n + i], yb = x[b * n + j];
                        final int dx = (xa > xb ? 1 : 0) - (xa < xb ? 1 : 0);
                        final int dy = (ya > yb ? 1 : 0) - (ya < yb ? 1 : 0);
                        s += dx * dy;
                        pairsX += dx & 1;
                        pairsY += dy & 1;
                    }
                }
                final double tau = pairsX == 0 || pairsY == 0 ? 0.0 : s / (Math.sqrt((double) pairsX) * Math.sqrt((double) pairsY));
                corr[i * n + j] = tau;
                corr[j * n + i] = tau;
            }
        }
    }

    private static int lowerBound(double[] a, int from, int to, double v) {
        int lo = from, hi = to;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int upperBound(double[] a, int from, int to, double v) {
        int lo = from, hi = to;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** In-place ascending heap sort of {@code a[from..to)} (finite values). */
    private static void heapSort(double[] a, int from, int to) {
        final int len = to - from;
        for (int i = len / 2 - 1; i >= 0; i--) sift(a, from, i, len);
        for (int end = len - 1; end > 0; end--) {
            double top = a[from];
            a[from] = a[from + end];
            a[from + end] = top;
            sift(a, from, 0, end);
        }
    }

    private static void sift(double[] a, int from, int i, int len) {
        double v = a[from + i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= len) break;
            if (c + 1 < len && a[from + c + 1] > a[from + c]) c++;
            if (a[from + c] <= v) break;
            a[from + i] = a[from + c];
            i = c;
        }
        a[from + i] = v;
    }
}
