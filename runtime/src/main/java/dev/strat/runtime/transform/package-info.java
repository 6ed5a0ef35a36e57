/**
 * Stages that reshape the proposal of the stage before them: position limits
 * ({@link dev.strat.runtime.transform.Constrain}, a Euclidean projection onto a bounded simplex)
 * and rebalancing schedules ({@link dev.strat.runtime.transform.Rebalance}).
 */
package dev.strat.runtime.transform;
