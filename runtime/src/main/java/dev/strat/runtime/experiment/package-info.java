/**
 * Experiments: {@link dev.strat.runtime.experiment.ExperimentRunner} runs every strategy of an
 * {@link dev.strat.runtime.experiment.ExperimentSpec} with every seed (or over Monte Carlo paths),
 * summarises metrics across seeds and runs Wilcoxon signed-rank tests;
 * {@link dev.strat.runtime.experiment.ResultWriter} writes the summary and equity CSVs and the JSON
 * results atomically, and {@link dev.strat.runtime.experiment.TableRenderer} prints the table.
 */
package dev.strat.runtime.experiment;
