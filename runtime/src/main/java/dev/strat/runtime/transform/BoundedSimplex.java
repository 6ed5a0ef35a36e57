package dev.strat.runtime.transform;

/**
 * Euclidean projection onto a box-constrained simplex
 * {@code {w : lo_i <= w_i <= hi_i, sum w_i = 1}}. The KKT conditions give
 * {@code w_i = clip(v_i - tau, lo_i, hi_i)} for the unique multiplier {@code tau} at which the sum
 * is 1; the sum is non-increasing in {@code tau}, so {@code tau} is found by bisection, then
 * refined exactly on the set of coordinates left strictly inside their bounds.
 */
public final class BoundedSimplex {

    private static final int BISECTIONS = 200;

    private final double[] lo;
    private final double[] hi;

    /**
     * @throws IllegalArgumentException when the set is empty ({@code sum lo > 1}, {@code sum hi < 1}
     *                                  or some {@code lo_i > hi_i})
     */
    public BoundedSimplex(double[] lo, double[] hi) {
        if (lo.length != hi.length) throw new IllegalArgumentException("bounds differ in length");
        double sumLo = 0, sumHi = 0;
        for (int i = 0; i < lo.length; i++) {
            if (!(lo[i] <= hi[i])) throw new IllegalArgumentException("lower bound " + lo[i] + " exceeds upper bound " + hi[i] + " at " + i);
            sumLo += lo[i];
            sumHi += hi[i];
        }
        if (sumLo > 1 + 1e-12) throw new IllegalArgumentException("lower bounds sum to " + sumLo + " > 1");
        if (sumHi < 1 - 1e-12) throw new IllegalArgumentException("upper bounds sum to " + sumHi + " < 1");
        this.lo = lo.clone();
        this.hi = hi.clone();
    }

    public int size() { return lo.length; }

    /** Writes the nearest point of the set to {@code v} into {@code out} ({@code out} may be {@code v}). */
    public void project(double[] v, double[] out) {
        int n = lo.length;
        // at tau = min(v - hi) every coordinate sits at its upper bound (sum >= 1); at
        // tau = max(v - lo) every coordinate sits at its lower bound (sum <= 1)
        double a = Double.POSITIVE_INFINITY, b = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("cannot project a non-finite vector");
            a = Math.min(a, v[i] - Math.min(hi[i], 1.0));
            b = Math.max(b, v[i] - lo[i]);
        }
        for (int it = 0; it < BISECTIONS && a < b; it++) {
            double mid = 0.5 * (a + b);
            if (mid <= a || mid >= b) break;
            if (sum(v, mid) > 1) a = mid; else b = mid;
        }
        double tau = 0.5 * (a + b);
        // exact refinement: with the active set fixed, sum = sum_clamped + sum_free(v) - k tau = 1
        double fixed = 0, free = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            double x = v[i] - tau;
            if (x <= lo[i]) fixed += lo[i];
            else if (x >= hi[i]) fixed += hi[i];
            else { free += v[i]; k++; }
        }
        if (k > 0) {
            double exact = (fixed + free - 1.0) / k;
            // keep the refined multiplier only if it is at least as accurate (it is, unless the
            // bisection stopped exactly on a breakpoint where the active set is ambiguous)
            if (Math.abs(sum(v, exact) - 1) <= Math.abs(sum(v, tau) - 1)) tau = exact;
        }
        for (int i = 0; i < n; i++) out[i] = Math.min(hi[i], Math.max(lo[i], v[i] - tau));
    }

    private double sum(double[] v, double tau) {
        double s = 0;
        for (int i = 0; i < lo.length; i++) s += Math.min(hi[i], Math.max(lo[i], v[i] - tau));
        return s;
    }
}
