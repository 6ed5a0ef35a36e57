package dev.strat.runtime.backtest;

import dev.strat.runtime.pipeline.RunSetup;

import java.util.SplittableRandom;

/**
 * The default cost model of the online portfolio selection literature: a rebalance that moves a
 * fraction {@code u} of wealth between assets costs {@code (fee + s) * u}, where the slippage
 * {@code s} is drawn uniformly from {@code [slippageMin, slippageMax]} once per step, from the
 * stream {@code random("slippage")} of the run. With equal bounds nothing is drawn.
 *
 * @param fee         proportional fee per unit of traded value (0.0025 for 0.25 %)
 * @param slippageMin lower bound of the per-step slippage rate
 * @param slippageMax upper bound of the per-step slippage rate
 */
public record ProportionalCost(double fee, double slippageMin, double slippageMax) implements CostModel {

    public ProportionalCost {
        if (!(fee >= 0) || !(slippageMin >= 0) || !(slippageMax >= slippageMin)) {
            throw new IllegalArgumentException("costs must satisfy fee >= 0 and 0 <= slippage min <= slippage max, got fee "
                    + fee + ", slippage " + slippageMin + ".." + slippageMax);
        }
    }

    @Override
    public Charger start(RunSetup setup) {
        if (slippageMin == slippageMax) {
            final double rate = fee + slippageMin;
            return (traded, gross) -> rate * traded;
        }
        final SplittableRandom slippage = setup.random("slippage");
        return (traded, gross) -> (fee + slippage.nextDouble(slippageMin, slippageMax)) * traded;
    }

    @Override
    public String describe() {
        return "fee " + pct(fee) + ", slippage " + pct(slippageMin) + (slippageMax == slippageMin ? "" : ".." + pct(slippageMax))
                + " of traded value";
    }

    @Override
    public boolean frictionless() {
        return fee == 0 && slippageMax == 0;
    }

    private static String pct(double v) {
        return BigDecimalText.percent(v);
    }
}
