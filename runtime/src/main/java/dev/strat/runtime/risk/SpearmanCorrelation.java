package dev.strat.runtime.risk;

/**
 * Spearman rank correlation as pandas computes it ({@code DataFrame.corr(method='spearman')}):
 * every column is replaced by its ranks (ties share their average rank, pandas' {@code 'average'})
 * and the Pearson correlation of the ranks is taken. (Written here because the shared risk layer
 * has Pearson only; {@link Codependence#correlation} does the last step.) Reuses its buffers.
 */
public final class SpearmanCorrelation {

    private double[] ranks = new double[0];
    private double[] sorted = new double[0];
    private double[] mean = new double[0];
    private double[] cov = new double[0];

    /** Spearman correlation of the {@code t x n} block {@code x} (row-major, oldest first) into {@code corr}. */
    public void correlation(double[] x, int t, int n, double[] corr) {
        if (ranks.length < t * n) ranks = new double[t * n];
        if (sorted.length < t) sorted = new double[t];
        if (mean.length < n) {
            mean = new double[n];
            cov = new double[n * n];
        }
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < t; r++) sorted[r] = x[r * n + i];
            heapSort(sorted, t);   // Arrays.sort allocates run buffers; this does not
            for (int r = 0; r < t; r++) {
                double v = x[r * n + i];
                int lo = first(sorted, t, v), hi = last(sorted, t, v);
                ranks[r * n + i] = (lo + hi) / 2.0 + 1.0;  // average of ranks lo+1 .. hi+1
            }
        }
        Covariance.sample(ranks, t, n, mean, cov);
        Codependence.correlation(cov, n, corr);
    }

    /** In-place ascending heap sort of {@code a[0..len)} (no NaNs: inputs are finite). */
    static void heapSort(double[] a, int len) {
        for (int i = len / 2 - 1; i >= 0; i--) sift(a, i, len);
        for (int end = len - 1; end > 0; end--) {
            double top = a[0];
            a[0] = a[end];
            a[end] = top;
            sift(a, 0, end);
        }
    }

    private static void sift(double[] a, int i, int len) {
        double v = a[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= len) break;
            if (c + 1 < len && a[c + 1] > a[c]) c++;
            if (a[c] <= v) break;
            a[i] = a[c];
            i = c;
        }
        a[i] = v;
    }

    private static int first(double[] a, int len, double v) {
        int lo = 0, hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int last(double[] a, int len, double v) {
        int lo = 0, hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo - 1;
    }
}
