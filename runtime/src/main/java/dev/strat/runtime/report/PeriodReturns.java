package dev.strat.runtime.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The calendar-month and calendar-year returns of one wealth path, compounded within each period
 * of the bars' UTC dates (the dates the rest of the report shows).
 *
 * <p>A period's return is the wealth at its last bar over the wealth at the last bar before it,
 * minus one; the first period of the run is measured from the run's first bar, where the strategy
 * starts with its capital. A period is {@linkplain Period#partial() partial} when the run covers
 * only part of it: a trading day of the period comes before the first bar's date, or after the
 * last bar's. Trading days are every day when the path has bars on a weekend (crypto), else the
 * weekdays but 1 January and 25 December, on which every exchange we read is closed; other
 * holidays are not known, so a run that starts just after one may be marked partial. Resolution
 * is one day: an intraday run that starts in the middle of a month's first session is not marked.
 *
 * <p>A period whose starting wealth is not positive (the strategy lost everything before it) has
 * no return: {@link Double#NaN}, shown as a dash, never as infinity.
 *
 * @param strategy the strategy's name
 * @param months   one entry per calendar month the run has a return in, in time order
 * @param years    one entry per calendar year the run has a return in, in time order
 */
public record PeriodReturns(String strategy, List<Period> months, List<Period> years) {

    /**
     * One month's or year's return.
     *
     * @param year    calendar year
     * @param month   1..12 for a month, 0 for a whole year
     * @param value   compounded return over the period (0.05 = +5%), NaN when undefined
     * @param partial whether the run covers only part of the period
     * @param from    epoch seconds of the bar the return is measured from (the last bar before the
     *                period, or the run's first bar)
     * @param to      epoch seconds of the period's last bar
     */
    public record Period(int year, int month, double value, boolean partial, long from, long to) {
    }

    public PeriodReturns {
        Objects.requireNonNull(strategy, "strategy");
        months = List.copyOf(months);
        years = List.copyOf(years);
    }

    /** The periods of a report's drawn path. */
    public static PeriodReturns of(SeriesSet series) {
        return of(series.strategy(), series.epochSeconds(), series.wealth());
    }

    /**
     * The periods of the path {@code wealth} at {@code epochSeconds} (same length, times strictly
     * increasing, as {@link SeriesSet} checks).
     */
    public static PeriodReturns of(String strategy, long[] epochSeconds, double[] wealth) {
        if (epochSeconds.length != wealth.length) {
            throw new IllegalArgumentException(epochSeconds.length + " times but " + wealth.length + " wealth values");
        }
        int n = epochSeconds.length;
        if (n < 2) return new PeriodReturns(strategy, List.of(), List.of());
        LocalDate[] dates = new LocalDate[n];
        boolean weekends = false;
        for (int t = 0; t < n; t++) {
            dates[t] = LocalDate.ofInstant(Instant.ofEpochSecond(epochSeconds[t]), ZoneOffset.UTC);
            weekends |= weekend(dates[t]);
        }
        TradingDays days = new TradingDays(weekends);
        return new PeriodReturns(strategy, periods(dates, epochSeconds, wealth, days, true),
                periods(dates, epochSeconds, wealth, days, false));
    }

    /** Consecutive bars of one month (or year) form a period; a period with no bar before it to start from is skipped. */
    private static List<Period> periods(LocalDate[] dates, long[] times, double[] wealth, TradingDays days, boolean monthly) {
        int n = dates.length;
        List<Period> out = new ArrayList<>();
        int a = 0;
        while (a < n) {
            int b = a;
            while (b + 1 < n && samePeriod(dates[a], dates[b + 1], monthly)) b++;
            int base = a == 0 ? 0 : a - 1;
            if (b > base) {
                LocalDate start = monthly ? dates[a].withDayOfMonth(1) : dates[a].withDayOfYear(1);
                LocalDate end = monthly ? start.plusMonths(1) : start.plusYears(1);
                // the run starts inside the period (its base bar is in it) after some of its trading days,
                // or ends before the period's last trading day
                boolean partial = (a == 0 && days.anyIn(start, dates[0]))
                        || (b == n - 1 && days.anyIn(dates[n - 1].plusDays(1), end));
                double w0 = wealth[base], w1 = wealth[b];
                double r = w0 > 0 && Double.isFinite(w0) && Double.isFinite(w1) ? w1 / w0 - 1 : Double.NaN;
                out.add(new Period(dates[a].getYear(), monthly ? dates[a].getMonthValue() : 0, r, partial,
                        times[base], times[b]));
            }
            a = b + 1;
        }
        return out;
    }

    private static boolean samePeriod(LocalDate x, LocalDate y, boolean monthly) {
        return x.getYear() == y.getYear() && (!monthly || x.getMonthValue() == y.getMonthValue());
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Which calendar days could have had a bar, judged from the path's own bars. */
    private record TradingDays(boolean weekends) {

        boolean trading(LocalDate d) {
            if (weekends) return true;
            if (weekend(d)) return false;
            return !(d.getMonthValue() == 1 && d.getDayOfMonth() == 1) && !(d.getMonthValue() == 12 && d.getDayOfMonth() == 25);
        }

        /** Whether a trading day lies in {@code [from, to)}. */
        boolean anyIn(LocalDate from, LocalDate to) {
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
                if (trading(d)) return true;
            }
            return false;
        }
    }
}
