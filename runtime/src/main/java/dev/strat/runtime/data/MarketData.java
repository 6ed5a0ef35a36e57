package dev.strat.runtime.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An aligned market: {@code T} bars of {@code N} assets on one calendar, stored as dense
 * row-major primitive arrays ({@code index = t * N + i}). Close prices are always present and
 * positive; open, high, low and volume may be {@code NaN} where a source does not carry them
 * (close-only files). Instances are immutable: the arrays are never handed out.
 *
 * <p>Price relatives {@code x[t][i] = close[t][i] / close[t-1][i]} are precomputed because every
 * allocator and the backtest loop read them; {@code x[0][i] = 1}.
 */
public final class MarketData {

    private final String name;
    private final List<String> symbols;
    private final Map<String, List<String>> classes;
    private final long[] times;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final double[] relatives;
    private final Frequency frequency;

    /**
     * @param name      a label for reports (the file name, or {@code synthetic gbm(...)})
     * @param symbols   asset symbols, in column order
     * @param classes   optional asset classes (class name to symbols); empty when not declared
     * @param times     bar times as epoch seconds (UTC); daily bars at midnight UTC
     * @param open      T*N open prices or null when the source has none
     * @param high      T*N high prices or null
     * @param low       T*N low prices or null
     * @param close     T*N close prices, all finite and positive
     * @param volume    T*N volumes or null
     * @param frequency bar length and annualisation convention
     */
    public MarketData(String name, List<String> symbols, Map<String, List<String>> classes, long[] times,
                      double[] open, double[] high, double[] low, double[] close, double[] volume,
                      Frequency frequency) {
        this.name = Objects.requireNonNull(name);
        this.symbols = List.copyOf(symbols);
        this.classes = Map.copyOf(classes);
        this.frequency = Objects.requireNonNull(frequency);
        int n = this.symbols.size();
        int t = times.length;
        if (n == 0) throw new IllegalArgumentException("a market needs at least one asset");
        if (close.length != t * n) throw new IllegalArgumentException("close has " + close.length + " values, expected " + (t * n));
        for (int k = 1; k < t; k++) {
            if (times[k] <= times[k - 1]) throw new IllegalArgumentException("bar times must increase strictly (bar " + k + ")");
        }
        for (int k = 0; k < close.length; k++) {
            if (!(close[k] > 0) || Double.isInfinite(close[k])) {
                throw new IllegalArgumentException("close of " + this.symbols.get(k % n) + " at bar " + (k / n) + " is " + close[k] + "; closes must be positive");
            }
        }
        this.times = times.clone();
        this.open = copyOrNaN(open, t * n);
        this.high = copyOrNaN(high, t * n);
        this.low = copyOrNaN(low, t * n);
        this.close = close.clone();
        this.volume = copyOrNaN(volume, t * n);
        this.relatives = new double[t * n];
        for (int i = 0; i < n && t > 0; i++) relatives[i] = 1.0;
        for (int k = n; k < t * n; k++) relatives[k] = this.close[k] / this.close[k - n];
    }

    private static double[] copyOrNaN(double[] values, int size) {
        if (values == null) {
            double[] nan = new double[size];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        if (values.length != size) throw new IllegalArgumentException("array has " + values.length + " values, expected " + size);
        return values.clone();
    }

    public String name() { return name; }
    public List<String> symbols() { return symbols; }
    public Map<String, List<String>> classes() { return classes; }
    public Frequency frequency() { return frequency; }
    public int bars() { return times.length; }
    public int assets() { return symbols.size(); }
    public long time(int t) { return times[t]; }
    public Instant instant(int t) { return Instant.ofEpochSecond(times[t]); }
    public LocalDate date(int t) { return LocalDate.ofInstant(instant(t), ZoneOffset.UTC); }

    public double open(int t, int i) { return open[t * symbols.size() + i]; }
    public double high(int t, int i) { return high[t * symbols.size() + i]; }
    public double low(int t, int i) { return low[t * symbols.size() + i]; }
    public double close(int t, int i) { return close[t * symbols.size() + i]; }
    public double volume(int t, int i) { return volume[t * symbols.size() + i]; }
    /** Price relative close[t]/close[t-1] of asset i; 1 at t = 0. */
    public double relative(int t, int i) { return relatives[t * symbols.size() + i]; }

    /** Copies the N price relatives of bar t into {@code out}. */
    public void relatives(int t, double[] out) {
        System.arraycopy(relatives, t * symbols.size(), out, 0, symbols.size());
    }

    /** Copies the N closes of bar t into {@code out}. */
    public void closes(int t, double[] out) {
        System.arraycopy(close, t * symbols.size(), out, 0, symbols.size());
    }

    /** True when the source carries high/low (so range-based indicators can be computed). */
    public boolean hasOhlc() {
        return !Double.isNaN(high[0]) && !Double.isNaN(low[0]);
    }

    /** Index of the first bar at or after the given time, or {@link #bars()} when none. */
    public int indexAtOrAfter(long epochSecond) {
        int k = Arrays.binarySearch(times, epochSecond);
        return k >= 0 ? k : -k - 1;
    }

    /** Index of the first bar on or after the start of {@code date} (UTC). */
    public int indexAtOrAfter(LocalDate date) {
        return indexAtOrAfter(date.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
    }

    /** The same bars under another annualisation convention (a {@code periods=} override). */
    public MarketData withFrequency(Frequency f) {
        return new MarketData(name, symbols, classes, times, open, high, low, close, volume, f);
    }

    /** The same bars under another name, as reports show it. */
    public MarketData withName(String newName) {
        return new MarketData(newName, symbols, classes, times, open, high, low, close, volume, frequency);
    }

    /** A market holding only the given columns, in the given order. */
    public MarketData select(List<String> wanted) {
        int n = symbols.size();
        int m = wanted.size();
        int[] cols = new int[m];
        for (int j = 0; j < m; j++) {
            cols[j] = symbols.indexOf(wanted.get(j));
            if (cols[j] < 0) throw new IllegalArgumentException("symbol " + wanted.get(j) + " is not in market " + name);
        }
        int t = times.length;
        double[] o = new double[t * m], h = new double[t * m], l = new double[t * m], c = new double[t * m], v = new double[t * m];
        for (int k = 0; k < t; k++) {
            for (int j = 0; j < m; j++) {
                int src = k * n + cols[j], dst = k * m + j;
                o[dst] = open[src]; h[dst] = high[src]; l[dst] = low[src]; c[dst] = close[src]; v[dst] = volume[src];
            }
        }
        return new MarketData(name, wanted, classes, times, o, h, l, c, v, frequency);
    }

    /** Bars {@code from} (inclusive) to {@code to} (exclusive) as a new market. */
    public MarketData slice(int from, int to) {
        int n = symbols.size();
        return new MarketData(name, symbols, classes, Arrays.copyOfRange(times, from, to),
                Arrays.copyOfRange(open, from * n, to * n), Arrays.copyOfRange(high, from * n, to * n),
                Arrays.copyOfRange(low, from * n, to * n), Arrays.copyOfRange(close, from * n, to * n),
                Arrays.copyOfRange(volume, from * n, to * n), frequency);
    }

    @Override
    public String toString() {
        return name + " (" + assets() + " assets, " + bars() + " bars" + (bars() > 0 ? ", " + date(0) + ".." + date(bars() - 1) : "") + ")";
    }
}
