/**
 * The backtest benchmark behind {@code strat bench}: {@link dev.strat.bench.BacktestBench}
 * measures asset-steps per second of one stage, {@link dev.strat.bench.ForkedThroughput}
 * does so in a fresh JVM, {@link dev.strat.bench.ComparisonBench} times a whole experiment
 * cold and warm, {@link dev.strat.bench.BacktestSuite} runs them in the right order on
 * {@link dev.strat.bench.BenchData} and {@link dev.strat.bench.BenchReport} prints
 * the figures beside their targets.
 *
 * <p>The RL training benchmark behind {@code strat bench rl}: {@link dev.strat.bench.RlCase}
 * is one (algorithm, size) with its settings, SB3's figure and the target,
 * {@link dev.strat.bench.RlBench} measures its steps per second in fresh JVMs,
 * {@link dev.strat.bench.RlMemoryCheck} watches a long run's resident memory and
 * {@link dev.strat.bench.RlBenchReport} prints both. Every fresh JVM is started by
 * {@link dev.strat.bench.ChildJvm}.
 */
package dev.strat.bench;
