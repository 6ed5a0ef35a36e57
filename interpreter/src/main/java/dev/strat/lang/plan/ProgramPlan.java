package dev.strat.lang.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked program as the runtime executes it: every market, split and strategy visible to the
 * main file (imports first, in source order) and the experiments and backtests of the main file.
 * Experiments of imported files are checked but not planned: an import brings definitions, not runs.
 */
public record ProgramPlan(List<MarketPlan> markets, Map<String, SplitPlan> splits, List<StrategyPlan> strategies,
                          List<ExperimentPlan> experiments, dev.strat.stdlib.Registry registry) {

    /** A plan of a program that declares no user functions: its names are the standard library's. */
    public ProgramPlan(List<MarketPlan> markets, Map<String, SplitPlan> splits, List<StrategyPlan> strategies,
                       List<ExperimentPlan> experiments) {
        this(markets, splits, strategies, experiments, dev.strat.stdlib.StandardLibrary.registry());
    }

    public ProgramPlan {
        markets = List.copyOf(markets);
        splits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(splits));
        strategies = List.copyOf(strategies);
        experiments = List.copyOf(experiments);
    }

    public Optional<MarketPlan> market(String name) {
        return markets.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<StrategyPlan> strategy(String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
