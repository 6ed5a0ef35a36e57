package dev.strat.runtime.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bar times of a data file without its prices: every distinct time of the file and, per
 * symbol, the times it has a row. That is what a loaded market's calendar is made of
 * ({@link CalendarAligner}: the union of the kept symbols' times, cut to the window in which every
 * one of them trades), so a checker can count the bars of a split, or of a walk-forward window,
 * without reading a price. Immutable: nothing mutable is handed out.
 */
public final class BarCalendar {

    private final long[] times;
    private final Map<String, BitSet> present;

    /**
     * @param times   distinct bar times (epoch seconds), in increasing order
     * @param present per symbol the indices into {@code times} at which it has a row
     */
    public BarCalendar(long[] times, Map<String, BitSet> present) {
        for (int k = 1; k < times.length; k++) {
            if (times[k] <= times[k - 1]) throw new IllegalArgumentException("bar times must increase strictly (bar " + k + ")");
        }
        this.times = times.clone();
        Map<String, BitSet> copy = new HashMap<>();
        present.forEach((s, bits) -> copy.put(s, (BitSet) bits.clone()));
        this.present = Map.copyOf(copy);
    }

    /** Every weekday from {@code first} to {@code last}, all symbols trading throughout: a stand-in calendar for tests. */
    public static BarCalendar weekdays(LocalDate first, LocalDate last, Collection<String> symbols) {
        return days(first, last, symbols, true);
    }

    /** Every day from {@code first} to {@code last} (a market that trades at weekends, such as crypto). */
    public static BarCalendar everyDay(LocalDate first, LocalDate last, Collection<String> symbols) {
        return days(first, last, symbols, false);
    }

    private static BarCalendar days(LocalDate first, LocalDate last, Collection<String> symbols, boolean weekdaysOnly) {
        List<Long> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (weekdaysOnly && (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY)) continue;
            out.add(d.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        }
        long[] t = out.stream().mapToLong(Long::longValue).toArray();
        BitSet all = new BitSet(t.length);
        all.set(0, t.length);
        Map<String, BitSet> present = new HashMap<>();
        for (String s : symbols) present.put(s, all);
        return new BarCalendar(t, present);
    }

    /** The number of distinct bar times. */
    public int size() {
        return times.length;
    }

    /**
     * The calendar a market of {@code symbols} read from this file has: the union of their times,
     * cut to the window in which every one of them has started and none has ended; every symbol
     * when {@code symbols} is empty. Symbols the file does not hold are ignored.
     */
    public long[] times(Collection<String> symbols) {
        Collection<String> kept = symbols.isEmpty() ? present.keySet() : symbols;
        BitSet union = new BitSet(times.length);
        int start = 0, end = times.length - 1;
        for (String s : kept) {
            BitSet bits = present.get(s);
            if (bits == null || bits.isEmpty()) continue;
            union.or(bits);
            start = Math.max(start, bits.nextSetBit(0));
            end = Math.min(end, bits.length() - 1);
        }
        if (start > end) return new long[0];
        int from = start;
        return union.get(from, end + 1).stream().mapToLong(k -> times[from + k]).toArray();
    }

    /** The times present in both sorted arrays: two files joined on their common bars ({@link MarketJoin}). */
    public static long[] intersect(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * A market with these bar times and no prices worth reading (one constant asset): what the
     * split and walk-forward resolvers need to turn dates and lengths into bars exactly as they do
     * on the loaded market.
     */
    public static MarketData market(String name, long[] times, Frequency frequency) {
        double[] ones = new double[times.length];
        Arrays.fill(ones, 1.0);
        return new MarketData(name, List.of("calendar"), Map.of(), times, null, null, null, ones, null, frequency);
    }
}
