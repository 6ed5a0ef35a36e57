package dev.strat.lang.check;

import dev.strat.runtime.data.BarCalendar;
import dev.strat.runtime.data.Frequency;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a {@link MarketCatalog} found about a data file. */
public sealed interface MarketFacts {

    /**
     * @param file      the file name as diagnostics should show it
     * @param symbols   the symbols present in the file
     * @param first     the first date with data
     * @param last      the last date with data
     * @param frequency the bar frequency inferred from the file's times, when it could be
     * @param calendar  the file's bar times per symbol, when known: the checks that count bars
     *                  (a learner's updates on its train split) need it and are skipped without it
     */
    record Known(String file, List<String> symbols, LocalDate first, LocalDate last,
                 Optional<Frequency> frequency, Optional<BarCalendar> calendar) implements MarketFacts {
        public Known {
            symbols = List.copyOf(symbols);
            Objects.requireNonNull(frequency, "frequency");
            Objects.requireNonNull(calendar, "calendar");
        }

        public Known(String file, List<String> symbols, LocalDate first, LocalDate last, Optional<Frequency> frequency) {
            this(file, symbols, first, last, frequency, Optional.empty());
        }

        public Known(String file, List<String> symbols, LocalDate first, LocalDate last) {
            this(file, symbols, first, last, Optional.empty());
        }
    }

    /** @param message why the file could not be read, e.g. {@code file not found: looked in /data/x.csv.gz} */
    record Unavailable(String message) implements MarketFacts { }
}
