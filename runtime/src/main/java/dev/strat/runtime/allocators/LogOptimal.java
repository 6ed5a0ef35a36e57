package dev.strat.runtime.allocators;

import java.util.Arrays;

/**
 * The log-optimal (growth-optimal) portfolio of a finite set of price-relative vectors,
 * {@code argmax_{b in simplex} f(b) = (1/K) sum_k log(b · x_k)}, by an active-set projected Newton
 * method. For this objective {@code sum_i b_i ∂f/∂b_i = 1} identically, so the KKT conditions
 * read: {@code ∂f/∂b_i = 1} where {@code b_i > 0} and {@code ∂f/∂b_i <= 1} where {@code b_i = 0}.
 *
 * <p>Each iteration takes the Newton step of {@code f} restricted to the free coordinates and to
 * the budget plane (an equality-constrained quadratic model, solved exactly), shortened by a
 * ratio test so no weight turns negative, and by Armijo backtracking. A coordinate that reaches 0
 * is fixed there; a fixed coordinate whose gradient exceeds 1 is released. The iteration starts at
 * the uniform portfolio, so the result is deterministic, and stops when the KKT conditions hold to
 * {@link #TOLERANCE} or after {@link #MAX_ITERATIONS} steps (Newton converges quadratically near the
 * optimum; the cap is a guard, not the usual exit). A tiny ridge keeps the model strictly concave
 * when there are fewer observations than assets. Scratch arrays are allocated once (the per-row
 * buffer grows to the largest problem seen). The gradient is computed in every coordinate but the
 * Hessian only on the free ones, and the objective only over the positive weights: log-optimal
 * portfolios are sparse, so most iterations work on a handful of assets.
 *
 * <p>Cover's multiplicative fixed point (Cover 1984) solves the same problem with simpler steps
 * but converges only linearly, far too slowly for a solver called at every decision.
 */
public final class LogOptimal {

    /**
     * KKT residual at which the iteration stops. Close to the gradient's rounding (about 1e-15 for
     * relatives near 1), because the weights are only as accurate as this divided by the
     * objective's curvature, which is small (1e-3 and less) when assets move together.
     */
    public static final double TOLERANCE = 1e-14;
    /** Iteration cap. */
    public static final int MAX_ITERATIONS = 200;
    /** Directional derivative below which a full Newton step is taken without an objective test. */
    static final double NOISE_SLOPE = 1e-12;
    /** Such steps per solve: Newton needs one or two; more means rounding stalls the gradient. */
    static final int MAX_EXACT_STEPS = 4;

    private final int n;
    private final double[] grad;
    private final double[] hess;     // n x n, the negated Hessian (positive semi-definite)
    private final double[] system;   // (n + 1) x (n + 1) KKT matrix of the free coordinates
    private final double[] rhs;
    private final double[] step;
    private final double[] trial;
    private final int[] index;
    private final boolean[] free;
    private final int[] support;     // indices of the positive weights of the portfolio being evaluated
    private double[] inverse = new double[16];   // 1 / (b · x_r) per row; grows to the largest k seen
    private double[] scaled = new double[16];    // free columns of x_r / (b · x_r), column-major; grows likewise
    /** Rows whose growth factors are multiplied before one logarithm is taken. */
    static final int LOG_BLOCK = 16;

    public LogOptimal(int n) {
        this.n = n;
        this.grad = new double[n];
        this.hess = new double[n * n];
        this.system = new double[(n + 1) * (n + 1)];
        this.rhs = new double[n + 1];
        this.step = new double[n];
        this.trial = new double[n];
        this.index = new int[n];
        this.free = new boolean[n];
        this.support = new int[n];
    }

    /**
     * Solves for the {@code k} relative vectors stored row-major in {@code xs} (row r at
     * {@code xs[r * n]}, all entries positive) and writes the portfolio into {@code b[0..n)}.
     * With {@code k = 0} the answer is uniform. The iteration starts at the uniform portfolio.
     */
    public void solve(double[] xs, int k, double[] b) {
        Arrays.fill(b, 0, n, 1.0 / n);
        if (k == 0 || n == 1) return;
        Arrays.fill(free, true);
        iterate(xs, k, b);
    }

