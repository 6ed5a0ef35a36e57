/** Throughput measurement of the backtest loop, behind {@code strat bench}. */
package dev.strat.runtime.bench;
