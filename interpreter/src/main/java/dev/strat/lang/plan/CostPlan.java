package dev.strat.lang.plan;

/**
 * Trading costs as fractions of traded value: a proportional fee, and a slippage drawn uniformly
 * from {@code [slippageLow, slippageHigh]} per trade (equal ends mean a fixed slippage).
 */
public record CostPlan(double fee, double slippageLow, double slippageHigh) {

    public static final CostPlan NONE = new CostPlan(0, 0, 0);

    public CostPlan {
        if (fee < 0 || slippageLow < 0 || slippageHigh < slippageLow) {
            throw new IllegalArgumentException("invalid costs fee=" + fee + " slippage=" + slippageLow + ".." + slippageHigh);
        }
    }
}
