package dev.strat.runtime.data;

/**
 * Bars {@code from} (inclusive) to {@code to} (exclusive) of a market.
 *
 * @param from first bar
 * @param to   one past the last bar
 */
public record BarRange(int from, int to) {

    public BarRange {
        if (from < 0 || to < from) throw new IllegalArgumentException("bad bar range " + from + ".." + to);
    }

    /** Number of bars. */
    public int bars() { return to - from; }

    /** These bars of {@code market} as a market of their own. */
    public MarketData slice(MarketData market) { return market.slice(from, to); }

    @Override
    public String toString() { return "bars " + from + ".." + (to - 1); }
}
