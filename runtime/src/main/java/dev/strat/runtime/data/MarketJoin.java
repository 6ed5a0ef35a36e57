package dev.strat.runtime.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines markets read from different sources into one, on the calendar they share. Joining
 * NYSE stocks with 7-day crypto keeps NYSE days only: a crypto close on a Monday then follows the
 * previous Friday's, so price relatives span the weekend exactly as the stocks' do. No value is
 * invented; bars not in both calendars are dropped and counted in a warning.
 *
 * <p>Cash is not a symbol: it is always the implicit last weight column, so a join only has to
 * ensure that no symbol appears in both markets.
 */
public final class MarketJoin {

    private MarketJoin() {}

    /** Joins two markets on the intersection of their bar times, columns of {@code a} first. */
    public static LoadedMarket join(MarketData a, MarketData b) {
        Set<String> clash = new LinkedHashSet<>(a.symbols());
        clash.retainAll(b.symbols());
        if (!clash.isEmpty()) {
            throw new DataException("cannot join " + a.name() + " and " + b.name() + ": both contain " + String.join(", ", clash)
                    + "; select different symbols from one of them");
        }
        if (!a.frequency().bar().equals(b.frequency().bar())) {
            throw new DataException("cannot join " + a.name() + " (" + a.frequency().label() + ") and " + b.name() + " ("
                    + b.frequency().label() + "): their bars have different lengths");
        }
        int ta = a.bars(), tb = b.bars();
        int[] ia = new int[Math.min(ta, tb)], ib = new int[Math.min(ta, tb)];
        int common = 0;
        for (int p = 0, q = 0; p < ta && q < tb; ) {
            long x = a.time(p), y = b.time(q);
            if (x == y) {
                ia[common] = p++;
                ib[common] = q++;
                common++;
            } else if (x < y) {
                p++;
            } else {
                q++;
            }
        }
        if (common == 0) {
            throw new DataException("cannot join " + a.name() + " (" + range(a) + ") and " + b.name() + " (" + range(b)
                    + "): they have no bar time in common");
        }
        int na = a.assets(), nb = b.assets(), n = na + nb;
        MarketArrays xa = MarketArrays.of(a), xb = MarketArrays.of(b);
        long[] times = new long[common];
        double[] o = new double[common * n], h = new double[common * n], l = new double[common * n], c = new double[common * n], v = new double[common * n];
        for (int k = 0; k < common; k++) {
            times[k] = a.time(ia[k]);
            copyRow(xa, ia[k], na, k, n, 0, o, h, l, c, v);
            copyRow(xb, ib[k], nb, k, n, na, o, h, l, c, v);
        }
        List<String> symbols = new ArrayList<>(a.symbols());
        symbols.addAll(b.symbols());
        Map<String, List<String>> classes = new LinkedHashMap<>();
        mergeClasses(classes, a.classes());
        mergeClasses(classes, b.classes());
        // The sparser calendar survives the intersection, so its annualisation applies.
        Frequency f = a.frequency().periodsPerYear() <= b.frequency().periodsPerYear() ? a.frequency() : b.frequency();
        MarketData joined = new MarketData(a.name() + " + " + b.name(), symbols, classes, times, o, h, l, c, v, f);
        List<String> warnings = new ArrayList<>();
        if (common < ta || common < tb) {
            warnings.add("joined " + a.name() + " and " + b.name() + " on their " + common + " common bars: dropped "
                    + (ta - common) + " of " + ta + " bars of " + a.name() + " and " + (tb - common) + " of " + tb + " bars of "
                    + b.name() + " that are not in both calendars");
        }
        return new LoadedMarket(joined, warnings);
    }

    /** Joins several markets left to right, collecting every warning. */
    public static LoadedMarket joinAll(List<LoadedMarket> markets) {
        if (markets.isEmpty()) throw new IllegalArgumentException("nothing to join");
        List<String> warnings = new ArrayList<>(markets.get(0).warnings());
        MarketData acc = markets.get(0).data();
        for (int k = 1; k < markets.size(); k++) {
            warnings.addAll(markets.get(k).warnings());
            LoadedMarket j = join(acc, markets.get(k).data());
            warnings.addAll(j.warnings());
            acc = j.data();
        }
        return new LoadedMarket(acc, warnings);
    }

    private static void copyRow(MarketArrays src, int row, int width, int dstRow, int n, int offset,
                                double[] o, double[] h, double[] l, double[] c, double[] v) {
        System.arraycopy(src.open(), row * width, o, dstRow * n + offset, width);
        System.arraycopy(src.high(), row * width, h, dstRow * n + offset, width);
        System.arraycopy(src.low(), row * width, l, dstRow * n + offset, width);
        System.arraycopy(src.close(), row * width, c, dstRow * n + offset, width);
        System.arraycopy(src.volume(), row * width, v, dstRow * n + offset, width);
    }

    private static void mergeClasses(Map<String, List<String>> into, Map<String, List<String>> from) {
        from.forEach((k, v) -> into.merge(k, List.copyOf(v), (x, y) -> {
            List<String> all = new ArrayList<>(x);
            all.addAll(y);
            return List.copyOf(all);
        }));
    }

    private static String range(MarketData m) {
        return CsvMarketReader.formatTime(m.time(0)) + ".." + CsvMarketReader.formatTime(m.time(m.bars() - 1));
    }
}
