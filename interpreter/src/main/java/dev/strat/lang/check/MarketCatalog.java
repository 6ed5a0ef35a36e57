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
     * What loading {@code market} as the run will says: the notes it prints before it runs (a
     * span trimmed to the symbols' common dates, forward-filled bars, rows with no close, bars
     * dropped by a join), or why the market does not load (a bad value, with its file, row and
     * column). {@link Load#NOTHING} where this catalog cannot load markets.
     */
    default Load load(MarketPlan market) {
        return Load.NOTHING;
    }

    /**
     * The outcome of loading a market.
     *
     * @param notes the loading's notes, in the order they arose
     * @param error why the market does not load, or empty when it does
     */
    record Load(List<String> notes, Optional<String> error) {
        /** Nothing known: the catalog does not load markets. */
        public static final Load NOTHING = new Load(List.of(), Optional.empty());

        public Load {
            notes = List.copyOf(notes);
        }
    }
}
