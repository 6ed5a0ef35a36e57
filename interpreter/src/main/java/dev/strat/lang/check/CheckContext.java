package dev.strat.lang.check;

import dev.strat.lang.load.ProgramParser;
import dev.strat.lang.load.SourceLoader;
import dev.strat.stdlib.Registry;

import java.util.Optional;

/**
 * What a check needs besides the program: the built-ins, how to read and parse imported files,
 * and optionally a catalog of market data for the checks that look at the data.
 */
public record CheckContext(Registry registry, SourceLoader loader, Optional<MarketCatalog> catalog, ProgramParser parser) {
}
