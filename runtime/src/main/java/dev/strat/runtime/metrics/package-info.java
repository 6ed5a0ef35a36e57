/**
 * Performance metrics exactly as defined in {@code shared/design/metrics.md}:
 * {@link dev.strat.runtime.metrics.Metrics} holds the formulas, {@link dev.strat.runtime.metrics.MetricOptions}
 * the conventions (risk-free rate, Omega threshold, RiPO Sharpe, goal), and
 * {@link dev.strat.runtime.metrics.MetricValues} the values of one run. Undefined values are NaN.
 */
package dev.strat.runtime.metrics;
