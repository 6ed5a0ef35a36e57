package dev.strat.runtime.backtest;

/**
 * The account and market frictions of a backtest.
 *
 * <p>Costs follow the first-order model of the online portfolio selection literature: a rebalance
 * that moves a fraction {@code u} of wealth between assets costs {@code (fee + s) * u} of wealth,
 * where {@code s} is the slippage of that step drawn uniformly from
 * {@code [slippageMin, slippageMax]}. See {@link Backtester} for the exact step.
 *
 * @param capital     initial wealth V_0, in the market's currency
 * @param fee         proportional fee per unit of traded value (0.0025 for 0.25 %)
 * @param slippageMin lower bound of the per-step slippage rate
 * @param slippageMax upper bound of the per-step slippage rate
 * @param riskFree    annual rate the cash position earns (0 for none), compounded per period as
 *                    {@code (1 + riskFree)^(1 / P) - 1}
 * @param costModel   the model every {@link MarketStep} charges; null means the proportional model
 *                    of {@code fee} and the slippage range ({@link ProportionalCost})
 */
public record BacktestConfig(double capital, double fee, double slippageMin, double slippageMax, double riskFree,
                             CostModel costModel) {

    /** One million of capital and no frictions: useful for tests and for pure allocation studies. */
    public static final BacktestConfig FRICTIONLESS = new BacktestConfig(1_000_000, 0, 0, 0, 0);

    public BacktestConfig {
        if (!(capital > 0) || Double.isInfinite(capital)) {
            throw new IllegalArgumentException("capital must be positive and finite, got " + capital);
        }
        if (!(fee >= 0) || !(slippageMin >= 0) || !(slippageMax >= slippageMin)) {
            throw new IllegalArgumentException("costs must satisfy fee >= 0 and 0 <= slippage min <= slippage max, got fee "
                    + fee + ", slippage " + slippageMin + ".." + slippageMax);
        }
        // Turnover over assets is at most 2, so the rate must stay below 1/2 for wealth to stay positive.
        if (!(fee + slippageMax < 0.5)) {
            throw new IllegalArgumentException("fee + maximum slippage must be below 50 %, got " + (fee + slippageMax));
        }
        if (!(riskFree > -1) || Double.isInfinite(riskFree)) {
            throw new IllegalArgumentException("risk-free rate must be finite and above -100 %, got " + riskFree);
        }
        if (costModel == null) costModel = new ProportionalCost(fee, slippageMin, slippageMax);
    }

    /** A configuration charging the proportional model of {@code fee} and the slippage range. */
    public BacktestConfig(double capital, double fee, double slippageMin, double slippageMax, double riskFree) {
        this(capital, fee, slippageMin, slippageMax, riskFree, null);
    }

    /** The same account charged by another cost model. */
    public BacktestConfig withCostModel(CostModel model) {
        return new BacktestConfig(capital, fee, slippageMin, slippageMax, riskFree, java.util.Objects.requireNonNull(model));
    }

    /** A configuration whose cash earns nothing. */
    public BacktestConfig(double capital, double fee, double slippageMin, double slippageMax) {
        this(capital, fee, slippageMin, slippageMax, 0);
    }

    /** Cash's price relative over one period of a calendar with {@code periodsPerYear} periods. */
    public double cashRelative(double periodsPerYear) {
        return riskFree == 0 ? 1.0 : Math.pow(1 + riskFree, 1 / periodsPerYear);
    }

    /** True when every step draws the same slippage, so no random draw is needed. */
    public boolean fixedSlippage() {
        return slippageMin == slippageMax;
    }
}
