package dev.strat.runtime.risk.barrier;

/**
 * Solves a {@link BarrierProblem} exactly by its structure rather than by a general conic
 * interior-point method.
 *
 * <h2>Method</h2>
 * With {@code x = a_rl + a_c} the problem is {@code max dp'x} over the box-simplex X intersected
 * with {@code x'Σx <= r²}. By the KKT conditions, for a bound that is not slack the optimum also
 * solves the parametric QP {@code P(t): min ½x'Σx - t dp'x over X} for {@code t = 1/nu > 0}, and
 * {@code v(t) = x(t)'Σx(t)} is non-decreasing in t (the efficient frontier; Σx(t), hence v, is the
 * same for every solution of P(t) even when Σ is singular). So:
 * <ol>
 * <li>v(0) is the smallest achievable risk²: below it the problem is INFEASIBLE (that QP's solution is
 *     the certificate);</li>
 * <li>the LP end: x∞ maximises dp over X, ties broken by least risk; if it meets the bound it is
 *     optimal with nu = 0;</li>
 * <li>otherwise t* with v(t*) = r² lies in (0, T] where T is where x∞'s basis stops being optimal.
 *     {@link BoxSimplexQp} returns a basic solution whose path {@code x(t') = x(t) + (t' - t) w} is
 *     linear while its working set stays optimal, so v is an exact quadratic on that piece: its root
 *     is computed in closed form and accepted when it lies in the piece's validity interval (bounds
 *     and multiplier signs, both linear in t'). Pieces are found by a safeguarded search
 *     (model root when it is inside the bracket, geometric or arithmetic bisection otherwise).</li>
 * </ol>
 * The answer is therefore exact up to rounding (no interior-point tolerance): the KKT residuals are
 * at the 1e-15 level, degenerate data (singular Σ, ties in dp, vertices, r at the minimum) needs no
 * special tolerances, and a solve costs a handful of warm-started active-set QPs on N x N data.
 * An interior-point method would need an embedding for infeasibility detection and would lose
 * accuracy exactly in the degenerate cases (no strict interior when r equals the minimum risk).
 *
 * <p>One solver per thread; allocation-free after construction.
 */
public final class SocpSolver {

    private static final int MAX_SEARCH = 200;

    private final int capacity;
    private final BoxSimplexQp qp;
    private final boolean[] mask;
    private final double[] w;
    private final double[] sx;
    private final double[] sw;
    private final double[] xInf;
    private final byte[] stateInf;

    /** A solver for problems of up to {@code capacity} assets. */
    public SocpSolver(int capacity) {
        this.capacity = capacity;
        qp = new BoxSimplexQp(capacity);
        mask = new boolean[capacity];
        w = new double[capacity];
        sx = new double[capacity];
        sw = new double[capacity];
        xInf = new double[capacity];
        stateInf = new byte[capacity];
    }

    /**
     * Solves {@code p} into {@code out} (overwritten) and returns its status; the KKT residuals are
     * computed afterwards by {@link KktResiduals#compute}.
     *
     * @throws IllegalArgumentException for non-finite data, a_rl off the simplex, or sizes over capacity
     */
    public SocpStatus solve(BarrierProblem p, SocpSolution out) {
        final int n = p.assets();
        if (n > capacity || out.x.length < n) throw new IllegalArgumentException(n + " assets exceed the solver's capacity " + capacity);
        validate(p);
        final double[] dp = p.dp();
        final double[] sigma = p.sigma();
        final double r = p.bound();
        out.n = n;
        out.qpSolves = 0;
        qp.bind(n, sigma, dp);

        // 1. Feasibility: the least risk over the box-simplex.
        qp.coldStart(null);
        boolean converged = qp.solve(0);
        out.qpSolves++;
        final double vMin = quad(sigma, qp.x, n);
        final double minRisk = Math.sqrt(vMin);
        out.minRisk = minRisk;
        double diag = 0;
        for (int i = 0; i < n; i++) diag = Math.max(diag, sigma[i * n + i]);
        // The quadratic form is known to rounding only (about n ε max Σ_ii for x in the simplex), so
        // the least risk is decided on the squared scale: a bound within that of it is "at" it.
        final double varianceTolerance = 1e-14 * n * diag;
        if (!converged) return finish(p, out, SocpStatus.ITERATION_LIMIT, Double.NaN);
        if (r < 0 || r * r < vMin - varianceTolerance) {
            System.arraycopy(qp.x, 0, out.x, 0, n);
            return finish(p, out, SocpStatus.INFEASIBLE, Double.NaN);
        }
        final boolean atMinimum = r * r <= vMin + varianceTolerance;
        final double target = atMinimum ? vMin : r * r;

        // 2. The LP end: best dp, least risk among ties.
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) best = Math.max(best, dp[i]);
        for (int i = 0; i < n; i++) mask[i] = dp[i] != best;
        qp.coldStart(mask);
        converged = qp.solve(0);
        out.qpSolves++;
        if (!converged) return finish(p, out, SocpStatus.ITERATION_LIMIT, Double.NaN);
        final double vInf = quad(sigma, qp.x, n);
        if (vInf <= target) {
            System.arraycopy(qp.x, 0, out.x, 0, n);
            return finishLinear(p, out, best);
        }

