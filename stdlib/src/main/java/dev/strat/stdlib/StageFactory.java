package dev.strat.stdlib;

import dev.strat.runtime.pipeline.Stage;

import java.util.function.BiFunction;

/** Builds a runtime stage from checked arguments and its {@link BuildContext}. */
@FunctionalInterface
public interface StageFactory {

    Stage create(Arguments args, BuildContext context);

    /** A factory that needs only the market's facts: most allocators, models and transforms. */
    static StageFactory ofMarket(BiFunction<Arguments, MarketInfo, Stage> build) {
        return (args, context) -> build.apply(args, context.market());
    }
}
