package dev.strat.runtime.data;

import java.util.Arrays;

/**
 * The rows of one symbol as read, before alignment: growable primitive columns plus the line
 * number of each row so that later checks (duplicates) can point back into the file.
 */
final class RawSeries {

    final String symbol;
    /** Position in the order symbols were first seen in the file. */
    int order;
    int size;
    long[] times = new long[256];
    double[] open = new double[256];
    double[] high = new double[256];
    double[] low = new double[256];
    double[] close = new double[256];
    double[] volume = new double[256];
    int[] lines = new int[256];
    boolean sorted = true;
    boolean anyOpen, anyHigh, anyLow, anyVolume;

    /** True for a symbol that was not asked for: its rows are read past, not stored. */
    final boolean skipped;

    RawSeries(String symbol) {
        this(symbol, false);
    }

    RawSeries(String symbol, boolean skipped) {
        this.symbol = symbol;
        this.skipped = skipped;
    }

    void add(long time, double o, double h, double l, double c, double v, int line) {
        if (size == times.length) grow();
        if (size > 0 && time <= times[size - 1]) sorted = false;
        times[size] = time;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        lines[size] = line;
        anyOpen |= !Double.isNaN(o);
        anyHigh |= !Double.isNaN(h);
        anyLow |= !Double.isNaN(l);
        anyVolume |= !Double.isNaN(v);
        size++;
    }

    private void grow() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        open = Arrays.copyOf(open, n);
        high = Arrays.copyOf(high, n);
        low = Arrays.copyOf(low, n);
        close = Arrays.copyOf(close, n);
        volume = Arrays.copyOf(volume, n);
        lines = Arrays.copyOf(lines, n);
    }

    /**
     * Sorts rows by time when the file was not in order and reports the first duplicate time,
     * as the index of its second occurrence, or -1 when there is none.
     */
    int sortAndFindDuplicate() {
        if (!sorted) {
            Integer[] order = new Integer[size];
            for (int k = 0; k < size; k++) order[k] = k;
            // Stable sort on time keeps duplicates in file order, so the error names the later line.
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            times = permute(times, order);
            open = permute(open, order);
            high = permute(high, order);
            low = permute(low, order);
            close = permute(close, order);
            volume = permute(volume, order);
            int[] l = new int[size];
            for (int k = 0; k < size; k++) l[k] = lines[order[k]];
            lines = l;
            sorted = true;
        }
        for (int k = 1; k < size; k++) {
            if (times[k] == times[k - 1]) return k;
        }
        return -1;
    }

    private long[] permute(long[] a, Integer[] order) {
        long[] r = new long[size];
        for (int k = 0; k < size; k++) r[k] = a[order[k]];
        return r;
    }

    private double[] permute(double[] a, Integer[] order) {
        double[] r = new double[size];
        for (int k = 0; k < size; k++) r[k] = a[order[k]];
        return r;
    }
}
