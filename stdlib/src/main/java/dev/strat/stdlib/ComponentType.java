package dev.strat.stdlib;

import dev.strat.runtime.compose.BlendPolicy;
import dev.strat.runtime.compose.Scorer;
import dev.strat.runtime.risk.barrier.PriceForecast;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.portfolio.ActionMap;
import dev.strat.runtime.rl.portfolio.Feature;
import dev.strat.runtime.rl.portfolio.FeatureIndicator;
import dev.strat.runtime.rl.portfolio.Reward;

import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link ComponentKind} together with the runtime type its components build: a type token, so
 * that a component's factory and the stage that asks for it agree on that type at compile time.
 * There is exactly one instance per kind, so comparing instances compares kinds.
 *
 * @param <T> what a component of this kind builds
 */
public final class ComponentType<T> {

    /** Networks build an architecture the agent sizes to its observation and action. */
    public static final ComponentType<NetSpec> NETWORK = new ComponentType<>(ComponentKind.NETWORK);
    /** Action maps turn an agent's action into weights. */
    public static final ComponentType<ActionMap> ACTIONS = new ComponentType<>(ComponentKind.ACTIONS);
    /** Features write one block of an observation. */
    public static final ComponentType<Feature> FEATURE = new ComponentType<>(ComponentKind.FEATURE);
    /** Rewards are stateful, so a reward component builds a source of fresh ones (one per environment). */
    public static final ComponentType<Supplier<Reward>> REWARD = new ComponentType<>(ComponentKind.REWARD);
    /** Policies choose (switch) or weight (blend) a pool's members; switch policies are blend policies too. */
    public static final ComponentType<BlendPolicy> POLICY = new ComponentType<>(ComponentKind.POLICY);
    /** Scorers rank assets for a selector. */
    public static final ComponentType<Scorer> SCORER = new ComponentType<>(ComponentKind.SCORER);
    /** Indicators build the Ta4j indicators they stand for ({@code all} stands for many), or a user indicator. */
    public static final ComponentType<List<FeatureIndicator>> INDICATOR = new ComponentType<>(ComponentKind.INDICATOR);
    /** Predictors forecast each asset's next price change for a risk stage. */
    public static final ComponentType<PriceForecast> PREDICTOR = new ComponentType<>(ComponentKind.PREDICTOR);

    private final ComponentKind kind;

    private ComponentType(ComponentKind kind) {
        this.kind = kind;
    }

    /** The type of a kind; every kind has one. */
    public static ComponentType<?> of(ComponentKind kind) {
        return switch (kind) {
            case NETWORK -> NETWORK;
            case ACTIONS -> ACTIONS;
            case FEATURE -> FEATURE;
            case REWARD -> REWARD;
            case POLICY -> POLICY;
            case SCORER -> SCORER;
            case INDICATOR -> INDICATOR;
            case PREDICTOR -> PREDICTOR;
        };
    }

    public ComponentKind kind() {
        return kind;
    }

    /** A factory building this type, e.g. {@code ComponentType.SCORER.factory((args, context) -> Scorers.shuffle())}. */
    public ComponentFactory<T> factory(ComponentFactory.Build<T> build) {
        return new ComponentFactory<>(this, build);
    }

    @Override
    public String toString() {
        return kind.noun();
    }
}
