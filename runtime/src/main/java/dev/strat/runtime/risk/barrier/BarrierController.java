package dev.strat.runtime.risk.barrier;

import dev.strat.runtime.data.History;

/**
 * RiPO's barrier-function risk controller, one step at a time (the reference formulas, "Barrier-function
 * risk controller"): from the {@link History} up to the decision bar it forms
 * <ul>
 * <li>the forecast dp from a {@link PriceForecast}; RiPO's is {@code dp_i = (MA_i - P_{t,i}) / P_{t,i}},
 *     MA the mean of the last 5 closes;</li>
 * <li>Σ_t, the sample covariance (denominator T - 1) of the last {@code window} (21) daily simple
 *     returns, and the predicted Σ_{t+1}: the same window shifted by one day with dp as the newest
 *     return;</li>
 * <li>{@code sigma_alpha_t = sqrt(w_t' Σ_t w_t)} from the last executed weights;</li>
 * <li>the barrier right-hand side {@code r = sigma_s_{t+1} - sigma_beta + (gamma - 1)(sigma_s_t -
 *     sigma_alpha_t - sigma_beta)}, with sigma_s_t the previous step's bound (the unrelaxed
 *     sigma_s_{t+1} it was given), reset to {@code sigma_alpha_t + sigma_beta} when it is 0 (the
 *     first step);</li>
 * </ul>
 * and solves the SOCP with {@link SocpSolver}. When it is infeasible the bound sigma_s_{t+1} is
 * relaxed and the problem retried, by the cumulative steps of {@code relaxation} (by default
 * +0.002 five times, then +0.005 five times); still infeasible, the correction is 0 and the step is
 * counted unsolved.
 *
 * <p>The covariance is a private sample covariance for now; the project's shared estimator
 * {@code dev.strat.runtime.risk.Covariance.sample} is the one to switch to once it exists, so that
 * the controller and the allocators agree on one definition.
 *
 * <p>One controller per run (it keeps sigma_s_t and the counts); allocation-free per step.
 */
public final class BarrierController {

    /**
     * Pass as {@code boundNext} when nothing sets the bound (no ARS): the reference formulas' reset
     * rule applies at every step, {@code sigma_s_{t+1} = sigma_s_t = sigma_alpha_t + sigma_beta}, so
     * the barrier h_t is 0 and the predicted risk may not exceed the current sigma_alpha_t.
     */
    public static final double HOLD_RISK = Double.NaN;

    /** The reference settings' relaxation schedule: +0.002 five times, then +0.005 five times. */
    public static final double[] RIPO_RELAXATION = {0.002, 0.002, 0.002, 0.002, 0.002, 0.005, 0.005, 0.005, 0.005, 0.005};

    private final int assets;
    private final int window;
    private final PriceForecast predictor;
    private final double gamma;
    private final double marketRisk;
    private final double[] relaxation;

    private final SocpSolver solver;
    private final BarrierProblem problem;
    private final SocpSolution solution;
    /** window + 1 return rows (oldest first), the last one the forecast. */
    private final double[] returns;
    private final double[] means;
    private final double[] sigmaNow;
    private final double[] closes;

    private double previousBound;
    private int solved;
    private int unsolved;
    private int relaxations;
    private double lastSigmaAlpha = Double.NaN;
    private double lastBound = Double.NaN;
    private double lastBoundNext = Double.NaN;
    private int lastRetries;

    /**
     * @param assets         N
     * @param window         returns in the covariance window (21 in the paper)
     * @param predictor      the price-change forecast (RiPO's: a 5-close moving average)
     * @param gamma          the barrier's decay rate in (0, 1] (0.3)
     * @param marketRisk     sigma_beta (0.001)
     * @param relaxation     the successive increments of the bound on infeasibility (copied)
     */
    public BarrierController(int assets, int window, PriceForecast predictor, double gamma, double marketRisk, double[] relaxation) {
        if (assets < 1) throw new IllegalArgumentException("the barrier controller needs at least one asset, got " + assets);
        if (window < 2) throw new IllegalArgumentException("the covariance window must be at least 2 returns, got " + window);
        if (predictor == null) throw new IllegalArgumentException("the barrier controller needs a price forecast");
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        if (!(marketRisk >= 0) || Double.isInfinite(marketRisk)) throw new IllegalArgumentException("market risk must be a non-negative number, got " + marketRisk);
        for (double step : relaxation) {
            if (!(step > 0) || Double.isInfinite(step)) throw new IllegalArgumentException("relaxation steps must be positive numbers, got " + step);
        }
        this.assets = assets;
        this.window = window;
        this.predictor = predictor;
        this.gamma = gamma;
        this.marketRisk = marketRisk;
        this.relaxation = relaxation.clone();
        solver = new SocpSolver(assets);
        problem = new BarrierProblem(assets);
        solution = new SocpSolution(assets);
        returns = new double[(window + 1) * assets];
        means = new double[assets];
        sigmaNow = new double[assets * assets];
        closes = new double[assets];
    }

    /** The paper's controller: window 21, MA 5, gamma 0.3, market risk 0.001, the reference relaxation. */
    public static BarrierController ripo(int assets) {
        return new BarrierController(assets, 21, new PriceForecast.MovingAverage(5), 0.3, 0.001, RIPO_RELAXATION);
    }

    /** Bars of history a step needs: {@code window + 1} closes for the returns, and the forecast's. */
    public int warmup() { return Math.max(window + 1, predictor.warmup()); }

