package dev.strat.stdlib;

import dev.strat.runtime.pipeline.Stage;

/** Builds a runtime stage from checked arguments. */
@FunctionalInterface
public interface StageFactory {
    Stage create(Arguments args, MarketInfo market);
}
