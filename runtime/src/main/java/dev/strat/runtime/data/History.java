package dev.strat.runtime.data;

/**
 * What a decision at bar {@link #now()} may see: bars {@code 0..now} of a market, never later.
 * Every accessor is indexed by a non-negative lag back from {@code now}; asking for a bar after
 * {@code now}, or before the first bar, throws {@link LookAheadException} or
 * {@link IndexOutOfBoundsException}. Stages receive only this view, which is how the runtime
 * guarantees the absence of look-ahead by construction rather than by convention.
 *
 * <p>Only the owner of the view's {@link Cursor} (the backtester) can move it; a stage holds the
 * view alone and has no way to step it forward. Stages must not keep references to it across
 * steps expecting it to stay put.
 */
public final class History {

    private final MarketData market;
    private int now;

    private History(MarketData market, int now) {
        this.market = market;
        advanceTo(now);
    }

    /** A view of {@code market} at decision bar {@code now}, with the cursor that moves it. */
    public static Cursor cursor(MarketData market, int now) {
        return new Cursor(new History(market, now));
    }

    /**
     * Moves a {@link History}: the backtest loop keeps the cursor and hands stages only
     * {@link #view()}, so no stage can look past its decision bar by moving the view.
     */
    public static final class Cursor {
        private final History view;

        private Cursor(History view) {
            this.view = view;
        }

        public History view() { return view; }

        /** Moves the decision time to bar {@code t}. */
        public void advanceTo(int t) { view.advanceTo(t); }
    }

    private void advanceTo(int t) {
        if (t < 0 || t >= market.bars()) throw new IndexOutOfBoundsException("bar " + t + " outside 0.." + (market.bars() - 1));
        this.now = t;
    }

    /** The decision bar: its close is known, the next bar is not. */
    public int now() { return now; }

    /** Number of bars visible, {@code now + 1}. */
    public int available() { return now + 1; }

    public int assets() { return market.assets(); }

    public java.util.List<String> symbols() { return market.symbols(); }

    public Frequency frequency() { return market.frequency(); }

    /** Epoch seconds of the bar {@code lag} bars back. */
    public long time(int lag) { return market.time(bar(lag)); }

    public double close(int lag, int asset) { return market.close(bar(lag), asset); }
    public double open(int lag, int asset) { return market.open(bar(lag), asset); }
    public double high(int lag, int asset) { return market.high(bar(lag), asset); }
    public double low(int lag, int asset) { return market.low(bar(lag), asset); }
    public double volume(int lag, int asset) { return market.volume(bar(lag), asset); }

    /** Price relative close/previous close of the bar {@code lag} bars back (1 at the first bar). */
    public double relative(int lag, int asset) { return market.relative(bar(lag), asset); }

    /** The N price relatives of the bar {@code lag} bars back. */
    public void relatives(int lag, double[] out) { market.relatives(bar(lag), out); }

    /** The N closes of the bar {@code lag} bars back. */
    public void closes(int lag, double[] out) { market.closes(bar(lag), out); }

    /**
     * Closes of one asset over the last {@code length} bars, oldest first, ending at {@code now}.
     * Throws when fewer than {@code length} bars are visible.
     */
    public void closeWindow(int asset, int length, double[] out) {
        for (int k = 0; k < length; k++) out[k] = close(length - 1 - k, asset);
    }

    private int bar(int lag) {
        if (lag < 0) throw new LookAheadException("look-ahead: asked for bar " + (now - lag) + " at decision bar " + now);
        int t = now - lag;
        if (t < 0) throw new IndexOutOfBoundsException("asked for " + lag + " bars back at bar " + now + ": only " + available() + " visible");
        return t;
    }
}
