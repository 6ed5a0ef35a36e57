package dev.strat.runtime.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * An inclusive range of calendar dates; either end may be open (null). Written by users as
 * {@code 2015..2017}, {@code 2018}, {@code 2018-03..2018-06}, {@code 2019-01-15..},
 * {@code ..2017}: a year stands for all of it, a month for all of it, so {@code 2015..2017} is
 * 2015-01-01..2017-12-31.
 *
 * @param from first date, or null for "from the start of the data"
 * @param to   last date (inclusive), or null for "to the end of the data"
 */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new DataException("date range " + from + ".." + to + " ends before it starts");
        }
    }

    /** The whole data. */
    public static DateRange all() { return new DateRange(null, null); }

    /** Parses the forms listed in the class comment. */
    public static DateRange parse(String text) {
        String s = text.trim();
        int dots = s.indexOf("..");
        if (dots < 0) {
            if (s.isEmpty()) throw new DataException("empty date range");
            return new DateRange(startOf(s, text), endOf(s, text));
        }
        String a = s.substring(0, dots).trim(), b = s.substring(dots + 2).trim();
        return new DateRange(a.isEmpty() ? null : startOf(a, text), b.isEmpty() ? null : endOf(b, text));
    }

    /** True when {@code date} lies in the range. */
    public boolean contains(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    private static LocalDate startOf(String part, String whole) {
        try {
            return switch (part.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(part), 1, 1);
                case 7 -> YearMonth.parse(part).atDay(1);
                default -> LocalDate.parse(part);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new DataException("cannot read date '" + part + "' in range '" + whole + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        }
    }

    private static LocalDate endOf(String part, String whole) {
        try {
            return switch (part.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(part), 12, 31);
                case 7 -> YearMonth.parse(part).atEndOfMonth();
                default -> LocalDate.parse(part);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new DataException("cannot read date '" + part + "' in range '" + whole + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        }
    }

    @Override
    public String toString() {
        return (from == null ? "" : from.toString()) + ".." + (to == null ? "" : to.toString());
    }
}
