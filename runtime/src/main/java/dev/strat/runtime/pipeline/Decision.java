package dev.strat.runtime.pipeline;

import dev.strat.runtime.data.History;

/**
 * Everything a stage may look at when it decides.
 *
 * @param history  market bars up to and including the decision bar
 * @param step     0 for the first decision of the run, then 1, 2, ...
 * @param proposal the proposal of the stage before (N + 1 weights, cash last); for the first
 *                 stage of a pipeline, equal to {@code current}
 * @param current  the weights held now, after drifting with prices since the last rebalance
 * @param wealth   portfolio value now, before this decision's trading costs
 */
public record Decision(History history, int step, double[] proposal, double[] current, double wealth) {
}
