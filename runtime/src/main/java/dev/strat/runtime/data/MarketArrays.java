package dev.strat.runtime.data;

/**
 * Row-major copies of a market's columns, for code in this package that rebuilds markets
 * (joins, class attachment) without widening {@link MarketData}'s public surface.
 */
record MarketArrays(long[] times, double[] open, double[] high, double[] low, double[] close, double[] volume) {

    static MarketArrays of(MarketData m) {
        int t = m.bars(), n = m.assets();
        long[] times = new long[t];
        double[] o = new double[t * n], h = new double[t * n], l = new double[t * n], c = new double[t * n], v = new double[t * n];
        for (int k = 0; k < t; k++) {
            times[k] = m.time(k);
            for (int i = 0; i < n; i++) {
                int j = k * n + i;
                o[j] = m.open(k, i);
                h[j] = m.high(k, i);
                l[j] = m.low(k, i);
                c[j] = m.close(k, i);
                v[j] = m.volume(k, i);
            }
        }
        return new MarketArrays(times, o, h, l, c, v);
    }
}
