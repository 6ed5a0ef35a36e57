package dev.strat.lang.plan;

import dev.strat.runtime.backtest.CostModel;
import dev.strat.runtime.backtest.FlatCost;
import dev.strat.runtime.backtest.ProportionalCost;

import java.util.Objects;

/**
 * The program's cost model, as written on its {@code costs} line. Either the default proportional
 * model ({@code costs fee 0.25%, slippage 0%..0.1%}): a fee and a slippage drawn uniformly from
 * {@code [slippageLow, slippageHigh]} per step, both fractions of traded value (equal ends mean a
 * fixed slippage); or RiPO's flat model ({@code costs flat 0.1%, perturb 0.1%}): a flat fraction of
 * wealth every step and each next close perturbed by up to {@code perturb} either way. The two
 * do not mix.
 *
 * @param kind which model
 * @param fee, slippageLow, slippageHigh the proportional model's rates (0 for the flat model)
 * @param flat, perturb the flat model's rates (0 for the proportional model)
 */
public record CostPlan(Kind kind, double fee, double slippageLow, double slippageHigh, double flat, double perturb) {

    /** Which cost model a program charges. */
    public enum Kind {
        /** {@link ProportionalCost}: fee and slippage on traded value. */
        PROPORTIONAL,
        /** {@link FlatCost}: a flat cost every step and perturbed closes. */
        FLAT
    }

    public static final CostPlan NONE = new CostPlan(0, 0, 0);

    public CostPlan {
        Objects.requireNonNull(kind, "kind");
        if (fee < 0 || slippageLow < 0 || slippageHigh < slippageLow || flat < 0 || perturb < 0) {
            throw new IllegalArgumentException("invalid costs fee=" + fee + " slippage=" + slippageLow + ".." + slippageHigh
                    + " flat=" + flat + " perturb=" + perturb);
        }
        if (kind == Kind.PROPORTIONAL && (flat != 0 || perturb != 0)) {
            throw new IllegalArgumentException("a proportional cost plan has no flat cost or perturbation");
        }
        if (kind == Kind.FLAT && (fee != 0 || slippageHigh != 0)) {
            throw new IllegalArgumentException("a flat cost plan has no fee or slippage");
        }
    }

    /** The proportional model. */
    public CostPlan(double fee, double slippageLow, double slippageHigh) {
        this(Kind.PROPORTIONAL, fee, slippageLow, slippageHigh, 0, 0);
    }

    /** RiPO's flat model. */
    public static CostPlan flat(double flat, double perturb) {
        return new CostPlan(Kind.FLAT, 0, 0, 0, flat, perturb);
    }

    /** The runtime model this plan charges. */
    public CostModel model() {
        return switch (kind) {
            case PROPORTIONAL -> new ProportionalCost(fee, slippageLow, slippageHigh);
            case FLAT -> new FlatCost(flat, perturb);
        };
    }

    /** The proportional form reads as it always has; the flat one names its own rates. */
    @Override
    public String toString() {
        return switch (kind) {
            case PROPORTIONAL -> "CostPlan[fee=" + fee + ", slippageLow=" + slippageLow + ", slippageHigh=" + slippageHigh + "]";
            case FLAT -> "CostPlan[flat=" + flat + ", perturb=" + perturb + "]";
        };
    }
}
