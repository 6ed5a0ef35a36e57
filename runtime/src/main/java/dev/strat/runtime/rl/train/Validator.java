package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.algo.Agent;

import java.util.function.ToDoubleFunction;

/**
 * Judges an agent after each epoch; higher is better. The portfolio validator backtests the agent
 * (deterministic policy) on the validation split and returns a metric such as the Sharpe ratio;
 * tests plug in anything. The trainer switches the agent's training mode off around the call; the
 * validator must not change the agent's state (only {@code act(obs, false, ...)}).
 */
@FunctionalInterface
public interface Validator {

    /** The metric of {@code agent}; NaN counts as never better than anything. */
    double evaluate(Agent agent);

    /** The metric's name, for curves and progress messages. */
    default String metricName() {
        return "validation";
    }

    /** A validator with a name. */
    static Validator of(String metricName, ToDoubleFunction<Agent> metric) {
        return new Validator() {
            @Override
            public double evaluate(Agent agent) {
                return metric.applyAsDouble(agent);
            }

            @Override
            public String metricName() {
                return metricName;
            }
        };
    }
}
