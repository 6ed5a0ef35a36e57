package dev.strat.runtime.backtest;

import dev.strat.runtime.pipeline.RunSetup;

/**
 * What trading costs and how the executed prices differ from the recorded closes. One model
 * serves the backtester and every training environment through {@link MarketStep}, so a
 * strategy is charged the same whether it trains or is tested.
 *
 * <p>A model is immutable configuration; {@link #start} gives the per-run state (its random
 * streams, derived from the run's seed), so two runs with the same seed are charged the same.
 */
public interface CostModel {

    /** Starts a run: the returned charger draws its randomness from {@code setup}'s seed. */
    Charger start(RunSetup setup);

    /** How the model is written in reports, e.g. {@code fee 0.25%, slippage 0%..0.1%}. */
    String describe();

    /** True when the model never charges anything and never moves prices. */
    boolean frictionless();

    /** The per-run state of a cost model. Called once per step, in step order. */
    interface Charger {

        /**
         * Adjusts the period's price relatives in place before the portfolio earns them (a model of
         * execution noise); most models leave them alone.
         */
        default void perturb(double[] relatives) {
        }

        /**
         * The cost of the step as a fraction {@code c} of the wealth {@code V} at the decision,
         * charged at the rebalance: the account ends the period with {@code V (1 - c) gross}. A
         * model that charges after the period (a flat {@code k} of {@code V} out of the period's
         * earnings, {@code V (gross - k)}) returns {@code k / gross}, which is why the gross is given.
         *
         * @param assetTurnover {@code sum over the N assets of |w_new - w_drifted|} (cash legs are free)
         * @param gross         the period's portfolio relative before costs, {@code sum_i w_i x_i}
         *                      with the (possibly perturbed) relatives and cash
         */
        double cost(double assetTurnover, double gross);
    }
}
