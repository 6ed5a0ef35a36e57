package dev.strat.runtime.risk.barrier;

/**
 * The parametric box-simplex QP {@code minimise ½ x'Σx - t dp'x subject to sum x = 1, 0 <= x <= 1}
 * (optionally with some coordinates held at 0), solved exactly by a primal active-set method for a
 * positive <em>semi</em>definite Σ. This is the inner problem of {@link SocpSolver}.
 *
 * <p>The working set fixes some coordinates at a bound; the others ("free") move in the null space
 * of the budget row, parametrised by {@code x_F = x̄_F + Z y} with {@code Z = [I; -1']} (the last free
 * coordinate absorbs the budget). The reduced Hessian {@code H = Z'Σ_FF Z} is factored by Cholesky
 * with symmetric pivoting, which reveals its rank: when H is singular there is a direction of zero
 * curvature, along which the objective is linear, so the method walks along it to the next bound
 * instead of solving a singular system. It therefore only stops where H is positive definite (or
 * one coordinate is free), i.e. at a <em>basic</em> solution, which is what makes the solution path
 * in t piecewise linear with a computable slope ({@link #slope}). The last free coordinate is never
 * fixed, so the free set is never empty.
 *
 * <p>Not thread-safe; every array is allocated once for the largest size and reused.
 */
final class BoxSimplexQp {

    static final byte FREE = 0;
    static final byte LOWER = 1;
    static final byte UPPER = 2;
    /** Held at 0 and never released (the coordinates outside a face of the simplex). */
    static final byte OUT = 3;

    private final int capacity;
    private int n;
    private double[] sigma;
    private double[] dp;
    private double t;

    final double[] x;
    final double[] g;
    final byte[] state;
    final int[] free;
    int nFree;
    /** Cholesky factor (row-major, capacity x capacity) of the permuted reduced Hessian. */
    private final double[] chol;
    private final int[] perm;
    private final double[] rhs;
    private final double[] sol;
    private final double[] dir;
    private final double[] tri;
    int rank;
    int iterations;
    private double pivotTolerance;
    private double dualTolerance;

    BoxSimplexQp(int capacity) {
        this.capacity = capacity;
        x = new double[capacity];
        g = new double[capacity];
        state = new byte[capacity];
        free = new int[capacity];
        chol = new double[capacity * capacity];
        perm = new int[capacity];
        rhs = new double[capacity];
        sol = new double[capacity];
        dir = new double[capacity];
        tri = new double[capacity];
    }

    /** Binds the data of the next solves (arrays are read, not copied) and clears the warm start. */
    void bind(int n, double[] sigma, double[] dp) {
        if (n > capacity) throw new IllegalArgumentException(n + " assets exceed the solver's capacity " + capacity);
        this.n = n;
        this.sigma = sigma;
        this.dp = dp;
        double diag = 0;
        for (int i = 0; i < n; i++) diag = Math.max(diag, Math.abs(sigma[i * n + i]));
        // Pivots below this are rounding noise of a singular Σ (relative to its largest variance).
        pivotTolerance = 1e-13 * Math.max(diag, Double.MIN_NORMAL);
    }

    /** Starts from the uniform point over the coordinates not {@code excluded} (all free). */
    void coldStart(boolean[] excluded) {
        int k = 0;
        for (int i = 0; i < n; i++) if (excluded == null || !excluded[i]) k++;
        if (k == 0) throw new IllegalArgumentException("no coordinate left to hold the budget");
        for (int i = 0; i < n; i++) {
            boolean in = excluded == null || !excluded[i];
            state[i] = in ? FREE : OUT;
            x[i] = in ? 1.0 / k : 0.0;
        }
    }

    /** Turns the held-out coordinates into ordinary lower bounds (they may be released again). */
    void releaseOut() {
        for (int i = 0; i < n; i++) if (state[i] == OUT) state[i] = LOWER;
    }

