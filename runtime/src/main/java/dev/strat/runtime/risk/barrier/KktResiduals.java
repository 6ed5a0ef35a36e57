package dev.strat.runtime.risk.barrier;

/**
 * The KKT residuals of a claimed primal-dual solution of a {@link BarrierProblem}, computed from
 * x and the multipliers alone (not from anything the solver kept), each scaled to be relative:
 * <ul>
 * <li>primal: max of |sum x - 1|, the box violations, and the risk overshoot
 *     {@code max(0, x'Σx - r²)} over {@code max Σ_ii} (on the squared scale, where the quadratic form
 *     is computed: its square root would turn rounding into 1e-8 near zero risk);</li>
 * <li>dual: the infinity norm of the stationarity residual
 *     {@code -dp - y 1 - zLower + zUpper + eta Σx/||Σ^(1/2)x||}, plus any negative multiplier, over
 *     the largest magnitude among the terms;</li>
 * <li>complementarity: max of {@code zLower_i x_i}, {@code zUpper_i (1 - x_i)},
 *     {@code eta |r - ||Σ^(1/2)x|||} over the same scale;</li>
 * <li>gap: primal objective {@code -dp'x} minus the conic dual objective {@code y - 1'zUpper - eta r},
 *     in absolute value, over the same scale.</li>
 * </ul>
 * Dual quantities are NaN when the solution carries no finite multipliers.
 */
public final class KktResiduals {

    double primal = Double.NaN;
    double dual = Double.NaN;
    double complementarity = Double.NaN;
    double gap = Double.NaN;

    public double primal() { return primal; }

    public double dual() { return dual; }

    public double complementarity() { return complementarity; }

    public double gap() { return gap; }

    /** The largest of the four (NaN when the dual ones are NaN). */
    public double max() { return Math.max(Math.max(primal, dual), Math.max(complementarity, gap)); }

    /** Recomputes the residuals of {@code s} for problem {@code p} into {@code s.residuals()}. */
    public static void compute(BarrierProblem p, SocpSolution s) {
        final int n = p.assets();
        final double[] dp = p.dp();
        final double[] sigma = p.sigma();
        final double r = p.bound();
        final double[] x = s.x;
        final KktResiduals out = s.residuals;
        double sum = 0, box = 0, diag = 0, quad = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
            box = Math.max(box, Math.max(-x[i], x[i] - 1));
            diag = Math.max(diag, sigma[i * n + i]);
            double row = 0;
            for (int j = 0; j < n; j++) row += sigma[i * n + j] * x[j];
            quad += x[i] * row;
        }
        final double risk = Math.sqrt(Math.max(0, quad));
        // The risk overshoot on the squared scale, where x'Σx is computed (its square root would turn
        // rounding of 1e-16 into 1e-8 near zero risk).
        final double overshoot = r < 0 ? risk - r : Math.max(0, quad - r * r) / Math.max(diag, Double.MIN_NORMAL);
        out.primal = Math.max(Math.max(Math.abs(sum - 1), box), overshoot);
        final double eta = s.eta;
        if (Double.isNaN(eta) || Double.isNaN(s.y)) {
            out.dual = out.complementarity = out.gap = Double.NaN;
            return;
        }
        final double y = s.y;
        double scale = Math.abs(y);
        double stationarity = 0, negative = Math.max(0, -eta), compl = 0, objective = 0, upperSum = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) row += sigma[i * n + j] * x[j];
            final double cone = eta == 0 ? 0 : eta * row / risk;
            final double zl = s.zLower[i], zu = s.zUpper[i];
            stationarity = Math.max(stationarity, Math.abs(-dp[i] - y - zl + zu + cone));
            scale = Math.max(scale, Math.max(Math.abs(dp[i]), Math.max(Math.abs(cone), Math.max(Math.abs(zl), Math.abs(zu)))));
            negative = Math.max(negative, Math.max(-zl, -zu));
            compl = Math.max(compl, Math.max(Math.abs(zl * x[i]), Math.abs(zu * (1 - x[i]))));
            objective -= dp[i] * x[i];
            upperSum += zu;
        }
        compl = Math.max(compl, eta * Math.abs(r - risk));
        scale = Math.max(scale, Double.MIN_NORMAL);
        out.dual = Math.max(stationarity, negative) / scale;
        out.complementarity = compl / scale;
        out.gap = Math.abs(objective - (y - upperSum - eta * r)) / scale;
    }
}
