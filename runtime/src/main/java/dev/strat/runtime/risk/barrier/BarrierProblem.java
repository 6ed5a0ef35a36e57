package dev.strat.runtime.risk.barrier;

/**
 * One barrier-controller problem, a reusable workspace for up to {@link #capacity()} assets:
 * <pre>
 *   minimise   -dp' a_c
 *   subject to sum(a_c) = 0,  0 &lt;= a_rl + a_c &lt;= 1,  || Σ^(1/2) (a_rl + a_c) ||_2 &lt;= r
 * </pre>
 * With {@code x = a_rl + a_c} (a_rl sums to 1) this is a linear objective over the simplex cut by
 * an ellipsoid. Σ is kept as the matrix itself, row-major: the solver needs only the quadratic form
 * {@code ||Σ^(1/2) x||² = x'Σx}, so neither a square root (an eigendecomposition per step) nor a
 * Cholesky factor (which does not exist for the singular Σ a short window can give) is formed.
 *
 * <p>The arrays are owned by the problem and filled in place by {@link #set} or by writing into
 * {@link #dp()}, {@link #sigma()}, {@link #aRl()} after {@link #resize}; nothing is allocated after
 * construction.
 */
public final class BarrierProblem {

    private final int capacity;
    private int n;
    private final double[] dp;
    private final double[] sigma;
    private final double[] aRl;
    private double r;

    /** A workspace for problems of up to {@code capacity} assets. */
    public BarrierProblem(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("a barrier problem needs at least one asset, got " + capacity);
        this.capacity = capacity;
        this.n = capacity;
        dp = new double[capacity];
        sigma = new double[capacity * capacity];
        aRl = new double[capacity];
    }

    /** Copies a problem of {@code dp.length} assets in; {@code sigma} is n x n row-major. */
    public BarrierProblem set(double[] dp, double[] sigma, double[] aRl, double r) {
        final int size = dp.length;
        if (sigma.length != size * size || aRl.length != size) {
            throw new IllegalArgumentException("dp has " + size + " entries, so Σ needs " + size * size
                    + " and a_rl " + size + "; got " + sigma.length + " and " + aRl.length);
        }
        resize(size);
        System.arraycopy(dp, 0, this.dp, 0, size);
        for (int i = 0; i < size; i++) System.arraycopy(sigma, i * size, this.sigma, i * size, size);
        System.arraycopy(aRl, 0, this.aRl, 0, size);
        this.r = r;
        return this;
    }

    /** Sets the number of assets of the next problem (entries beyond it are ignored). */
    public void resize(int assets) {
        if (assets < 1 || assets > capacity) {
            throw new IllegalArgumentException("a problem of " + assets + " assets does not fit this workspace of " + capacity);
        }
        n = assets;
    }

    public void bound(double r) { this.r = r; }

    public int capacity() { return capacity; }

    public int assets() { return n; }

    /** Forecast price changes; the first {@link #assets()} entries are the problem's. */
    public double[] dp() { return dp; }

    /** Σ, row-major with row stride {@link #assets()}. */
    public double[] sigma() { return sigma; }

    /** The agent's action, summing to 1. */
    public double[] aRl() { return aRl; }

    /** The risk bound r (may be negative: then the problem is infeasible). */
    public double bound() { return r; }
}