    /**
     * Solves for parameter {@code t} from the current (feasible) point and working set.
     *
     * @return false when the iteration limit was reached (not seen in tests; reported honestly)
     */
    boolean solve(double t) {
        this.t = t;
        double dpMax = 0, sMax = 0;
        for (int i = 0; i < n; i++) dpMax = Math.max(dpMax, Math.abs(dp[i]));
        for (int i = 0; i < n * n; i++) sMax = Math.max(sMax, Math.abs(sigma[i]));
        dualTolerance = 1e-13 * (sMax + t * dpMax) + Double.MIN_NORMAL;
        final int limit = 50 + 20 * n;
        for (iterations = 0; iterations < limit; iterations++) {
            gradient();
            collectFree();
            if (nFree == 1) {
                rank = 0;
                if (releaseWorst()) continue;
                return true;
            }
            factorReducedHessian();
            final int m = nFree - 1;
            final int p = free[m];
            if (rank == m) {
                // Newton step to the minimiser on the current face: H y = -h.
                for (int a = 0; a < m; a++) rhs[a] = -(g[free[a]] - g[p]);
                solveFactored(rhs, sol);
                expand(sol);
                double alpha = maxStep();
                if (alpha >= 1) {
                    for (int a = 0; a < nFree; a++) x[free[a]] += dir[free[a]];
                    clampFree();
                    gradient();
                    if (releaseWorst()) continue;
                    return true;
                }
                step(alpha);
            } else {
                // Zero-curvature direction: z_q = 1, z_P1 = -H11^{-1} H1q for the first unpivoted q.
                nullDirection();
                double slope = 0;
                for (int a = 0; a < nFree; a++) slope += g[free[a]] * dir[free[a]];
                if (slope > 0) for (int a = 0; a < nFree; a++) dir[free[a]] = -dir[free[a]];
                step(maxStep());
            }
        }
        return false;
    }

    /** g = Σx - t dp. */
    private void gradient() {
        for (int i = 0; i < n; i++) {
            double s = 0;
            final int row = i * n;
            for (int j = 0; j < n; j++) s += sigma[row + j] * x[j];
            g[i] = s - t * dp[i];
        }
    }

    private void collectFree() {
        nFree = 0;
        for (int i = 0; i < n; i++) if (state[i] == FREE) free[nFree++] = i;
    }

    /** The budget multiplier: the free coordinates' common gradient (averaged against rounding). */
    double budgetMultiplier() {
        double s = 0;
        for (int a = 0; a < nFree; a++) s += g[free[a]];
        return s / nFree;
    }

    /**
     * Releases the bound with the most negative multiplier; false when every multiplier is
     * non-negative (the point is optimal).
     */
    private boolean releaseWorst() {
        final double mu = budgetMultiplier();
        int worst = -1;
        double most = -dualTolerance;
        for (int i = 0; i < n; i++) {
            double z;
            if (state[i] == LOWER) z = g[i] - mu;
            else if (state[i] == UPPER) z = mu - g[i];
            else continue;
            if (z < most) {
                most = z;
                worst = i;
            }
        }
        if (worst < 0) return false;
        state[worst] = FREE;
        return true;
    }

    /** Pivoted Cholesky of H = Z'Σ_FF Z; sets {@link #rank}. */
    private void factorReducedHessian() {
        final int m = nFree - 1;
        final int p = free[m];
        final double spp = sigma[p * n + p];
        for (int a = 0; a < m; a++) {
            final int i = free[a];
            for (int b = 0; b <= a; b++) {
                final int j = free[b];
                double h = sigma[i * n + j] - sigma[i * n + p] - sigma[p * n + j] + spp;
                chol[a * capacity + b] = h;
                chol[b * capacity + a] = h;
            }
            perm[a] = a;
        }
        rank = m;
        for (int k = 0; k < m; k++) {
            int q = k;
            double best = chol[k * capacity + k];
            for (int c = k + 1; c < m; c++) {
                double d = chol[c * capacity + c];
                if (d > best) {
                    best = d;
                    q = c;
                }
            }
            if (!(best > pivotTolerance)) {
                rank = k;
                return;
            }
            if (q != k) swapSymmetric(k, q, m);
            final double pivot = Math.sqrt(best);
            chol[k * capacity + k] = pivot;
            for (int c = k + 1; c < m; c++) chol[c * capacity + k] /= pivot;
            for (int c = k + 1; c < m; c++) {
                final double lck = chol[c * capacity + k];
                for (int d = k + 1; d <= c; d++) {
                    double v = chol[c * capacity + d] - lck * chol[d * capacity + k];
                    chol[c * capacity + d] = v;
                    chol[d * capacity + c] = v;
                }
            }
        }
    }

    private void swapSymmetric(int a, int b, int m) {
        for (int c = 0; c < m; c++) {
            double tmp = chol[a * capacity + c];
            chol[a * capacity + c] = chol[b * capacity + c];
            chol[b * capacity + c] = tmp;
        }
        for (int c = 0; c < m; c++) {
            double tmp = chol[c * capacity + a];
            chol[c * capacity + a] = chol[c * capacity + b];
            chol[c * capacity + b] = tmp;
        }
        int tp = perm[a];
        perm[a] = perm[b];
        perm[b] = tp;
    }

