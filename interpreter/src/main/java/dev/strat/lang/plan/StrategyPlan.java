package dev.strat.lang.plan;

/** A named pipeline: a declared strategy, or an entry of a {@code compare} list. */
public record StrategyPlan(String name, PipelinePlan pipeline) {
}
