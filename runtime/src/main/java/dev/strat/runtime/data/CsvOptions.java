package dev.strat.runtime.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How to read a long-format market CSV.
 *
 * @param symbols   symbols wanted, in the column order wanted; empty means every symbol of the
 *                  file, in sorted order
 * @param frequency the bar length and annualisation convention, or null to infer it from the
 *                  timestamps (daily when every timestamp is a midnight, intraday otherwise;
 *                  crypto when weekend bars exist, forex when bars exist outside US stock hours,
 *                  stocks otherwise)
 * @param maxGap    the longest run of consecutive missing bars of one symbol that is
 *                  forward-filled; a longer run is an error. A negative value selects the
 *                  default: {@value #DEFAULT_DAILY_GAP} bars for daily data (a week of holidays),
 *                  {@value #DEFAULT_INTRADAY_GAP} bars for intraday data (one day of hours, enough
 *                  for exchange maintenance windows and per-pair FX holiday holes)
 * @param start     first date kept (inclusive), or null for the file's first date
 * @param end       last date kept (inclusive, the whole day for intraday data), or null
 * @param calendar  which bar times to keep: the union of the symbols' times (missing bars
 *                  forward-filled) or only the times where every symbol has a row
 */
public record CsvOptions(List<String> symbols, Frequency frequency, int maxGap, LocalDate start, LocalDate end, Calendar calendar) {

    /** How the calendars of several symbols in one file are combined. */
    public enum Calendar {
        /** Every bar time of any selected symbol; holes are forward-filled up to the maximum gap. */
        UNION,
        /**
         * Only bar times at which every selected symbol has a row, e.g. stocks and crypto in one
         * file restricted to stock trading days. Nothing is filled.
         */
        COMMON
    }

    /** Default forward-fill limit for daily data, in bars. */
    public static final int DEFAULT_DAILY_GAP = 5;
    /** Default forward-fill limit for intraday data, in bars. */
    public static final int DEFAULT_INTRADAY_GAP = 24;

    public CsvOptions {
        symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
        Objects.requireNonNull(calendar, "calendar");
        if (start != null && end != null && end.isBefore(start)) {
            throw new DataException("end date " + end + " is before start date " + start);
        }
    }

    /** Options on the union calendar. */
    public CsvOptions(List<String> symbols, Frequency frequency, int maxGap, LocalDate start, LocalDate end) {
        this(symbols, frequency, maxGap, start, end, Calendar.UNION);
    }

    /** Every symbol, inferred frequency, default gap, whole file, union calendar. */
    public static CsvOptions defaults() {
        return new CsvOptions(List.of(), null, -1, null, null, Calendar.UNION);
    }

    public CsvOptions withSymbols(List<String> wanted) { return new CsvOptions(wanted, frequency, maxGap, start, end, calendar); }

    public CsvOptions withSymbols(String... wanted) { return withSymbols(List.of(wanted)); }

    public CsvOptions withFrequency(Frequency f) { return new CsvOptions(symbols, f, maxGap, start, end, calendar); }

    public CsvOptions withMaxGap(int bars) { return new CsvOptions(symbols, frequency, bars, start, end, calendar); }

    public CsvOptions withDates(LocalDate from, LocalDate to) { return new CsvOptions(symbols, frequency, maxGap, from, to, calendar); }

    public CsvOptions withCalendar(Calendar c) { return new CsvOptions(symbols, frequency, maxGap, start, end, c); }

    /** The forward-fill limit for a market with the given frequency. */
    public int effectiveMaxGap(Frequency f) {
        if (maxGap >= 0) return maxGap;
        return f.intraday() ? DEFAULT_INTRADAY_GAP : DEFAULT_DAILY_GAP;
    }
}
