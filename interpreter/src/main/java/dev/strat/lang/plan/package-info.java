/**
 * The pipeline graph a checked program becomes: immutable records the runtime executes
 * ({@link dev.strat.lang.plan.ProgramPlan}, markets, splits, strategies as
 * {@link dev.strat.lang.plan.PipelinePlan}s of built-in {@link dev.strat.lang.plan.StageNode}s,
 * experiments), and {@link dev.strat.lang.plan.PipelineBuilder}, which turns a pipeline into a
 * runtime {@link dev.strat.runtime.pipeline.Pipeline} for one market, reporting factory rejections
 * as diagnostics.
 */
package dev.strat.lang.plan;
