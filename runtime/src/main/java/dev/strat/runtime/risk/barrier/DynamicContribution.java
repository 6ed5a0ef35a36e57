package dev.strat.runtime.risk.barrier;

/**
 * RiPO's Dynamic Contribution Mechanism (reference formulas, "DCM"): how much of the controller's
 * correction a_c enters the final action, {@code a = a_rl + lambda a_c}. With fewer than L returns
 * lambda = 1. Otherwise, with x the recent excess return:
 * <pre>
 *   x &lt; 0:  g = min(|x|, v) / v,  lambda = min((m + g)^(1 - g), 1)   (or lambda = g when linear)
 *   x &gt;= 0: lambda = m
 * </pre>
 * so losses bring the controller in and gains hand control back to the agent (down to m).
 *
 * <p>{@link Excess#AUTHORS} (the default) is x as the authors coded it, the mean daily return minus
 * the <em>annual</em> risk-free fraction; the paper's m and v were chosen with it, so it is the one
 * that reproduces the paper. {@link Excess#DAILY} is the consistent definition, the mean daily
 * return minus the daily rate rf / 252.
 *
 * @param m        the contribution after gains (0 in MS-1, 0.8 in MS-2)
 * @param v        the loss at which the controller contributes fully (0.5 in MS-1, 0.005 in MS-2)
 * @param window   L, returns in the mean
 * @param linear   lambda = g instead of the non-linear form
 * @param excess   how x subtracts the risk-free rate
 * @param riskFree rf, the annual risk-free rate as a fraction (0.016575)
 */
public record DynamicContribution(double m, double v, int window, boolean linear, Excess excess, double riskFree)
        implements RiskAdapter {

    /** How the recent excess return x is formed. */
    public enum Excess {
        /** The mean daily return minus the annual rf fraction, as the authors' code does. */
        AUTHORS,
        /** The mean daily return minus rf / 252. */
        DAILY
    }

    public DynamicContribution {
        if (!(m >= 0 && m <= 1)) throw new IllegalArgumentException("dcm: m must be in [0, 1], got " + m);
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("dcm: v must be positive, got " + v);
        if (window < 1) throw new IllegalArgumentException("dcm: window must be at least 1 return, got " + window);
        java.util.Objects.requireNonNull(excess, "excess");
        if (!(riskFree >= 0) || Double.isInfinite(riskFree)) throw new IllegalArgumentException("dcm: the risk-free rate must be >= 0, got " + riskFree);
    }

    @Override public String name() { return "dcm"; }

    /** lambda_t from the returns up to the decision, in [0, 1]. */
    public double lambda(RecentReturns returns) {
        if (returns.size() < window) return 1;
        double rd = returns.meanOfLast(window);
        double x = rd - (excess == Excess.AUTHORS ? riskFree : riskFree / 252);
        if (x >= 0) return m;
        double g = Math.min(-x, v) / v;
        return linear ? g : Math.min(Math.pow(m + g, 1 - g), 1);
    }
}
