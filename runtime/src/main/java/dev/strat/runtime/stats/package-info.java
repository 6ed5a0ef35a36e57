/**
 * Statistics for judging backtests over time, on plain arrays of per-period returns: the
 * probabilistic and deflated Sharpe ratios ({@link dev.strat.runtime.stats.SharpeRatios}), the
 * Ledoit-Wolf test of a Sharpe-ratio difference with a HAC standard error or a studentised
 * circular block bootstrap ({@link dev.strat.runtime.stats.SharpeDifference}), and stationary
 * block bootstrap confidence intervals ({@link dev.strat.runtime.stats.StationaryBootstrap}).
 * Every random procedure takes a seed: same seed, same result.
 */
package dev.strat.runtime.stats;
