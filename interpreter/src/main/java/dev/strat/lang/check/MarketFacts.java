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
     * @param frequency the bar frequency inferred from the file's times, when it could be
     */
    record Known(String file, List<String> symbols, LocalDate first, LocalDate last,
                 java.util.Optional<dev.strat.runtime.data.Frequency> frequency) implements MarketFacts {
        public Known {
            symbols = List.copyOf(symbols);
            java.util.Objects.requireNonNull(frequency, "frequency");
        }

        public Known(String file, List<String> symbols, LocalDate first, LocalDate last) {
            this(file, symbols, first, last, java.util.Optional.empty());
        }
    }

    /** @param message why the file could not be read, e.g. {@code file not found: looked in /data/x.csv.gz} */
    record Unavailable(String message) implements MarketFacts { }
}
