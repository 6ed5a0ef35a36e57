package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.pipeline.Outcome;

/**
 * The reward of one executed step. Stateful rewards (drawdown penalties, goal terms) start over
 * at {@link #reset}.
 */
public interface Reward {

    String label();

    default void reset(double initialWealth) {
    }

    double reward(Outcome outcome);
}
