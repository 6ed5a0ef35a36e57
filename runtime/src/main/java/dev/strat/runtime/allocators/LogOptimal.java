package dev.strat.runtime.allocators;

/**
 * The log-optimal (growth-optimal) portfolio of a finite set of price-relative vectors,
 * {@code argmax_{b in simplex} sum_k log(b · x_k)}, by Cover's multiplicative fixed-point
 * iteration (T. M. Cover, "An Algorithm for Maximizing Expected Log Investment Return", IEEE
 * Transactions on Information Theory 30(2), 1984):
 * {@code b_i <- b_i * (1/K) sum_k x_{k,i} / (b · x_k)}. Each step stays on the simplex, never
 * decreases the objective, and converges to the optimum from any interior start.
 *
 * <p>The solver is deterministic: it always starts from the uniform portfolio and runs until the
 * largest weight change falls below {@link #TOLERANCE} or {@link #MAX_ITERATIONS} is reached.
 * It reuses its scratch array, allocating nothing per call.
 */
public final class LogOptimal {

    /** Largest change of any weight at which the iteration stops. */
    public static final double TOLERANCE = 1e-13;
    /** Iteration cap; with relatives of daily data the iteration settles well before it. */
    public static final int MAX_ITERATIONS = 1000;

    private final int n;
    private final double[] next;

    public LogOptimal(int n) {
        this.n = n;
        this.next = new double[n];
    }

    /**
     * Solves for the {@code k} relative vectors stored row-major in {@code xs} (row r at
     * {@code xs[r * n]}) and writes the portfolio into {@code b[0..n)}. With {@code k = 0} the
     * answer is uniform.
     */
    public void solve(double[] xs, int k, double[] b) {
        for (int i = 0; i < n; i++) b[i] = 1.0 / n;
        if (k == 0) return;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            java.util.Arrays.fill(next, 0.0);
            for (int r = 0; r < k; r++) {
                int base = r * n;
                double bx = 0;
                for (int i = 0; i < n; i++) bx += b[i] * xs[base + i];
                double inv = 1.0 / (bx * k);
                for (int i = 0; i < n; i++) next[i] += xs[base + i] * inv;
            }
            double change = 0, sum = 0;
            for (int i = 0; i < n; i++) {
                double v = b[i] * next[i];
                change = Math.max(change, Math.abs(v - b[i]));
                b[i] = v;
                sum += v;
            }
            // the iteration preserves the sum exactly in real arithmetic; renormalise rounding drift
            for (int i = 0; i < n; i++) b[i] /= sum;
            if (change < TOLERANCE) return;
        }
    }
}
