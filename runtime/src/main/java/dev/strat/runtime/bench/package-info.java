/**
 * The backtest benchmark behind {@code strat bench}: {@link dev.strat.runtime.bench.BacktestBench}
 * measures asset-steps per second of one stage, {@link dev.strat.runtime.bench.ForkedThroughput}
 * does so in a fresh JVM, {@link dev.strat.runtime.bench.ComparisonBench} times a whole experiment
 * cold and warm, {@link dev.strat.runtime.bench.BacktestSuite} runs them in the right order on
 * {@link dev.strat.runtime.bench.BenchData} and {@link dev.strat.runtime.bench.BenchReport} prints
 * the figures beside their targets.
 */
package dev.strat.runtime.bench;
