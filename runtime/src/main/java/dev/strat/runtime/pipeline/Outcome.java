package dev.strat.runtime.pipeline;

/**
 * The realised result of one executed step, handed to every stage after it.
 *
 * @param step        the step index of the decision
 * @param executed    the weights actually held over the period (N + 1, cash last)
 * @param relatives   price relatives of the period (N assets; cash relative is 1)
 * @param grossReturn portfolio return over the period before costs
 * @param cost        trading cost paid at the rebalance, as a fraction of wealth
 * @param netReturn   portfolio return after costs: {@code (1 - cost) * (1 + gross) - 1}
 * @param wealth      portfolio value at the end of the period
 */
public record Outcome(int step, double[] executed, double[] relatives, double grossReturn, double cost,
                      double netReturn, double wealth) {

    /** Log return after costs, the usual reward of portfolio RL agents. */
    public double logReturn() {
        return Math.log1p(netReturn);
    }
}