    /**
     * One controller step at the decision bar of {@code history}.
     *
     * @param history     prices up to the decision bar only
     * @param action      the agent's action (N non-negative entries), normalised here to sum 1
     *                    (all zeros: equal weights, as RiPO's environment does)
     * @param lastWeights w_t, the weights executed at the previous step (N entries)
     * @param boundNext   sigma_s_{t+1}, the acceptable risk for the next step (from ARS, or fixed), or
     *                    {@link #HOLD_RISK}
     * @param correction  receives a_c (N entries); zeros when unsolved
     * @return true when solved (after any relaxation), false when counted unsolved
     */
    public boolean step(History history, double[] action, double[] lastWeights, double boundNext, double[] correction) {
        final int n = assets;
        if (history.assets() != n) throw new IllegalArgumentException("the controller was built for " + n + " assets, the history has " + history.assets());
        if (history.available() < warmup()) {
            throw new IllegalArgumentException("the barrier controller needs " + warmup() + " bars of history, only " + history.available() + " visible");
        }
        final boolean hold = Double.isNaN(boundNext);
        if (!hold && !Double.isFinite(boundNext)) throw new IllegalArgumentException("the risk bound must be a number, got " + boundNext);
        problem.resize(n);
        normaliseAction(action, problem.aRl());
        predictor.forecast(history, problem.dp());
        covariances(history, problem.dp(), problem.sigma());

        double alpha = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) row += sigmaNow[i * n + j] * lastWeights[j];
            alpha += lastWeights[i] * row;
        }
        final double sigmaAlpha = Math.sqrt(Math.max(0, alpha));
        final double boundNow = previousBound == 0 ? sigmaAlpha + marketRisk : previousBound;
        final double next = hold ? boundNow : boundNext;
        final double base = next - marketRisk + (gamma - 1) * (boundNow - sigmaAlpha - marketRisk);
        // holding, the bound stays "unset" so that the next step resets it to its own sigma_alpha
        previousBound = hold ? 0 : boundNext;
        lastBoundNext = next;
        lastSigmaAlpha = sigmaAlpha;

        double r = base;
        int retries = 0;
        while (true) {
            problem.bound(r);
            SocpStatus status = solver.solve(problem, solution);
            if (solution.solved()) {
                solution.copyCorrection(correction);
                solved++;
                break;
            }
            if (status == SocpStatus.INFEASIBLE && retries < relaxation.length) {
                r += relaxation[retries++];
                continue;
            }
            for (int i = 0; i < n; i++) correction[i] = 0;
            unsolved++;
            break;
        }
        relaxations += retries;
        lastRetries = retries;
        lastBound = r;
        return solution.solved();
    }

    private void normaliseAction(double[] action, double[] out) {
        final int n = assets;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            final double a = action[i];
            if (!(a >= 0) || Double.isInfinite(a)) throw new IllegalArgumentException("action[" + i + "] must be a non-negative number, got " + a);
            sum += a;
        }
        for (int i = 0; i < n; i++) out[i] = sum > 0 ? action[i] / sum : 1.0 / n;
    }

    /**
     * Σ_t into {@link #sigmaNow} from rows 0..window-1 (returns at lags window-1 .. 0), and the
     * predicted Σ_{t+1} into {@code predicted} from rows 1..window (the forecast as the newest).
     */
    private void covariances(History history, double[] dp, double[] predicted) {
        final int n = assets;
        history.closes(window, closes);
        for (int k = window - 1; k >= 0; k--) {
            final int row = (window - 1 - k) * n;
            for (int i = 0; i < n; i++) {
                final double c = history.close(k, i);
                returns[row + i] = c / closes[i] - 1;
                closes[i] = c;
            }
        }
        System.arraycopy(dp, 0, returns, window * n, n);
        sampleCovariance(returns, 0, window, n, means, sigmaNow);
        sampleCovariance(returns, 1, window, n, means, predicted);
    }

    /** Sample covariance (denominator rows - 1) of {@code rows} return rows starting at row {@code first}. */
    static void sampleCovariance(double[] returns, int first, int rows, int n, double[] means, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < rows; k++) s += returns[(first + k) * n + i];
            means[i] = s / rows;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < rows; k++) {
                    final int row = (first + k) * n;
                    s += (returns[row + i] - means[i]) * (returns[row + j] - means[j]);
                }
                s /= rows - 1;
                out[i * n + j] = s;
                out[j * n + i] = s;
            }
        }
    }

    /** Steps solved (possibly after relaxation) in this controller's life. */
    public int solved() { return solved; }

    /** Steps still infeasible after the whole relaxation schedule (their correction was 0). */
    public int unsolved() { return unsolved; }

    /** Relaxation retries summed over all steps. */
    public int relaxations() { return relaxations; }

    /** The last step's retries. */
    public int lastRetries() { return lastRetries; }

    /** The last step's sigma_alpha_t. */
    public double lastSigmaAlpha() { return lastSigmaAlpha; }

    /** The last step's sigma_s_{t+1} before any relaxation (ARS's bound, or the reset rule's when holding). */
    public double lastBoundNext() { return lastBoundNext; }

    /** The last step's final right-hand side r (after relaxation). */
    public double lastBound() { return lastBound; }

    /** The last step's solution (overwritten by the next step). */
    public SocpSolution lastSolution() { return solution; }

    /** The last step's problem: dp, predicted Σ_{t+1}, a_rl and r (overwritten by the next step). */
    public BarrierProblem lastProblem() { return problem; }

    /** Forgets sigma_s_t and the counts, for a new run. */
    public void reset() {
        previousBound = 0;
        solved = unsolved = relaxations = lastRetries = 0;
        lastSigmaAlpha = lastBound = lastBoundNext = Double.NaN;
    }
}