        // 3. Bracket [0, T]: beyond T the LP end's basis is optimal for P(t).
        qp.releaseOut();
        multiply(sigma, qp.x, sx, n);
        double mu0 = 0;
        int nFree = 0;
        for (int i = 0; i < n; i++) {
            if (qp.state[i] == BoxSimplexQp.FREE) {
                mu0 += sx[i];
                nFree++;
            }
        }
        mu0 /= nFree;
        double tHigh = 0;
        for (int i = 0; i < n; i++) {
            if (dp[i] != best) tHigh = Math.max(tHigh, (mu0 - sx[i]) / (best - dp[i]));
        }
        if (!(tHigh > 0)) tHigh = Double.MIN_NORMAL;
        System.arraycopy(qp.x, 0, xInf, 0, n);
        System.arraycopy(qp.state, 0, stateInf, 0, n);
        double tLow = 0;
        double t = tHigh * 0.5;
        double candidate = Double.NaN;
        for (int search = 0; search < MAX_SEARCH; search++) {
            if (!qp.solve(t)) return finish(p, out, SocpStatus.ITERATION_LIMIT, Double.NaN);
            out.qpSolves++;
            final double[] x = qp.x;
            final double v = quad(sigma, x, n);
            if (v <= target) tLow = Math.max(tLow, t);
            else tHigh = Math.min(tHigh, t);
            if (v >= target - varianceTolerance && (v <= target || atMinimum && v <= target + varianceTolerance)) {
                // x(t) already meets the bound to rounding: it maximises dp'x among points of risk² <= v
                // (it solves P(t)), so it is optimal; this also covers pieces where v is flat.
                System.arraycopy(x, 0, out.x, 0, n);
                return finishParametric(p, out, t, atMinimum);
            }
            // The piece through x(t): x(t + s) = x + s w, valid for s in [sLow, sHigh].
            qp.slope(w);
            multiply(sigma, x, sx, n);
            multiply(sigma, w, sw, n);
            double c = 0, e = 0;
            for (int i = 0; i < n; i++) {
                c += w[i] * sx[i];
                e += w[i] * sw[i];
            }
            e = Math.max(e, 0);
            final double delta = target - v;
            double disc = c * c + e * delta;
            if (disc < 0 && disc > -1e-12 * c * c) disc = 0;
            double s = Double.NaN;
            if (atMinimum) {
                // t* = 0 exactly: the quadratic has a double root there, which the formula below
                // would only find to sqrt(rounding); take the piece's own value at t = 0.
                s = -t;
            } else if (disc >= 0) {
                final double denominator = c + Math.sqrt(disc);
                if (denominator > 0) s = delta / denominator;
                else if (delta == 0) s = 0;
            }
            candidate = Double.NaN;
            if (!Double.isNaN(s)) {
                if (pieceContains(p, x, s, t, dp, n)) {
                    final double tStar = Math.max(0, t + s);
                    for (int i = 0; i < n; i++) out.x[i] = Math.min(1, Math.max(0, x[i] + s * w[i]));
                    return finishParametric(p, out, tStar, atMinimum);
                }
                candidate = t + s;
            }
            double next;
            final boolean useModel = !Double.isNaN(candidate) && search % 3 != 2
                    && candidate > tLow + 1e-3 * (tHigh - tLow) && candidate < tHigh - 1e-3 * (tHigh - tLow);
            if (useModel) next = candidate;
            else if (tLow == 0) next = tHigh / 8;
            else if (tHigh > 4 * tLow) next = Math.sqrt(tLow * tHigh);
            else next = 0.5 * (tLow + tHigh);
            if (next <= 0 || !(next < Double.POSITIVE_INFINITY)) next = Double.MIN_NORMAL;
            t = next;
        }
        System.arraycopy(qp.x, 0, out.x, 0, n);
        return finish(p, out, SocpStatus.ITERATION_LIMIT, Double.NaN);
    }

    /**
     * Whether {@code x + s w} with the current working set is optimal for P(t + s): free coordinates
     * stay in [0, 1] and the bound multipliers keep their signs (both linear in s).
     */
    private boolean pieceContains(BarrierProblem p, double[] x, double s, double t, double[] dp, int n) {
        final byte[] state = qp.state;
        final double tolerance = 1e-11;
        // Gradient at t + s: g = Σ(x + s w) - (t + s) dp; budget multiplier its free mean.
        double mu = 0;
        int free = 0;
        // Σx is known to rounding of max |Σ_ij| (x sums to 1), whatever its own size.
        double gScale = 0;
        for (int i = 0; i < n * n; i++) gScale = Math.max(gScale, Math.abs(p.sigma()[i]));
        for (int i = 0; i < n; i++) {
            final double gi = sx[i] + s * sw[i] - (t + s) * dp[i];
            gScale = Math.max(gScale, Math.abs(sx[i] + s * sw[i]) + Math.abs((t + s) * dp[i]));
            if (state[i] == BoxSimplexQp.FREE) {
                mu += gi;
                free++;
                final double xi = x[i] + s * w[i];
                if (xi < -tolerance || xi > 1 + tolerance) return false;
            }
        }
        mu /= free;
        final double dualTolerance = 1e-11 * gScale + Double.MIN_NORMAL;
        for (int i = 0; i < n; i++) {
            final double gi = sx[i] + s * sw[i] - (t + s) * dp[i];
            if (state[i] == BoxSimplexQp.LOWER && gi - mu < -dualTolerance) return false;
            if (state[i] == BoxSimplexQp.UPPER && mu - gi < -dualTolerance) return false;
        }
        return true;
    }

    /** nu = 0: y = -max dp, zLower = max dp - dp (the LP's multipliers). */
    private SocpStatus finishLinear(BarrierProblem p, SocpSolution out, double best) {
        final int n = p.assets();
        final double[] dp = p.dp();
        out.y = -best;
        out.eta = 0;
        out.nu = 0;
        for (int i = 0; i < n; i++) {
            out.zLower[i] = best - dp[i];
            out.zUpper[i] = 0;
        }
        return finish(p, out, SocpStatus.OPTIMAL, 0);
    }

    /** Multipliers of P(t*) divided by t*: nu = 1/t*, y = mu/t*, z = z'/t*. */
    private SocpStatus finishParametric(BarrierProblem p, SocpSolution out, double tStar, boolean atMinimum) {
        final int n = p.assets();
        final double[] dp = p.dp();
        final double[] sigma = p.sigma();
        if (atMinimum || !(tStar > 0)) {
            out.y = out.eta = out.nu = Double.NaN;
            for (int i = 0; i < n; i++) out.zLower[i] = out.zUpper[i] = Double.NaN;
            return finish(p, out, SocpStatus.OPTIMAL_AT_MIN_RISK, Double.NaN);
        }
        // Gradient of P(t*) at the answer, scaled by nu = 1/t*: nu Σx - dp.
        final double nu = 1 / tStar;
        multiply(sigma, out.x, sx, n);
        double mu = 0;
        int free = 0;
        for (int i = 0; i < n; i++) {
            if (qp.state[i] == BoxSimplexQp.FREE) {
                mu += nu * sx[i] - dp[i];
                free++;
            }
        }
        mu /= free;
        for (int i = 0; i < n; i++) {
            final double gi = nu * sx[i] - dp[i];
            out.zLower[i] = qp.state[i] == BoxSimplexQp.LOWER ? gi - mu : 0;
            out.zUpper[i] = qp.state[i] == BoxSimplexQp.UPPER ? mu - gi : 0;
        }
        out.y = mu;
        out.nu = nu;
        out.eta = nu * Math.sqrt(Math.max(0, quad(sigma, out.x, n)));
        return finish(p, out, SocpStatus.OPTIMAL, nu);
    }

    private static SocpStatus finish(BarrierProblem p, SocpSolution out, SocpStatus status, double nu) {
        final int n = p.assets();
        final double[] dp = p.dp();
        final double[] aRl = p.aRl();
        out.status = status;
        if (status != SocpStatus.OPTIMAL) {
            if (status != SocpStatus.OPTIMAL_AT_MIN_RISK) {
                out.y = out.eta = out.nu = Double.NaN;
                for (int i = 0; i < n; i++) out.zLower[i] = out.zUpper[i] = Double.NaN;
            }
        }
        double objective = 0;
        for (int i = 0; i < n; i++) objective -= dp[i] * out.x[i];
        out.objective = objective;
        out.risk = Math.sqrt(Math.max(0, quad(p.sigma(), out.x, n)));
        final boolean solved = status == SocpStatus.OPTIMAL || status == SocpStatus.OPTIMAL_AT_MIN_RISK;
        for (int i = 0; i < n; i++) out.ac[i] = solved ? out.x[i] - aRl[i] : 0;
        KktResiduals.compute(p, out);
        return status;
    }

    private static void validate(BarrierProblem p) {
        final int n = p.assets();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(p.dp()[i])) throw new IllegalArgumentException("dp[" + i + "] is " + p.dp()[i]);
            if (!Double.isFinite(p.aRl()[i])) throw new IllegalArgumentException("a_rl[" + i + "] is " + p.aRl()[i]);
            sum += p.aRl()[i];
        }
        for (int k = 0; k < n * n; k++) {
            if (!Double.isFinite(p.sigma()[k])) throw new IllegalArgumentException("Σ entry " + k + " is " + p.sigma()[k]);
        }
        if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("a_rl must sum to 1, sums to " + sum);
        if (Double.isNaN(p.bound())) throw new IllegalArgumentException("the risk bound is NaN");
    }

    static double quad(double[] sigma, double[] x, int n) {
        double q = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) row += sigma[i * n + j] * x[j];
            q += x[i] * row;
        }
        return Math.max(0, q);
    }

    private static void multiply(double[] sigma, double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) row += sigma[i * n + j] * x[j];
            out[i] = row;
        }
    }
}
