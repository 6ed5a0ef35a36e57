package dev.strat.runtime.risk.barrier;

/** How a {@link SocpSolver} solve ended. */
public enum SocpStatus {
    /** Optimal, with a finite dual certificate (the KKT residuals in the solution). */
    OPTIMAL,
    /**
     * The risk bound equals the smallest achievable risk (to rounding): only the minimum-risk
     * portfolios are feasible and x is the best of them for dp. Slater's condition fails, so no
     * finite risk multiplier certifies it; the dual residuals are NaN.
     */
    OPTIMAL_AT_MIN_RISK,
    /** The smallest achievable risk over the box-simplex exceeds the bound (x is that minimum-risk point). */
    INFEASIBLE,
    /** The active-set iteration limit was hit (never seen in tests; x is the last iterate). */
    ITERATION_LIMIT
}
