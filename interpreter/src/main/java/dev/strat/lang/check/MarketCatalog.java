package dev.strat.lang.check;

import dev.strat.lang.plan.MarketPlan;
import dev.strat.lang.plan.MarketSourcePlan;

import java.util.List;
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

    /**
     * What loading {@code market} notes, as the run prints it before it runs: a span trimmed to
     * the symbols' common dates, forward-filled bars, rows with no close, bars dropped by a join.
     * Empty where this catalog cannot load markets, or where the market does not load (then the
     * run reports why, located).
     */
    default List<String> loadNotes(MarketPlan market) {
        return List.of();
    }
}
