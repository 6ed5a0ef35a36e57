/**
 * The portfolio environment: {@link dev.strat.runtime.backtest.Backtester} runs a stage over bars
 * of a market under a {@link dev.strat.runtime.backtest.BacktestConfig} (capital, fee, slippage
 * range, cash rate) and records a {@link dev.strat.runtime.backtest.BacktestResult}. The timing,
 * cost model, warm-up and proposal validation are documented on {@code Backtester}.
 */
package dev.strat.runtime.backtest;
