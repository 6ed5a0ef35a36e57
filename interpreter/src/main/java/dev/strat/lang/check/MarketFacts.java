package dev.strat.lang.check;

import java.time.LocalDate;
import java.util.List;

/** What a {@link MarketCatalog} found about a data file. */
public sealed interface MarketFacts {

    /**
     * @param file    the file name as diagnostics should show it
     * @param symbols the symbols present in the file
     * @param first   the first date with data
     * @param last    the last date with data
     */
    record Known(String file, List<String> symbols, LocalDate first, LocalDate last) implements MarketFacts {
        public Known {
            symbols = List.copyOf(symbols);
        }
    }

    /** @param message why the file could not be read, e.g. {@code file not found: looked in /data/x.csv.gz} */
    record Unavailable(String message) implements MarketFacts { }
}
