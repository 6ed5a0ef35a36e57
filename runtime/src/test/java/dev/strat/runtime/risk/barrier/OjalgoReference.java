package dev.strat.runtime.risk.barrier;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The slow reference route of the reference formulas: ojAlgo's QP for the least risk over the
 * box-simplex, and bisection on nu over ojAlgo QPs {@code min (nu/2) x'Σx - dp'x} until the risk
 * bound is tight. Shares nothing with {@link SocpSolver}.
 */
final class OjalgoReference {

    private OjalgoReference() {
    }

    /**
     * argmin over the box-simplex of {@code (nu/2) x'Σ̂x - dp̂'x} with Σ̂ and dp̂ scaled to unit size
     * (so nu is relative; dp may be null: pure risk).
     */
    static double[] qp(double[] dp, double[] sigma, double nu) {
        return qp(dp, sigma, nu, Double.NaN);
    }

    /** As {@link #qp(double[], double[], double)}, restricted to {@code dp'x >= floor} unless floor is NaN. */
    static double[] qp(double[] dp, double[] sigma, double nu, double floor) {
        final int n = sigma.length == 1 ? 1 : (int) Math.round(Math.sqrt(sigma.length));
        // Scaled to unit size (ojAlgo's tolerances are absolute): Σ by its largest variance, dp by its largest entry.
        double sScale = 0, dScale = 0;
        for (int i = 0; i < n; i++) sScale = Math.max(sScale, sigma[i * n + i]);
        if (dp != null) for (double d : dp) dScale = Math.max(dScale, Math.abs(d));
        if (sScale == 0) sScale = 1;
        if (dScale == 0) dScale = 1;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.time_abort = 5_000;
        Variable[] x = new Variable[n];
        for (int i = 0; i < n; i++) x[i] = model.addVariable("x" + i).lower(0.0).upper(1.0);
        Expression budget = model.addExpression("budget").level(1.0);
        for (Variable v : x) budget.set(v, 1.0);
        if (!Double.isNaN(floor)) {
            Expression level = model.addExpression("level").lower(floor / dScale);
            for (int i = 0; i < n; i++) level.set(x[i], dp[i] / dScale);
        }
        Expression objective = model.addExpression("objective").weight(1.0);
        for (int i = 0; i < n; i++) {
            if (dp != null && dp[i] != 0) objective.set(x[i], -dp[i] / dScale);
            for (int j = 0; j < n; j++) {
                double q = 0.5 * nu * sigma[i * n + j] / sScale;
                if (q != 0) objective.set(x[i], x[j], q);
            }
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isFeasible()) throw new IllegalStateException("ojAlgo: " + result.getState());
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = result.doubleValue(i);
        return out;
    }

    static double risk(double[] sigma, double[] x) {
        return Math.sqrt(SocpSolver.quad(sigma, x, x.length));
    }

    /** The least achievable risk. */
    static double minRisk(double[] sigma) {
        return risk(sigma, qp(null, sigma, 2.0));
    }

    /** The optimum by bisection on nu (null when r is below the least risk). */
    static double[] solve(double[] dp, double[] sigma, double r) {
        if (r < minRisk(sigma) - 1e-9) return null;
        double[] lp = qp(dp, sigma, 0);
        if (risk(sigma, lp) <= r) return lp;
        // Ties in the best dp: the least-risk point of the LP's optimal face may still meet the bound.
        double best = Double.NEGATIVE_INFINITY;
        for (double d : dp) best = Math.max(best, d);
        double[] face = qp(dp, sigma, 2.0, best);
        if (face != null) {
            double value = 0;
            for (int i = 0; i < dp.length; i++) value += dp[i] * face[i];
            if (value >= best - 1e-9 * Math.abs(best) && risk(sigma, face) <= r) return face;
        }
        double lo = 0, hi = 1;
        double[] atHi = qp(dp, sigma, hi);
        while (risk(sigma, atHi) > r && hi < 1e9) {
            lo = hi;
            hi *= 8;
            atHi = qp(dp, sigma, hi);
        }
        for (int k = 0; k < 80 && hi - lo > 1e-13 * hi; k++) {
            double mid = lo == 0 ? hi / 2 : Math.sqrt(lo * hi);
            if (hi / Math.max(lo, 1e-300) < 1.01) mid = 0.5 * (lo + hi);
            double[] x = qp(dp, sigma, mid);
            if (risk(sigma, x) > r) lo = mid;
            else {
                hi = mid;
                atHi = x;
            }
        }
        return atHi;
    }
}