    /**
     * Like {@link #solve} but starts the iteration at the portfolio {@code b} holds on entry (for
     * example the previous decision's answer), with its zero weights fixed until their gradient
     * releases them. Near the optimum Newton's method needs only a step or two, so a good start
     * saves most of the work. When the problem has a unique maximiser (the relative vectors span
     * all {@code n} directions, e.g. {@code k >= n} generic observations) the answer agrees with
     * {@link #solve}'s to the solver's tolerance; when the maximiser is not unique the two may
     * return different optimal portfolios. A start that is not a valid portfolio (negative, not
     * finite or not summing to 1 within 1e-9) is replaced by the uniform one.
     */
    public void solveFrom(double[] xs, int k, double[] b) {
        double sum = 0;
        boolean valid = true;
        for (int i = 0; i < n; i++) {
            if (!(b[i] >= 0) || !Double.isFinite(b[i])) valid = false;
            sum += b[i];
        }
        if (!valid || !(Math.abs(sum - 1) <= 1e-9) || k == 0 || n == 1) {
            solve(xs, k, b);
            return;
        }
        for (int i = 0; i < n; i++) {
            b[i] /= sum;
            free[i] = b[i] > 0;
        }
        iterate(xs, k, b);
    }

    /** The active-set Newton iteration from {@code b}; coordinates that are not free hold 0. */
    private void iterate(double[] xs, int k, double[] b) {
        double value = Double.NaN;   // the objective at b, evaluated when a line search needs it
        int exactSteps = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            // converge on the free weights first; the fixed ones' gradients (a pass over every
            // asset) are only needed to confirm optimality or to release one
            gradient(xs, k, b);
            boolean optimal = true;
            for (int a = 0, m = freeCount(); a < m; a++) if (Math.abs(grad[index[a]] - 1) > TOLERANCE) optimal = false;
            if (optimal) {
                fixedGradient(xs, k);
                for (int i = 0; i < n; i++) {
                    // release a fixed weight whose marginal growth beats the budget's price
                    if (!free[i] && grad[i] > 1 + TOLERANCE) {
                        free[i] = true;
                        optimal = false;
                    }
                }
                if (optimal) return;
            }
            hessian(xs, k);
            // a released weight must move up; if the model says otherwise keep it fixed and redo
            boolean again = true;
            while (again) {
                newtonStep(b);
                again = false;
                for (int i = 0; i < n; i++) {
                    if (free[i] && b[i] == 0 && step[i] <= 0) {
                        free[i] = false;
                        again = true;
                    }
                }
            }
            // ratio test: the longest step keeping every weight non-negative, capped at the full step
            double alpha = 1;
            int blocking = -1;
            for (int i = 0; i < n; i++) {
                if (step[i] < 0 && -b[i] / step[i] < alpha) {
                    alpha = -b[i] / step[i];
                    blocking = i;
                }
            }
            double slope = 0;
            for (int i = 0; i < n; i++) if (step[i] != 0) slope += grad[i] * step[i];
            if (!(slope > 0)) return; // no ascent left at machine precision
            double next = Double.NEGATIVE_INFINITY;
            if (slope < NOISE_SLOPE && exactSteps < MAX_EXACT_STEPS) {
                // Within about 1e-8 of the optimum the objective's rounding (~1e-16) hides the
                // step's gain (~slope / 2), and comparing values would stop the iteration at
                // whichever point it happened to reach. There the quadratic model is exact to far
                // below rounding, so take the full Newton step on the gradient's word: the answer
                // then no longer depends on where the iteration started. (The step still stops at
                // the first weight it drives to zero, which the next iteration fixes there.)
                exactSteps++;
                for (int i = 0; i < n; i++) trial[i] = Math.max(0.0, b[i] + alpha * step[i]);
                if (blocking >= 0) trial[blocking] = 0.0;
                double sum = 0;
                for (int i = 0; i < n; i++) sum += trial[i];
                for (int i = 0; i < n; i++) {
                    b[i] = trial[i] / sum;
                    if (b[i] == 0) free[i] = false;
                }
                value = Double.NaN;
                continue;
            }
            if (Double.isNaN(value)) value = objective(xs, k, b);
            for (int halving = 0; halving < 60; halving++) {
                for (int i = 0; i < n; i++) trial[i] = Math.max(0.0, b[i] + alpha * step[i]);
                if (blocking >= 0 && halving == 0) trial[blocking] = 0.0;
                next = objective(xs, k, trial);
                if (next >= value + 1e-4 * alpha * slope) break;
                alpha *= 0.5;
                blocking = -1;
            }
            if (!(next >= value)) return;
            double sum = 0;
            for (int i = 0; i < n; i++) sum += trial[i];
            for (int i = 0; i < n; i++) {
                b[i] = trial[i] / sum;
                if (b[i] == 0) free[i] = false;
            }
            value = next;
        }
    }

    private int freeCount() {
        int m = 0;
        for (int i = 0; i < n; i++) if (free[i]) index[m++] = i;
        return m;
    }

    /**
     * Mean log growth of {@code b}; only its positive entries are read (the others are 0). The
     * logarithm of a product of a few growth factors replaces the sum of their logarithms (one
     * {@code log} per {@value #LOG_BLOCK} rows), unless the product leaves the safe range.
     */
    private double objective(double[] xs, int k, double[] b) {
        int m = 0;
        for (int i = 0; i < n; i++) if (b[i] > 0) support[m++] = i;
        double s = 0;
        for (int r0 = 0; r0 < k; r0 += LOG_BLOCK) {
            int r1 = Math.min(k, r0 + LOG_BLOCK);
            double product = 1;
            for (int r = r0; r < r1; r++) {
                int base = r * n;
                double bx = 0;
                for (int a = 0; a < m; a++) bx += b[support[a]] * xs[base + support[a]];
                if (!(bx > 0)) return Double.NEGATIVE_INFINITY;
                product *= bx;
            }
            if (product > 1e-280 && product < 1e280) {
                s += Math.log(product);
            } else {
                for (int r = r0; r < r1; r++) {
                    int base = r * n;
                    double bx = 0;
                    for (int a = 0; a < m; a++) bx += b[support[a]] * xs[base + support[a]];
                    s += Math.log(bx);
                }
            }
        }
        return s / k;
    }

    /**
     * The gradient in the free coordinates; keeps {@code 1 / (b · x_r)} of every row for
     * {@link #fixedGradient} and {@link #hessian}. Entries of fixed coordinates are stale.
     */
    private void gradient(double[] xs, int k, double[] b) {
        if (inverse.length < k) inverse = new double[Math.max(k, 2 * inverse.length)];
        int p = 0;
        for (int i = 0; i < n; i++) if (b[i] > 0) support[p++] = i;
        for (int r = 0; r < k; r++) {
            int base = r * n;
            double bx = 0;
            for (int a = 0; a < p; a++) bx += b[support[a]] * xs[base + support[a]];
            inverse[r] = 1.0 / bx;
        }
        columns(xs, k, index, freeCount());
    }

    /** The gradient in the fixed coordinates, at the point of the last {@link #gradient}. */
    private void fixedGradient(double[] xs, int k) {
        int f = 0;
        for (int i = 0; i < n; i++) if (!free[i]) support[f++] = i;
        columns(xs, k, support, f);
    }

    /**
     * {@code grad_i = (1/k) sum_r x_ri / (b · x_r)} for the coordinates {@code coords[0..count)},
     * four at a time so that four independent sums hide the addition latency (each is still
     * summed over r in order).
     */
    private void columns(double[] xs, int k, int[] coords, int count) {
        int a = 0;
        for (; a + 3 < count; a += 4) {
            int i0 = coords[a], i1 = coords[a + 1], i2 = coords[a + 2], i3 = coords[a + 3];
            double g0 = 0, g1 = 0, g2 = 0, g3 = 0;
            for (int r = 0, base = 0; r < k; r++, base += n) {
                double inv = inverse[r];
                g0 += xs[base + i0] * inv;
                g1 += xs[base + i1] * inv;
                g2 += xs[base + i2] * inv;
                g3 += xs[base + i3] * inv;
            }
            grad[i0] = g0 / k;
            grad[i1] = g1 / k;
            grad[i2] = g2 / k;
            grad[i3] = g3 / k;
        }
        for (; a < count; a++) {
            int i = coords[a];
            double g = 0;
            for (int r = 0, at = i; r < k; r++, at += n) g += xs[at] * inverse[r];
            grad[i] = g / k;
        }
    }

    /**
     * The negated Hessian on the free coordinates only, at the point of the last {@link #gradient}:
     * log-optimal portfolios are sparse, so this is where most of the work is saved
     * ({@code k * m^2 / 2} for {@code m} free weights instead of {@code k * n^2 / 2}). The scaled
     * free columns {@code x_ri / (b · x_r)} are gathered first, so every entry is a dot product
     * of two contiguous arrays summed in a register.
     */
    private void hessian(double[] xs, int k) {
        int m = freeCount();
        if (scaled.length < m * k) scaled = new double[Math.max(m * k, 2 * scaled.length)];
        for (int a = 0; a < m; a++) {
            int col = a * k;
            for (int r = 0, at = index[a]; r < k; r++, at += n) scaled[col + r] = xs[at] * inverse[r];
        }
        for (int a = 0; a < m; a++) {
            int ca = a * k;
            int c = a;
            // four entries per pass: four independent sums hide the latency of the additions
            // (each entry is still summed over r in order, so blocking does not change its value)
            for (; c + 3 < m; c += 4) {
                int c0 = c * k, c1 = c0 + k, c2 = c1 + k, c3 = c2 + k;
                double h0 = 0, h1 = 0, h2 = 0, h3 = 0;
                for (int r = 0; r < k; r++) {
                    double y = scaled[ca + r];
                    h0 += y * scaled[c0 + r];
                    h1 += y * scaled[c1 + r];
                    h2 += y * scaled[c2 + r];
                    h3 += y * scaled[c3 + r];
                }
                store(a, c, h0 / k);
                store(a, c + 1, h1 / k);
                store(a, c + 2, h2 / k);
                store(a, c + 3, h3 / k);
            }
            for (; c < m; c++) {
                int cc = c * k;
                double h = 0;
                for (int r = 0; r < k; r++) h += scaled[ca + r] * scaled[cc + r];
                store(a, c, h / k);
            }
        }
    }

    private void store(int a, int c, double h) {
        hess[index[a] * n + index[c]] = h;
        hess[index[c] * n + index[a]] = h;
    }

    /**
     * Solves {@code [[-H_FF + ridge, 1], [1', 0]] [d; nu] = [g_F; 0]} by Gaussian elimination with
     * partial pivoting and writes d into {@link #step} (0 on fixed coordinates).
     */
    private void newtonStep(double[] b) {
        int m = 0;
        for (int i = 0; i < n; i++) if (free[i]) index[m++] = i;
        Arrays.fill(step, 0.0);
        if (m <= 1) return;
        int size = m + 1;
        double scale = 0;
        for (int a = 0; a < m; a++) scale = Math.max(scale, hess[index[a] * n + index[a]]);
        double ridge = 1e-12 * scale + 1e-300;
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < m; c++) system[a * size + c] = hess[index[a] * n + index[c]] + (a == c ? ridge : 0);
            system[a * size + m] = 1;
            system[m * size + a] = 1;
            rhs[a] = grad[index[a]];
        }
        system[m * size + m] = 0;
        rhs[m] = 0;
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(system[r * size + col]) > Math.abs(system[pivot * size + col])) pivot = r;
            }
            if (pivot != col) {
                for (int c = 0; c < size; c++) {
                    double tmp = system[col * size + c];
                    system[col * size + c] = system[pivot * size + c];
                    system[pivot * size + c] = tmp;
                }
                double tmp = rhs[col];
                rhs[col] = rhs[pivot];
                rhs[pivot] = tmp;
            }
            double p = system[col * size + col];
            if (p == 0) continue;
            for (int r = col + 1; r < size; r++) {
                double f = system[r * size + col] / p;
                if (f == 0) continue;
                for (int c = col; c < size; c++) system[r * size + c] -= f * system[col * size + c];
                rhs[r] -= f * rhs[col];
            }
        }
        for (int r = size - 1; r >= 0; r--) {
            double s = rhs[r];
            for (int c = r + 1; c < size; c++) s -= system[r * size + c] * rhs[c];
            double p = system[r * size + r];
            rhs[r] = p == 0 ? 0 : s / p;
        }
        for (int a = 0; a < m; a++) step[index[a]] = rhs[a];
        // the budget row makes the step sum to zero up to rounding; enforce it exactly
        double drift = 0;
        for (int a = 0; a < m; a++) drift += step[index[a]];
        for (int a = 0; a < m; a++) step[index[a]] -= drift / m;
    }
}
