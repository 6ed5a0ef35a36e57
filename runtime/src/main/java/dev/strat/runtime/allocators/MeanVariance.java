package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.risk.CovarianceEstimator;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * Markowitz mean-variance portfolio (H. Markowitz, "Portfolio Selection", Journal of Finance 7(1),
 * 1952), re-estimated at every decision:
 * <pre>
 *   maximise  mu · w - (lambda / 2) w' Σ w
 *   subject to sum w = 1 (cash included), 0 <= w_i <= max_weight (assets), 0 <= w_cash <= 1
 * </pre>
 * {@code mu} is the sample mean of the last {@code window} simple per-bar returns, all known at the
 * decision bar, and {@code Σ} their covariance by the chosen {@link CovarianceEstimator} of the
 * shared risk layer: the sample covariance (divisor {@code window - 1}, numpy/pandas; the default)
 * or Ledoit-Wolf shrinkage (scikit-learn's, divisor {@code window}). Cash is a risk-free
 * asset with zero return and zero variance, so a risk-averse investor facing poor estimates holds
 * cash. A ridge {@code δ I} with {@code δ = RIDGE · trace(Σ)/N} (plus a floor for flat markets)
 * keeps the quadratic strictly concave in the assets when returns are collinear. The quadratic
 * programme is solved by ojAlgo's convex solver; should it report an infeasible or failed solve
 * the stage holds cash for that decision.
 *
 * <p>The estimates live in reused primitive arrays. The programme goes straight to ojAlgo's
 * {@link ConvexSolver} ({@code min ½ w'Qw - c'w, A_E w = b_E, A_I w <= b_I}) through one builder
 * made at reset: its constraints never change, and each decision only overwrites the quadratic
 * and linear factors in place and builds a solver from them. (Handing ojAlgo the previous
 * decision's solution as a starting point was tried and returned suboptimal portfolios, so every
 * solve starts afresh.) Should that solve fail, the decision is
 * solved again through ojAlgo's general {@link ExpressionsBasedModel}, the way this class first
 * did it (and still does in {@link #solveWithModel}, which the tests compare against); only if
 * both fail does the stage hold cash. Measured on 20 US large caps with a 126-day window: about
 * 1.4 ms per decision through a fresh model, 0.46 ms through the reused builder (1.7 and 1.3 ms
 * with a 20 % weight cap, whose 20 extra inequalities make the active-set solve the cost).
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
    private final CovarianceEstimator estimator;
    private int n;
    private double[] returns;   // window x N simple returns, oldest first (row window-1 = the latest bar)
    private double[] scratch;   // the estimator's PSD check
    private double[] mu;
    private double[] sigma;     // N x N
    private ConvexSolver.Builder builder;
    private org.ojalgo.matrix.store.PhysicalStore<Double> quadratic;
    private org.ojalgo.matrix.store.PhysicalStore<Double> linear;
    private int fallbacks;      // decisions the builder could not solve (tests check it stays rare)
    private final Optimisation.Options options = new Optimisation.Options();

    /** With the sample covariance. */
    public MeanVariance(String label, int window, double riskAversion, double maxWeight) {
        this(label, window, riskAversion, maxWeight, CovarianceEstimator.SAMPLE);
    }

    public MeanVariance(String label, int window, double riskAversion, double maxWeight, CovarianceEstimator estimator) {
        if (window < 2) throw new IllegalArgumentException("MVO window must be >= 2 returns");
        if (!(riskAversion >= 0) || !Double.isFinite(riskAversion)) throw new IllegalArgumentException("MVO risk aversion must be finite and >= 0");
        if (!(maxWeight >= 0 && maxWeight <= 1)) throw new IllegalArgumentException("MVO max_weight must be in [0, 1]");
        this.label = label;
        this.window = window;
        this.riskAversion = riskAversion;
        this.maxWeight = maxWeight;
        this.estimator = java.util.Objects.requireNonNull(estimator, "estimator");
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
        scratch = new double[n];
        builder = ConvexSolver.newBuilder(n + 1);
        double[] row = new double[n + 1];
        java.util.Arrays.fill(row, 1.0);
        builder.equality(1.0, row);
        for (int i = 0; i <= n; i++) {
            java.util.Arrays.fill(row, 0.0);
            row[i] = -1.0;
            builder.inequality(0.0, row);                       // w_i >= 0
            if (i < n && maxWeight < 1) {
                row[i] = 1.0;
                builder.inequality(maxWeight, row);             // w_i <= max_weight
            }
        }
        quadratic = builder.getObjective().quadratic();
        linear = builder.getObjective().linear();
        fallbacks = 0;
    }

    /** Decisions of this run that the fast path could not solve. */
    int fallbacks() {
        return fallbacks;
    }

    /** The current (ridged) covariance estimate, N x N row-major (for tests; not a copy). */
    double[] covariance() {
        return sigma;
    }

    /** {@code mu · w - (lambda / 2) w' Σ w} under the current estimates (for tests). */
    double utility(double[] w) {
        double u = 0;
        for (int i = 0; i < n; i++) {
            u += mu[i] * w[i];
            for (int j = 0; j < n; j++) u -= 0.5 * riskAversion * w[i] * sigma[i * n + j] * w[j];
        }
        return u;
    }

    /** Re-estimates at {@code history} and solves through the general model (for tests). */
    void proposeWithModel(History history, double[] out) {
        estimate(history);
        solveWithModel(out);
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

    /** Sample mean and ridged covariance (by the estimator) of the trailing window of simple returns. */
    void estimate(History h) {
        for (int r = 0; r < window; r++) {
            final int row = (window - 1 - r) * n;
            for (int i = 0; i < n; i++) returns[row + i] = h.relative(r, i) - 1.0;
        }
        estimator.estimate(returns, window, n, mu, sigma, scratch);
        double trace = 0;
        for (int i = 0; i < n; i++) trace += sigma[i * n + i];
        double ridge = RIDGE * trace / n + RIDGE_FLOOR;
        for (int i = 0; i < n; i++) sigma[i * n + i] += ridge;
    }

    private void solve(double[] out) {
        // min ½ w' (lambda Σ) w - mu · w over assets and cash (cash: zero row, zero return)
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) quadratic.set(i, j, riskAversion * sigma[i * n + j]);
            linear.set(i, mu[i]);
        }
        Optimisation.Result result;
        try {
            result = builder.build(options).solve();
        } catch (RuntimeException e) {
            result = null; // numerical trouble inside the direct path: the general model decides
        }
        if (result != null && result.getState().isFeasible() && normalise(result, out)) return;
        fallbacks++;
        solveWithModel(out);
    }

    /** The same programme through a fresh ojAlgo {@link ExpressionsBasedModel}; cash on failure. */
    void solveWithModel(double[] out) {
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
        if (!result.getState().isFeasible() || !normalise(result, out)) Weights.cash(out);
    }

    /**
     * Copies the solver's weights, clipping its tolerance-sized negatives, and makes them sum to 1
     * exactly; false when they cannot be a portfolio (non-finite, nothing positive, or off the
     * budget by more than rounding).
     */
    private boolean normalise(Optimisation.Result result, double[] out) {
        if (result.size() != n + 1) return false;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double v = result.doubleValue(i);
            if (!Double.isFinite(v)) return false;
            out[i] = Math.max(0.0, v);
            sum += out[i];
        }
        if (!(Math.abs(sum - 1) < 1e-6)) return false;
        for (int i = 0; i <= n; i++) out[i] /= sum;
        return true;
    }
}
