package dev.strat.runtime.risk.barrier;

/**
 * RiPO's Adaptive Risk Strategy (reference formulas, "ARS"): the acceptable risk sigma_s_{t+1}
 * rises linearly with the portfolio's recent annualised return, from {@code sigmaMin} at
 * {@code r_a = (1 - mu) rf} to {@code sigmaMax} at {@code r_a = (1 + mu) rf}, clipped to that range:
 * <pre>
 *   r_d = mean of the last L returns,  r_a = (1 + r_d)^252 - 1
 *   sigma_s = clip(a r_a + b, sigma_min, sigma_max)
 *   a = (sigma_max - sigma_min) / (2 mu rf),  b = ((1 + mu) sigma_min - (1 - mu) sigma_max) / (2 mu)
 * </pre>
 * With fewer than L returns the bound is 0.01 (the reference value; it equals sigma_min in both
 * of the paper's settings).
 *
 * @param scale    mu (2 in MS-1, 1 in MS-2)
 * @param sigmaMin the smallest bound (0.01)
 * @param sigmaMax the largest bound (0.02 in MS-1, 0.015 in MS-2)
 * @param window   L, returns in the mean (3 in MS-1, 5 in MS-2)
 * @param riskFree rf, the annual risk-free rate as a fraction (0.016575)
 */
public record AdaptiveRisk(double scale, double sigmaMin, double sigmaMax, int window, double riskFree) implements RiskAdapter {

    /** The bound before L returns exist. */
    public static final double INITIAL_BOUND = 0.01;

    public AdaptiveRisk {
        if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("ars: scale must be positive, got " + scale);
        if (!(sigmaMin >= 0) || !(sigmaMax >= sigmaMin) || Double.isInfinite(sigmaMax)) {
            throw new IllegalArgumentException("ars: need 0 <= sigma_min <= sigma_max, got " + sigmaMin + " and " + sigmaMax);
        }
        if (window < 1) throw new IllegalArgumentException("ars: window must be at least 1 return, got " + window);
        if (!(riskFree > 0) || Double.isInfinite(riskFree)) {
            throw new IllegalArgumentException("ars: the risk-free rate must be positive (the line is scaled by it), got " + riskFree);
        }
    }

    @Override public String name() { return "ars"; }

    /** sigma_s_{t+1} from the returns up to the decision. */
    public double bound(RecentReturns returns) {
        if (returns.size() < window) return INITIAL_BOUND;
        double rd = returns.meanOfLast(window);
        double ra = Math.pow(1 + rd, 252) - 1;
        double a = (sigmaMax - sigmaMin) / (2 * scale * riskFree);
        double b = ((1 + scale) * sigmaMin - (1 - scale) * sigmaMax) / (2 * scale);
        return Math.min(sigmaMax, Math.max(sigmaMin, a * ra + b));
    }
}