    /** Solves H y = b with the full-rank factor; b and y in reduced (unpermuted) coordinates. */
    private void solveFactored(double[] b, double[] y) {
        final int m = nFree - 1;
        for (int k = 0; k < m; k++) {
            double s = b[perm[k]];
            for (int c = 0; c < k; c++) s -= chol[k * capacity + c] * tri[c];
            tri[k] = s / chol[k * capacity + k];
        }
        for (int k = m - 1; k >= 0; k--) {
            double s = tri[k];
            for (int c = k + 1; c < m; c++) s -= chol[c * capacity + k] * tri[c];
            tri[k] = s / chol[k * capacity + k];
        }
        for (int k = 0; k < m; k++) y[perm[k]] = tri[k];
    }

    /** dir on the free coordinates from reduced y: x_F moves by Z y. */
    private void expand(double[] y) {
        final int m = nFree - 1;
        double sum = 0;
        for (int a = 0; a < m; a++) {
            dir[free[a]] = y[a];
            sum += y[a];
        }
        dir[free[m]] = -sum;
    }

    private void nullDirection() {
        final int m = nFree - 1;
        final int r = rank;
        // z_q = 1 for the first unpivoted position q = r (permuted coordinates); z_P1 solves L11 L11' z = -H1q.
        // After the partial factorisation, chol[c][r] for c < r holds H[P1, q] only before elimination,
        // so rebuild H1q from Σ directly.
        final int q = perm[r];
        final int p = free[m];
        final double spp = sigma[p * n + p];
        final int iq = free[q];
        for (int k = 0; k < r; k++) {
            final int i = free[perm[k]];
            rhs[k] = -(sigma[i * n + iq] - sigma[i * n + p] - sigma[p * n + iq] + spp);
        }
        for (int k = 0; k < r; k++) {
            double s = rhs[k];
            for (int c = 0; c < k; c++) s -= chol[k * capacity + c] * tri[c];
            tri[k] = s / chol[k * capacity + k];
        }
        for (int k = r - 1; k >= 0; k--) {
            double s = tri[k];
            for (int c = k + 1; c < r; c++) s -= chol[c * capacity + k] * tri[c];
            tri[k] = s / chol[k * capacity + k];
        }
        for (int a = 0; a < m; a++) sol[a] = 0;
        for (int k = 0; k < r; k++) sol[perm[k]] = tri[k];
        sol[q] = 1;
        expand(sol);
    }

    /** The distance along dir to the first bound (the blocking coordinate); infinite when none moves. */
    private double maxStep() {
        double dmax = 0;
        for (int a = 0; a < nFree; a++) dmax = Math.max(dmax, Math.abs(dir[free[a]]));
        final double eps = 1e-15 * dmax;
        double alpha = Double.POSITIVE_INFINITY;
        blocking = -1;
        for (int a = 0; a < nFree; a++) {
            final int i = free[a];
            final double d = dir[i];
            double room;
            if (d < -eps) room = x[i] / -d;
            else if (d > eps) room = (1 - x[i]) / d;
            else continue;
            if (room < alpha) {
                alpha = room;
                blocking = i;
            }
        }
        return alpha;
    }

    private int blocking;

    /** Moves by alpha along dir and fixes the blocking coordinate at its bound. */
    private void step(double alpha) {
        if (blocking < 0) throw new IllegalStateException("a direction without a blocking bound in a bounded set");
        for (int a = 0; a < nFree; a++) x[free[a]] += alpha * dir[free[a]];
        final int b = blocking;
        if (dir[b] < 0) {
            x[b] = 0;
            state[b] = LOWER;
        } else {
            x[b] = 1;
            state[b] = UPPER;
        }
        clampFree();
    }

    private void clampFree() {
        for (int a = 0; a < nFree; a++) {
            final int i = free[a];
            if (x[i] < 0) x[i] = 0;
            else if (x[i] > 1) x[i] = 1;
        }
    }

    /**
     * The slope {@code w = dx/dt} of the solution on the current basis (valid while the working set
     * stays optimal): {@code w_F = Z H^{-1} Z' dp_F}, zero on the bounds. Requires a full-rank basis,
     * which {@link #solve} guarantees at termination.
     */
    void slope(double[] w) {
        for (int i = 0; i < n; i++) w[i] = 0;
        if (nFree < 2) return;
        final int m = nFree - 1;
        final int p = free[m];
        for (int a = 0; a < m; a++) rhs[a] = dp[free[a]] - dp[p];
        solveFactored(rhs, sol);
        double sum = 0;
        for (int a = 0; a < m; a++) {
            w[free[a]] = sol[a];
            sum += sol[a];
        }
        w[p] = -sum;
    }
}
