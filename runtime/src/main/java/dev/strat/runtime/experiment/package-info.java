/**
 * Experiments: {@link dev.strat.runtime.experiment.ExperimentRunner} runs every strategy of an
 * {@link dev.strat.runtime.experiment.ExperimentSpec} with every seed (or over Monte Carlo paths)
 * under a {@link dev.strat.runtime.experiment.Protocol} (a fixed split or walk-forward windows): the
 * spec expands into {@link dev.strat.runtime.experiment.RunSpec}s ({@link dev.strat.runtime.experiment.RunPlan})
 * that a {@link dev.strat.runtime.experiment.RunExecutor} executes; the runner
 * summarises metrics across seeds and runs Wilcoxon signed-rank tests;
 * {@link dev.strat.runtime.experiment.ResultWriter} writes the summary and equity CSVs and the JSON
 * results atomically, and {@link dev.strat.runtime.experiment.TableRenderer} prints the table.
 */
package dev.strat.runtime.experiment;
