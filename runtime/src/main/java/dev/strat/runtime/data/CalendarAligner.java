package dev.strat.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Puts the series of several symbols onto one calendar: the union of their timestamps, cut to
 * the window in which every symbol has started and none has ended. Inside the window a symbol
 * without a row at a calendar time is forward-filled from its previous close (open = high = low
 * = close = previous close, volume 0), as long as the run of missing bars is at most the allowed
 * gap; a longer run is an error because silently flat prices over weeks would fake a
 * zero-volatility asset.
 */
final class CalendarAligner {

    private CalendarAligner() {}

    static LoadedMarket align(String name, List<RawSeries> series, Map<String, Integer> emptyClose, CsvOptions options) {
        List<String> warnings = new ArrayList<>();
        int n = series.size();
        long start = Long.MIN_VALUE, end = Long.MAX_VALUE, earliest = Long.MAX_VALUE, latest = Long.MIN_VALUE;
        for (RawSeries s : series) {
            start = Math.max(start, s.times[0]);
            end = Math.min(end, s.times[s.size - 1]);
            earliest = Math.min(earliest, s.times[0]);
            latest = Math.max(latest, s.times[s.size - 1]);
        }
        if (start > end) {
            RawSeries late = null, early = null;
            for (RawSeries s : series) {
                if (s.times[0] == start) late = s;
                if (s.times[s.size - 1] == end) early = s;
            }
            throw new DataException(name + ": the symbols never trade at the same time: " + early.symbol + " ends "
                    + CsvMarketReader.formatTime(end) + " before " + late.symbol + " starts " + CsvMarketReader.formatTime(start));
        }

        long[] calendar = unionCalendar(series, start, end);
        if (options.calendar() == CsvOptions.Calendar.COMMON) {
            int before = calendar.length;
            calendar = commonTimes(series, calendar);
            if (calendar.length == 0) throw new DataException(name + ": the selected symbols have no bar time in common");
            if (calendar.length < before) {
                warnings.add("kept the " + calendar.length + " bar times shared by all symbols: dropped " + (before - calendar.length)
                        + " of " + before + " at which some symbol has no row");
            }
        }
        if (start > earliest) {
            warnings.add(trimNote(series, start, true, countBefore(series, start)));
        }
        if (end < latest) {
            warnings.add(trimNote(series, end, false, countAfter(series, end)));
        }
        for (RawSeries s : series) {
            Integer skipped = emptyClose.get(s.symbol);
            if (skipped != null) {
                warnings.add(s.symbol + ": " + skipped + " row" + (skipped == 1 ? " has" : "s have") + " an empty close and "
                        + (skipped == 1 ? "was" : "were") + " treated as missing");
            }
        }

        Frequency frequency = options.frequency() != null ? options.frequency() : FrequencyInference.infer(calendar);
        int maxGap = options.effectiveMaxGap(frequency);
        int t = calendar.length;
        boolean anyOpen = false, anyHigh = false, anyLow = false, anyVolume = false;
        for (RawSeries s : series) {
            anyOpen |= s.anyOpen;
            anyHigh |= s.anyHigh;
            anyLow |= s.anyLow;
            anyVolume |= s.anyVolume;
        }
        double[] open = anyOpen ? new double[t * n] : null;
        double[] high = anyHigh ? new double[t * n] : null;
        double[] low = anyLow ? new double[t * n] : null;
        double[] close = new double[t * n];
        double[] volume = anyVolume ? new double[t * n] : null;

        for (int i = 0; i < n; i++) {
            RawSeries s = series.get(i);
            int p = 0;
            // The row at or just before the window start gives the close to fill from at bar 0.
            while (p + 1 < s.size && s.times[p + 1] <= start) p++;
            double prevClose = s.close[p];
            if (s.times[p] < start) p++; // that row is before the window: fill from it, do not copy it
            int filled = 0, run = 0, longest = 0;
            long firstFilled = 0;
            for (int k = 0; k < t; k++) {
                int dst = k * n + i;
                // Rows at times the calendar left out (common calendar) are passed over.
                while (p < s.size && s.times[p] < calendar[k]) prevClose = s.close[p++];
                if (p < s.size && s.times[p] == calendar[k]) {
                    if (open != null) open[dst] = s.open[p];
                    if (high != null) high[dst] = s.high[p];
                    if (low != null) low[dst] = s.low[p];
                    close[dst] = s.close[p];
                    if (volume != null) volume[dst] = s.volume[p];
                    prevClose = s.close[p];
                    p++;
                    run = 0;
                } else {
                    run++;
                    if (run > maxGap) throw gapError(name, s, calendar, k - run + 1, p, maxGap);
                    if (filled == 0) firstFilled = calendar[k];
                    filled++;
                    longest = Math.max(longest, run);
                    if (open != null) open[dst] = s.anyOpen ? prevClose : Double.NaN;
                    if (high != null) high[dst] = s.anyHigh ? prevClose : Double.NaN;
                    if (low != null) low[dst] = s.anyLow ? prevClose : Double.NaN;
                    close[dst] = prevClose;
                    if (volume != null) volume[dst] = s.anyVolume ? 0 : Double.NaN;
                }
            }
            if (filled > 0) {
                // Many filled bars mean the symbol trades on another calendar (stocks among crypto).
                String hint = filled >= 20 && filled * 10L > t ? "; it trades on a different calendar than the others: the common calendar"
                        + " keeps only the bar times all symbols share" : "";
                warnings.add(s.symbol + ": forward-filled " + filled + " missing bar" + (filled == 1 ? "" : "s")
                        + " from the previous close (longest gap " + longest + " bar" + (longest == 1 ? "" : "s")
                        + ", first at " + CsvMarketReader.formatTime(firstFilled) + ")" + hint);
            }
        }
        List<String> symbols = series.stream().map(s -> s.symbol).toList();
        MarketData data = new MarketData(name, symbols, Map.of(), calendar, open, high, low, close, volume, frequency);
        return new LoadedMarket(data, warnings);
    }

