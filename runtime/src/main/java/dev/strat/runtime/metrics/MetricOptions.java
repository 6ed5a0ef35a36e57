package dev.strat.runtime.metrics;

import java.util.Objects;

/**
 * Choices that change how metrics are computed.
 *
 * @param riskFree       annual risk-free rate (0.016575 for RiPO's 1.6575 %); converted to a per-period
 *                       rate {@code (1 + rf)^(1/P) - 1} for Sharpe and Sortino
 * @param omegaThreshold per-period return threshold {@code tau} of the Omega ratio (0 by default)
 * @param convention     the formula family; see {@link Convention}
 * @param goal           the goal as a multiple of initial capital ({@code 1.25} for "wealth at least
 *                       1.25 times capital at the horizon"), or NaN when the run has no goal; a run
 *                       scores {@link MetricId#GOAL_PROBABILITY} 1 when {@code V_T >= goal * V_0}
 */
public record MetricOptions(double riskFree, double omegaThreshold, Convention convention, double goal) {

    /** Which paper's formulas to use where papers differ. */
    public enum Convention {
        /**
         * {@code shared/design/metrics.md}: Sharpe = {@code sqrt(P) mean(r - rf_p) / std(r)}.
         * HADAPS reports use these formulas per monthly test window and average the windows.
         */
        STANDARD,
        /** RiPO: Sharpe = {@code (AR - rf) / annualised volatility}, and 0 when AR < 0. */
        RIPO
    }

    /** No risk-free rate, Omega threshold 0, standard formulas, no goal. */
    public static final MetricOptions DEFAULT = new MetricOptions(0, 0, Convention.STANDARD, Double.NaN);

    public MetricOptions {
        Objects.requireNonNull(convention, "convention");
        if (!(riskFree > -1) || Double.isInfinite(riskFree)) {
            throw new IllegalArgumentException("risk-free rate must be finite and above -100 %, got " + riskFree);
        }
        if (!Double.isFinite(omegaThreshold)) throw new IllegalArgumentException("Omega threshold must be finite");
        if (!Double.isNaN(goal) && !(goal > 0 && goal < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a goal must be a positive multiple of capital, got " + goal);
        }
    }

    public MetricOptions(double riskFree, double omegaThreshold, Convention convention) {
        this(riskFree, omegaThreshold, convention, Double.NaN);
    }

    /** The risk-free rate per period of a calendar with {@code periodsPerYear} periods. */
    public double riskFreePerPeriod(double periodsPerYear) {
        return riskFree == 0 ? 0 : Math.pow(1 + riskFree, 1 / periodsPerYear) - 1;
    }

    public MetricOptions withGoal(double goalMultiple) {
        return new MetricOptions(riskFree, omegaThreshold, convention, goalMultiple);
    }

    public boolean hasGoal() {
        return !Double.isNaN(goal);
    }
}
