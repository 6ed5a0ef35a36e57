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
                          List<ExperimentPlan> experiments) {

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
