package dev.strat.lang.check;

import dev.strat.lang.plan.MarketSourcePlan;

import java.util.Optional;

/**
 * What the checker may learn about market data before anything runs: the symbols and dates of a
 * data file. The real catalog reads the file (resolving its path against the data root it was
 * built with); tests use a fake. The checker works without one and then skips these checks.
 */
@FunctionalInterface
public interface MarketCatalog {

    /**
     * Facts about one file source: {@link MarketFacts.Known} when the file was read,
     * {@link MarketFacts.Unavailable} when it could not be (saying where it looked), or empty when
     * this catalog does not know (then the checks that need the facts are skipped).
     */
    Optional<MarketFacts> facts(MarketSourcePlan.CsvSource source);
}