    private static DataException gapError(String name, RawSeries s, long[] calendar, int gapStart, int next, int maxGap) {
        int k = gapStart;
        long nextTime = next < s.size ? s.times[next] : Long.MAX_VALUE;
        int missing = 0;
        while (k < calendar.length && calendar[k] < nextTime) {
            k++;
            missing++;
        }
        String last = next > 0 ? CsvMarketReader.formatTime(s.times[next - 1]) : "the start";
        String resume = next < s.size ? CsvMarketReader.formatTime(nextTime) : "the end";
        return new DataException(name + ": " + s.symbol + " has no data for " + missing + " consecutive bars of the calendar, from "
                + CsvMarketReader.formatTime(calendar[gapStart]) + " to " + CsvMarketReader.formatTime(calendar[k - 1])
                + " (last bar " + last + ", next bar " + resume + "); at most " + maxGap
                + " missing bars are forward-filled: raise the maximum gap, pick other dates, or leave the symbol out");
    }

    /** The times of {@code union} at which every series has a row. */
    private static long[] commonTimes(List<RawSeries> series, long[] union) {
        int[] present = new int[union.length];
        for (RawSeries s : series) {
            int k = 0;
            for (int p = 0; p < s.size && k < union.length; p++) {
                while (k < union.length && union[k] < s.times[p]) k++;
                if (k < union.length && union[k] == s.times[p]) present[k]++;
            }
        }
        int m = 0;
        long[] out = new long[union.length];
        for (int k = 0; k < union.length; k++) if (present[k] == series.size()) out[m++] = union[k];
        return Arrays.copyOf(out, m);
    }

    private static long[] unionCalendar(List<RawSeries> series, long start, long end) {
        int total = 0;
        for (RawSeries s : series) total += s.size;
        long[] all = new long[total];
        int m = 0;
        for (RawSeries s : series) {
            for (int k = 0; k < s.size; k++) {
                long v = s.times[k];
                if (v >= start && v <= end) all[m++] = v;
            }
        }
        Arrays.sort(all, 0, m);
        int u = 0;
        for (int k = 0; k < m; k++) {
            if (u == 0 || all[k] != all[u - 1]) all[u++] = all[k];
        }
        return Arrays.copyOf(all, u);
    }

    private static int countBefore(List<RawSeries> series, long start) {
        long[] times = unionCalendar(series, Long.MIN_VALUE, start - 1);
        return times.length;
    }

    private static int countAfter(List<RawSeries> series, long end) {
        long[] times = unionCalendar(series, end + 1, Long.MAX_VALUE);
        return times.length;
    }

    private static String trimNote(List<RawSeries> series, long cut, boolean leading, int dropped) {
        List<String> who = new ArrayList<>(), others = new ArrayList<>();
        for (RawSeries s : series) {
            if (leading ? s.times[0] == cut : s.times[s.size - 1] == cut) who.add(s.symbol);
            else others.add(s.symbol);
        }
        String when = CsvMarketReader.formatTime(cut);
        String bars = dropped + (leading ? " earlier" : " later") + " bar" + (dropped == 1 ? "" : "s");
        if (who.size() > others.size()) {
            // Most symbols share the cut: name the few that run longer instead.
            return "all symbols but " + String.join(", ", others) + (leading ? " start on " : " end on ") + when
                    + ": dropped the " + bars + " of " + String.join(", ", others) + " so that all " + (leading ? "start" : "end") + " together";
        }
        String names = String.join(", ", who);
        return leading
                ? names + (who.size() == 1 ? " starts" : " start") + " late, on " + when + ": dropped the " + bars
                        + " of the other symbols so that all start together"
                : names + (who.size() == 1 ? " ends" : " end") + " early, on " + when + ": dropped the " + bars
                        + " of the other symbols so that all end together";
    }
}
