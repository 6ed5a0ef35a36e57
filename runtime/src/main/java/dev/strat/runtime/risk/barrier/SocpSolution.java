package dev.strat.runtime.risk.barrier;

/**
 * The result of one {@link SocpSolver#solve}, a reusable workspace overwritten by every solve (so a
 * solve allocates nothing). Primal: {@code x = a_rl + a_c} and {@code a_c}. Dual, for the
 * constraints in the form {@code sum x = 1 (y), x >= 0 (zLower), 1 - x >= 0 (zUpper),
 * r - ||Σ^(1/2) x|| >= 0 (eta)}, so that stationarity reads
 * {@code -dp - y 1 - zLower + zUpper + eta Σx / ||Σ^(1/2) x|| = 0}. {@code nu = eta / ||Σ^(1/2) x||}
 * is the same multiplier for the quadratic form of the constraint. The residuals are those of
 * {@link KktResiduals}, computed from these numbers alone.
 */
public final class SocpSolution {

    SocpStatus status = SocpStatus.INFEASIBLE;
    final double[] x;
    final double[] ac;
    final double[] zLower;
    final double[] zUpper;
    int n;
    double y = Double.NaN;
    double eta = Double.NaN;
    double nu = Double.NaN;
    double objective = Double.NaN;
    double risk = Double.NaN;
    double minRisk = Double.NaN;
    int qpSolves;
    final KktResiduals residuals = new KktResiduals();

    public SocpSolution(int capacity) {
        x = new double[capacity];
        ac = new double[capacity];
        zLower = new double[capacity];
        zUpper = new double[capacity];
    }

    public SocpStatus status() { return status; }

    /** True for {@link SocpStatus#OPTIMAL} and {@link SocpStatus#OPTIMAL_AT_MIN_RISK}. */
    public boolean solved() { return status == SocpStatus.OPTIMAL || status == SocpStatus.OPTIMAL_AT_MIN_RISK; }

    public int assets() { return n; }

    /** x = a_rl + a_c (for INFEASIBLE: the minimum-risk portfolio). First {@link #assets()} entries. */
    public double x(int i) { return x[i]; }

    /** The controller's correction a_c = x - a_rl (zero when not solved). */
    public double ac(int i) { return ac[i]; }

    public void copyX(double[] out) { System.arraycopy(x, 0, out, 0, n); }

    public void copyCorrection(double[] out) { System.arraycopy(ac, 0, out, 0, n); }

    public double y() { return y; }

    public double zLower(int i) { return zLower[i]; }

    public double zUpper(int i) { return zUpper[i]; }

    /** The cone multiplier (0 when the risk bound is slack). */
    public double eta() { return eta; }

    /** The multiplier of x'Σx <= r² scaled as in the parametric QP: stationarity -dp + nu Σx + ... = 0. */
    public double nu() { return nu; }

    /** -dp'x at the solution (the objective of x; -dp'a_c differs by the constant dp'a_rl). */
    public double objective() { return objective; }

    /** ||Σ^(1/2) x||. */
    public double risk() { return risk; }

    /** The smallest achievable ||Σ^(1/2) x|| over the box-simplex (the feasibility certificate). */
    public double minRisk() { return minRisk; }

    /** Inner QPs solved (a cost measure). */
    public int qpSolves() { return qpSolves; }

    public KktResiduals residuals() { return residuals; }
}
