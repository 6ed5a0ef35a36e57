package dev.strat.runtime.rl.portfolio;

/**
 * The account as an observation sees it at a decision.
 *
 * @param weights       weights held now, drifted with prices since the last rebalance (N + 1, cash last)
 * @param wealth        portfolio value now
 * @param initialWealth portfolio value at the start of the episode or backtest
 */
public record AccountState(double[] weights, double wealth, double initialWealth) {
}
