package dev.strat.runtime.backtest;

import java.util.Arrays;
import java.util.Objects;

/**
 * What an account holds at the close of a bar: its weights (N + 1, cash last) and its wealth.
 * A backtest can start from holdings and reports those it ends with
 * ({@link Backtester#run(String, dev.strat.runtime.pipeline.Stage, dev.strat.runtime.data.MarketData, int, int, long,
 * Holdings, dev.strat.runtime.pipeline.ProgressListener)}), so consecutive backtests of one account
 * (the test windows of a walk-forward, whose model changes at each boundary) continue one another
 * exactly instead of each buying its portfolio again from cash.
 *
 * <p>The weights are copied in and out, so a {@code Holdings} never changes. They are checked
 * against a market when a backtest starts from them, where the asset names are known.
 *
 * @param weights the weights held, drifted since the last rebalance (N + 1, cash last)
 * @param wealth  the account's value, positive and finite
 */
public record Holdings(double[] weights, double wealth) {

    public Holdings {
        Objects.requireNonNull(weights, "weights");
        if (weights.length < 1) throw new IllegalArgumentException("holdings need at least the cash weight");
        if (!(wealth > 0) || wealth == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("holdings need a positive, finite wealth, got " + wealth);
        }
        weights = weights.clone();
    }

    /** All cash: what an account opens with. */
    public static Holdings cash(int assets, double wealth) {
        double[] w = new double[assets + 1];
        w[assets] = 1;
        return new Holdings(w, wealth);
    }

    /** A copy of the weights (N + 1, cash last). */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Number of assets N. */
    public int assets() {
        return weights.length - 1;
    }

    /** Weight of column {@code j} (asset, or cash at N). */
    public double weight(int j) {
        return weights[j];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Holdings h && Double.compare(wealth, h.wealth) == 0 && Arrays.equals(weights, h.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(wealth) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "Holdings[weights=" + Arrays.toString(weights) + ", wealth=" + wealth + "]";
    }
}
