package dev.strat.stdlib;

import dev.strat.stdlib.builtins.Agents;
import dev.strat.stdlib.builtins.Baselines;
import dev.strat.stdlib.builtins.Components;
import dev.strat.stdlib.builtins.Composites;
import dev.strat.stdlib.builtins.Models;
import dev.strat.stdlib.builtins.Momentum;
import dev.strat.stdlib.builtins.OnlineLearning;
import dev.strat.stdlib.builtins.RiskStages;
import dev.strat.stdlib.builtins.Transforms;

/**
 * The one place where every built-in of the language is registered.
 */
public final class StandardLibrary {

    private static final Registry REGISTRY = build();

    private StandardLibrary() {
    }

    public static Registry registry() {
        return REGISTRY;
    }

    private static Registry build() {
        Registry.Builder b = Registry.builder();
        Baselines.register(b);
        OnlineLearning.register(b);
        Momentum.register(b);
        Models.register(b);
        Transforms.register(b);
        RiskStages.register(b);
        Components.register(b);
        Composites.register(b);
        Agents.register(b);
        return b.build();
    }
}
