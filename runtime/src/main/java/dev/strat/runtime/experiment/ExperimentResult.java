package dev.strat.runtime.experiment;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The outcome of an experiment: each strategy's runs and metrics, and the significance tests.
 *
 * @param spec         what was run
 * @param strategies   one result per strategy, in the spec's order
 * @param significance the tests asked for, reference against each other strategy per metric
 */
public record ExperimentResult(ExperimentSpec spec, List<StrategyResult> strategies, List<SignificanceResult> significance) {

    public ExperimentResult {
        strategies = List.copyOf(strategies);
        significance = List.copyOf(significance);
    }

    public StrategyResult strategy(String name) {
        for (StrategyResult s : strategies) if (s.name().equals(name)) return s;
        throw new NoSuchElementException("no strategy '" + name + "' in experiment " + spec.name());
    }
}
