package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Markowitz mean-variance portfolio (H. Markowitz, "Portfolio Selection", Journal of Finance 7(1),
 * 1952), re-estimated at every decision:
 * <pre>
 *   maximise  mu · w - (lambda / 2) w' Σ w
 *   subject to sum w = 1 (cash included), 0 <= w_i <= max_weight (assets), 0 <= w_cash <= 1
 * </pre>
 * {@code mu} and {@code Σ} are the sample mean and covariance (divisor {@code window - 1}) of the
 * last {@code window} simple per-bar returns, all known at the decision bar. Cash is a risk-free
 * asset with zero return and zero variance, so a risk-averse investor facing poor estimates holds
 * cash. A ridge {@code δ I} with {@code δ = RIDGE · trace(Σ)/N} (plus a floor for flat markets)
 * keeps the quadratic strictly concave in the assets when returns are collinear. The quadratic
 * programme is solved by ojAlgo's convex solver; should it report an infeasible or failed solve
 * the stage holds cash for that decision.
 *
 * <p>The estimates live in reused primitive arrays; the ojAlgo model is rebuilt per decision,
 * which is the one per-step allocation in this package (ojAlgo models are not reusable).
 */
public final class MeanVariance implements Stage {

    /** Ridge as a fraction of the average asset variance. */
    static final double RIDGE = 1e-6;
    /** Ridge floor for markets whose returns have (numerically) zero variance. */
    static final double RIDGE_FLOOR = 1e-12;

    static {
        // ojAlgo prints a hardware-profile banner to stdout when its class initialises on an
        // unknown machine; that would corrupt CLI and report output. This documented switch
        // silences it; it is read once, before any ojAlgo class is loaded by solve().
        if (System.getProperty("shut.up.ojAlgo") == null) System.setProperty("shut.up.ojAlgo", "true");
    }

    private final String label;
    private final int window;
    private final double riskAversion;
    private final double maxWeight;
    private int n;
    private double[] returns;   // window x N simple returns, row r = lag r
    private double[] mu;
    private double[] sigma;     // N x N

    public MeanVariance(String label, int window, double riskAversion, double maxWeight) {
        if (window < 2) throw new IllegalArgumentException("MVO window must be >= 2 returns");
        if (!(riskAversion >= 0) || !Double.isFinite(riskAversion)) throw new IllegalArgumentException("MVO risk aversion must be finite and >= 0");
        if (!(maxWeight >= 0 && maxWeight <= 1)) throw new IllegalArgumentException("MVO max_weight must be in [0, 1]");
        this.label = label;
        this.window = window;
        this.riskAversion = riskAversion;
        this.maxWeight = maxWeight;
    }

    @Override public String label() { return label; }

    /** {@code window} returns need {@code window + 1} closes. */
    @Override public int warmup() { return window + 1; }

    @Override
    public void reset(RunSetup setup) {
        n = setup.assets();
        returns = new double[window * n];
        mu = new double[n];
        sigma = new double[n * n];
    }

    @Override
    public void propose(Decision decision, double[] out) {
        History h = decision.history();
        if (h.available() < warmup()) {
            Weights.cash(out);
            return;
        }
        estimate(h);
        solve(out);
    }

    /** Sample mean and ridged covariance of the trailing window of simple returns. */
    void estimate(History h) {
        java.util.Arrays.fill(mu, 0.0);
        for (int r = 0; r < window; r++) {
            for (int i = 0; i < n; i++) {
                double x = h.relative(r, i) - 1.0;
                returns[r * n + i] = x;
                mu[i] += x;
            }
        }
        for (int i = 0; i < n; i++) mu[i] /= window;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int r = 0; r < window; r++) s += (returns[r * n + i] - mu[i]) * (returns[r * n + j] - mu[j]);
                s /= window - 1;
                sigma[i * n + j] = s;
                sigma[j * n + i] = s;
            }
            trace += sigma[i * n + i];
        }
        double ridge = RIDGE * trace / n + RIDGE_FLOOR;
        for (int i = 0; i < n; i++) sigma[i * n + i] += ridge;
    }

    private void solve(double[] out) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] w = new Variable[n + 1];
        for (int i = 0; i < n; i++) w[i] = model.addVariable("w" + i).lower(0.0).upper(maxWeight);
        w[n] = model.addVariable("cash").lower(0.0).upper(1.0);
        Expression budget = model.addExpression("budget").level(1.0);
        for (Variable v : w) budget.set(v, 1.0);
        Expression objective = model.addExpression("utility").weight(1.0);
        for (int i = 0; i < n; i++) {
            objective.set(w[i], mu[i]);
            for (int j = 0; j < n; j++) {
                double q = -0.5 * riskAversion * sigma[i * n + j];
                if (q != 0) objective.set(w[i], w[j], q);
            }
        }
        Optimisation.Result result = model.maximise();
        if (!result.getState().isFeasible()) {
            Weights.cash(out);
            return;
        }
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            out[i] = Math.max(0.0, result.doubleValue(i));
            sum += out[i];
        }
        // the solver meets the budget to its tolerance; make the proposal sum to 1 exactly
        for (int i = 0; i <= n; i++) out[i] /= sum;
    }
}
