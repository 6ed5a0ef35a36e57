package dev.strat.runtime.report;

import java.util.Arrays;

/**
 * Thins long series for vector charts, which otherwise grow with every bar. Curves keep the
 * extremes of each bucket, so a sharp drawdown or spike stays visible at any zoom a report allows.
 */
public final class Downsampler {

    private Downsampler() {
    }

    /**
     * Indices to keep from {@code values} so that at most {@code maxPoints} remain (all of them when
     * there are no more than that): always the first and the last, and the minimum and maximum of
     * each of equal buckets in between, in increasing order. The global minimum and maximum are
     * therefore always kept. {@code NaN} values are never kept unless they are the first or last.
     */
    public static int[] minMaxIndices(double[] values, int maxPoints) {
        if (maxPoints < 4) throw new IllegalArgumentException("maxPoints must be at least 4, got " + maxPoints);
        int n = values.length;
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        int buckets = (maxPoints - 2) / 2;
        int inner = n - 2;
        int[] keep = new int[2 + 2 * buckets];
        int k = 0;
        keep[k++] = 0;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) inner * b / buckets);
            int to = 1 + (int) ((long) inner * (b + 1) / buckets);
            int lo = -1, hi = -1;
            for (int i = from; i < to; i++) {
                double v = values[i];
                if (Double.isNaN(v)) continue;
                if (lo < 0 || v < values[lo]) lo = i;
                if (hi < 0 || v > values[hi]) hi = i;
            }
            if (lo < 0) continue;
            if (lo == hi) {
                keep[k++] = lo;
            } else {
                keep[k++] = Math.min(lo, hi);
                keep[k++] = Math.max(lo, hi);
            }
        }
        keep[k++] = n - 1;
        return Arrays.copyOf(keep, k);
    }

    /**
     * Averages consecutive rows of a row-major {@code rows x cols} matrix into at most
     * {@code maxRows} buckets. Means keep each row's sum, so stacked weights still add to 1.
     * Returns the bucket means, row-major; {@link #bucketStarts} gives each bucket's first row.
     */
    public static double[] bucketMeans(double[] matrix, int cols, int maxRows) {
        int rows = matrix.length / cols;
        int buckets = Math.min(rows, maxRows);
        double[] out = new double[buckets * cols];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) rows * b / buckets);
            int to = (int) ((long) rows * (b + 1) / buckets);
            for (int r = from; r < to; r++) {
                for (int c = 0; c < cols; c++) out[b * cols + c] += matrix[r * cols + c];
            }
            int count = to - from;
            for (int c = 0; c < cols; c++) out[b * cols + c] /= count;
        }
        return out;
    }

    /** The first row of each bucket used by {@link #bucketMeans} for {@code rows} rows. */
    public static int[] bucketStarts(int rows, int maxRows) {
        int buckets = Math.min(rows, maxRows);
        int[] starts = new int[buckets];
        for (int b = 0; b < buckets; b++) starts[b] = (int) ((long) rows * b / buckets);
        return starts;
    }

    /**
     * Indices to keep from a categorical (or otherwise stepwise) series so that a step chart through
     * them looks like the full series: the first and last index and every index whose value differs
     * from the one before (NaN counts as a value of its own). When there are more than
     * {@code maxPoints} changes, the first index of each of {@code maxPoints - 1} equal buckets and
     * the last index instead, so the series is sampled evenly.
     */
    public static int[] changePoints(double[] values, int maxPoints) {
        if (maxPoints < 2) throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
        int n = values.length;
        if (n <= 2) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        int[] keep = new int[n];
        int k = 0;
        keep[k++] = 0;
        for (int i = 1; i < n - 1; i++) if (Double.compare(values[i], values[i - 1]) != 0) keep[k++] = i;
        keep[k++] = n - 1;
        if (k <= maxPoints) return Arrays.copyOf(keep, k);
        int buckets = maxPoints - 1;
        int[] even = new int[maxPoints];
        for (int b = 0; b < buckets; b++) even[b] = (int) ((long) n * b / buckets);
        even[buckets] = n - 1;
        return even;
    }
}
