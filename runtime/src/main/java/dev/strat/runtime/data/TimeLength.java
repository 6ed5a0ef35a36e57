package dev.strat.runtime.data;

import java.time.LocalDate;

/**
 * A length of time as users write it: {@code 21d}, {@code 1h}, {@code 5w}, {@code 1mo}, {@code 2y}.
 * As a window it converts to bars of a market's {@link Frequency}; as a split length it moves a
 * calendar date.
 *
 * @param amount a positive count
 * @param unit   the unit
 */
public record TimeLength(long amount, Unit unit) {

    /** Units of time; {@code symbol} is how a literal spells it. */
    public enum Unit {
        HOUR("h"), DAY("d"), WEEK("w"), MONTH("mo"), YEAR("y");

        private final String symbol;

        Unit(String symbol) { this.symbol = symbol; }

        public String symbol() { return symbol; }

        public static Unit ofSymbol(String s) {
            for (Unit u : values()) if (u.symbol.equals(s)) return u;
            throw new IllegalArgumentException("unknown time unit '" + s + "'");
        }
    }

    public TimeLength {
        if (amount <= 0) throw new IllegalArgumentException("a time length must be positive");
    }

    /**
     * Number of bars this length spans on the given calendar: days count trading days
     * ({@code 21d} is 21 daily bars, or 24 hourly crypto bars per day), a week is 1/52 of the
     * year's bars, a month 1/12, a year all of them. Hours count bars of intraday data and are an
     * error on daily data. The result is at least 1.
     */
    public int bars(Frequency f) {
        double bars = switch (unit) {
            case HOUR -> {
                if (!f.intraday()) throw new IllegalArgumentException(this + " is shorter than one bar of daily data");
                yield amount * (3600.0 / f.bar().toSeconds());
            }
            case DAY -> amount * f.barsPerDay();
            case WEEK -> amount * f.periodsPerYear() / 52.0;
            case MONTH -> amount * f.periodsPerYear() / 12.0;
            case YEAR -> amount * f.periodsPerYear();
        };
        return (int) Math.max(1, Math.round(bars));
    }

    /** The calendar date this length after {@code date}. Hours round down to whole days. */
    public LocalDate after(LocalDate date) {
        return switch (unit) {
            case HOUR -> date.plusDays(amount / 24);
            case DAY -> date.plusDays(amount);
            case WEEK -> date.plusWeeks(amount);
            case MONTH -> date.plusMonths(amount);
            case YEAR -> date.plusYears(amount);
        };
    }

    @Override
    public String toString() {
        return amount + unit.symbol();
    }
}
