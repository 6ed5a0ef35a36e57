package dev.strat.lang.plan;

import java.time.LocalDate;

/**
 * An inclusive range of calendar dates; a null end is open (the data's first or last date).
 */
public record DateRange(LocalDate start, LocalDate end) {

    public static final DateRange ALL = new DateRange(null, null);

    public DateRange {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("range ends " + end + " before it starts " + start);
        }
    }

    public boolean contains(LocalDate date) {
        return (start == null || !date.isBefore(start)) && (end == null || !date.isAfter(end));
    }

    @Override
    public String toString() {
        return (start == null ? "" : start.toString()) + ".." + (end == null ? "" : end.toString());
    }
}
