package dev.strat.runtime.allocators;

import java.util.Arrays;

/**
 * Euclidean projection onto the probability simplex {@code {w : w_i >= 0, sum w_i = 1}}, by the
 * sort-based algorithm of Duchi, Shalev-Shwartz, Singer and Chandra, "Efficient Projections onto
 * the l1-Ball for Learning in High Dimensions", ICML 2008 (Fig. 1). The online mean-reversion
 * allocators (OLMAR, PAMR) step off the simplex and come back through this projection.
 *
 * <p>Instances hold one scratch buffer so that repeated projections allocate nothing; they are not
 * thread-safe.
 */
public final class Simplex {

    private final double[] sorted;

    /** A projector for vectors of {@code n} entries. */
    public Simplex(int n) {
        if (n < 1) throw new IllegalArgumentException("the simplex needs at least one coordinate");
        this.sorted = new double[n];
    }

    /**
     * Writes the point of the simplex nearest to {@code v[0..n)} into {@code out[0..n)}. {@code out}
     * may be {@code v}. Non-finite input is rejected because it has no nearest point.
     */
    public void project(double[] v, double[] out) {
        int n = sorted.length;
        System.arraycopy(v, 0, sorted, 0, n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(sorted[i])) throw new IllegalArgumentException("cannot project a non-finite vector onto the simplex");
        }
        Arrays.sort(sorted);
        // walk the values in decreasing order; rho is the last index where u_j - theta_j stays positive
        double cumulative = 0, theta = 0;
        for (int j = 1; j <= n; j++) {
            double u = sorted[n - j];
            cumulative += u;
            double t = (cumulative - 1.0) / j;
            if (u - t > 0) theta = t;
        }
        for (int i = 0; i < n; i++) out[i] = Math.max(v[i] - theta, 0.0);
    }
}
