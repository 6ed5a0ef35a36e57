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
 * @param annualise      whether a run shorter than a year has its annual return (and so Calmar)
 *                       extrapolated to a year; see {@link Annualise}
 * @param ciLevel        coverage of the stationary-bootstrap confidence intervals tables show
 *                       beside each metric that has one (0.95), or NaN for none (the default)
 */
public record MetricOptions(double riskFree, double omegaThreshold, Convention convention, double goal,
                            Annualise annualise, double ciLevel) {

    /**
     * When to compound a return to a year. Volatility and Sharpe are scaled by {@code sqrt(P)}
     * whatever the length: that changes units, it does not extrapolate.
     */
    public enum Annualise {
        /** Only runs of at least a year of periods: a shorter run's annual return and Calmar are NaN. */
        AUTO,
        /** Always, even from a few weeks; tables flag a run shorter than a year. */
        ALWAYS
    }

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
        Objects.requireNonNull(annualise, "annualise");
        if (!Double.isNaN(ciLevel) && !(ciLevel > 0 && ciLevel < 1)) {
            throw new IllegalArgumentException("a confidence level lies in (0, 1), got " + ciLevel);
        }
        if (!(riskFree > -1) || Double.isInfinite(riskFree)) {
            throw new IllegalArgumentException("risk-free rate must be finite and above -100 %, got " + riskFree);
        }
        if (!Double.isFinite(omegaThreshold)) throw new IllegalArgumentException("Omega threshold must be finite");
        if (!Double.isNaN(goal) && !(goal > 0 && goal < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a goal must be a positive multiple of capital, got " + goal);
        }
    }

    public MetricOptions(double riskFree, double omegaThreshold, Convention convention, double goal) {
        this(riskFree, omegaThreshold, convention, goal, Annualise.ALWAYS, Double.NaN);
    }

    public MetricOptions(double riskFree, double omegaThreshold, Convention convention) {
        this(riskFree, omegaThreshold, convention, Double.NaN);
    }

    public MetricOptions withAnnualise(Annualise how) {
        return new MetricOptions(riskFree, omegaThreshold, convention, goal, how, ciLevel);
    }

    /** These options with bootstrap intervals of {@code level} coverage (NaN: none). */
    public MetricOptions withCi(double level) {
        return new MetricOptions(riskFree, omegaThreshold, convention, goal, annualise, level);
    }

    /** True when a run of {@code periods} periods has its return compounded to a year. */
    public boolean annualises(int periods, double periodsPerYear) {
        return annualise == Annualise.ALWAYS || coversAYear(periods, periodsPerYear);
    }

    /**
     * True when {@code periods} is a year or more, give or take a week: a calendar year of a stock
     * market has 250 to 253 daily bars against the nominal 252, and a test of 2019 (251 bars) is a
     * year, not an extrapolation.
     */
    public static boolean coversAYear(int periods, double periodsPerYear) {
        return periods >= periodsPerYear * 51 / 52;
    }

    public boolean hasCi() {
        return !Double.isNaN(ciLevel);
    }

    /** The risk-free rate per period of a calendar with {@code periodsPerYear} periods. */
    public double riskFreePerPeriod(double periodsPerYear) {
        return riskFree == 0 ? 0 : Math.pow(1 + riskFree, 1 / periodsPerYear) - 1;
    }

    public MetricOptions withGoal(double goalMultiple) {
        return new MetricOptions(riskFree, omegaThreshold, convention, goalMultiple, annualise, ciLevel);
    }

    public boolean hasGoal() {
        return !Double.isNaN(goal);
    }
}
