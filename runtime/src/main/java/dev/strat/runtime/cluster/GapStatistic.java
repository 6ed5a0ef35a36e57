package dev.strat.runtime.cluster;

/**
 * The two-difference gap statistic (Yue, Wang and Wei, 2008) that chooses the number of clusters
 * of a dendrogram, exactly as riskfolio-lib's {@code AuxFunctions.two_diff_gap_stat} computes it:
 * for every cut into {@code k = 1, 2, ...} clusters up to {@code min(max_k, sqrt(n)) + 2} it
 * sums over clusters the population standard deviation of the within-cluster pairwise distances
 * ({@code W_1 = -inf}), and picks the first {@code k} maximising
 * {@code W_{k+2} + W_k - 2 W_{k+1}}. Sums follow numpy's pairwise summation so that near-ties
 * resolve as in riskfolio.
 *
 * <p>riskfolio raises when fewer than three cuts can be compared ({@code n <= 2}); here the answer
 * is then one cluster. Not thread-safe; reuses its scratch arrays.
 */
public final class GapStatistic {

    private int capacity = -1;
    private int[] levels;       // levels x n cut_tree labels
    private double[] w;         // W_k
    private double[] pairs;     // within-cluster distances of one cluster
    private double[] stds;      // per-cluster standard deviations
    private int[] members;

    /**
     * The number of clusters for {@code z} built from {@code dist} (n x n row-major), with
     * {@code labels} (length n) receiving each observation's cluster 0..k-1.
     */
    public int twoDiff(double[] dist, int n, Dendrogram z, int maxK, int[] labels) {
        if (maxK < 1) throw new IllegalArgumentException("max_k must be >= 1");
        ensure(n);
        double limit = Math.min(maxK, Math.sqrt(n)) + 2;
        int kMax = (int) Math.min(n, Math.floor(limit));
        z.cutTreeLevels(kMax, levels);
        int count = 0;
        for (int k = 1; k <= kMax; k++) {
            if (k == 1) {
                w[count++] = Double.NEGATIVE_INFINITY;
                continue;
            }
            int base = (k - 1) * n;
            int clusters = 0;
            for (int c = 0; c < k; c++) {
                int size = 0;
                for (int i = 0; i < n; i++) if (levels[base + i] == c) members[size++] = i;
                if (size < 2) continue;   // a singleton has no pairwise distance
                int p = 0;
                for (int a = 0; a < size; a++) {
                    for (int b = a + 1; b < size; b++) pairs[p++] = dist[members[a] * n + members[b]];
                }
                stds[clusters++] = std(pairs, p);
            }
            w[count++] = pairwiseSum(stds, 0, clusters);
        }
        int best = -1;
        double bestGap = Double.NaN;
        for (int i = 0; i + 2 < count; i++) {
            double gap = (w[i + 2] + w[i]) - 2 * w[i + 1];
            if (Double.isNaN(gap)) continue;
            if (best < 0 || gap > bestGap) {
                best = i;
                bestGap = gap;
            }
        }
        int k = best < 0 ? 1 : best + 1;
        if (z.isMonotonic()) {
            System.arraycopy(levels, (k - 1) * n, labels, 0, n);
            return k;
        }
        // riskfolio's repair for non-monotonic trees: fcluster until it yields exactly k labels
        z.maxClusters(k, labels);
        int j = distinct(labels, n);
        while (k != j) {
            j++;
            z.maxClusters(j, labels);
            k = distinct(labels, n);
        }
        denseRank(labels, n);
        return k;
    }

    private void ensure(int n) {
        if (n <= capacity) return;
        capacity = n;
        levels = new int[n * n];
        w = new double[n + 1];
        pairs = new double[Math.max(1, n * (n - 1) / 2)];
        stds = new double[n];
        members = new int[n];
    }

    private int distinct(int[] labels, int n) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            boolean seen = false;
            for (int j = 0; j < i; j++) if (labels[j] == labels[i]) seen = true;
            if (!seen) c++;
        }
        return c;
    }

    /** numpy's {@code np.unique(..., return_inverse=True)[1]}: labels replaced by their rank. */
    private void denseRank(int[] labels, int n) {
        for (int i = 0; i < n; i++) members[i] = labels[i];
        for (int i = 0; i < n; i++) {
            int rank = 0;
            for (int j = 0; j < n; j++) {
                // count the distinct values below members[i]
                boolean smaller = members[j] < members[i];
                boolean first = true;
                for (int q = 0; q < j; q++) if (members[q] == members[j]) first = false;
                if (smaller && first) rank++;
            }
            labels[i] = rank;
        }
    }

    /** numpy's {@code std} (ddof 0): mean and mean square deviation by pairwise summation. */
    static double std(double[] x, int len) {
        double mean = pairwiseSum(x, 0, len) / len;
        double[] dev = x;  // overwritten in place: the caller refills it per cluster
        for (int i = 0; i < len; i++) {
            double e = x[i] - mean;
            dev[i] = e * e;
        }
        return Math.sqrt(pairwiseSum(dev, 0, len) / len);
    }

    /** numpy's pairwise summation ({@code pairwise_sum} in loops_utils), block size 128. */
    static double pairwiseSum(double[] a, int off, int len) {
        if (len < 8) {
            double res = 0.;
            for (int i = 0; i < len; i++) res += a[off + i];
            return res;
        }
        if (len <= 128) {
            double r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            double r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i;
            for (i = 8; i < len - (len % 8); i += 8) {
                r0 += a[off + i];
                r1 += a[off + i + 1];
                r2 += a[off + i + 2];
                r3 += a[off + i + 3];
                r4 += a[off + i + 4];
                r5 += a[off + i + 5];
                r6 += a[off + i + 6];
                r7 += a[off + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < len; i++) res += a[off + i];
            return res;
        }
        int n2 = len / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, len - n2);
    }
}
