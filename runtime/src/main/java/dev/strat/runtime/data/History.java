package dev.strat.runtime.data;

/**
 * What a decision at bar {@link #now()} may see: bars {@code 0..now} of a market, never later.
 * Every accessor is indexed by a non-negative lag back from {@code now}; asking for a bar after
 * {@code now}, or before the first bar, throws {@link LookAheadException} or
 * {@link IndexOutOfBoundsException}, and so does an asset index outside {@code 0..assets() - 1}.
 * Stages receive only this view, which is how the runtime guarantees the absence of look-ahead
 * by construction rather than by convention.
 *
 * <p>Only the owner of the view's {@link Cursor} (the backtester) can move it; a stage holds the
 * view alone and has no way to step it forward. Stages must not keep references to it across
 * steps expecting it to stay put.
 *
 * <h2>Column views</h2>
 * {@link #columns(int[])} derives a view of some of the assets (a selector's picks): asset
 * {@code j} of the derived view is column {@code columns[j]} of this one, and asset indices
 * {@code >= columns.length} are out of range, so a stage handed the derived view cannot read the
 * other assets at all. A derived view has no cursor of its own: it always stands at its root
 * view's decision bar. The root view keeps {@code columns == null} and reads the market directly,
 * so the unrestricted path costs a range check and a predictable null check per access.
 */
public final class History {

    private final MarketData market;
    /** The view whose decision bar this one follows; null for a cursor's own (root) view. */
    private final History root;
    /** Market column of each asset of this view; null for all columns in market order. */
    private final int[] columns;
    private final java.util.List<String> symbols;
    /** Number of assets of this view. */
    private final int width;
    private int now;

    private History(MarketData market, int now) {
        this.market = market;
        this.root = null;
        this.columns = null;
        this.symbols = market.symbols();
        this.width = market.assets();
        advanceTo(now);
    }

    private History(History root, int[] columns) {
        this.market = root.market;
        this.root = root;
        this.columns = columns;
        String[] names = new String[columns.length];
        for (int j = 0; j < columns.length; j++) names[j] = market.symbols().get(columns[j]);
        this.symbols = java.util.List.of(names);
        this.width = columns.length;
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

    /**
     * A read-only view of some of this view's assets, in the given order, at this view's decision
     * bar (now and whenever it moves): asset {@code j} of the result is asset {@code columns[j]}
     * of this view, and no other asset can be read through it. Cash stays implicit, as always.
     *
     * @param columns distinct asset indices of this view; copied
     * @throws IllegalArgumentException when an index is out of range or repeated
     */
    public History columns(int[] columns) {
        int n = assets();
        int[] mapped = new int[columns.length];
        boolean[] seen = new boolean[n];
        for (int j = 0; j < columns.length; j++) {
            int c = columns[j];
            if (c < 0 || c >= n) throw new IllegalArgumentException("column " + c + " outside 0.." + (n - 1));
            if (seen[c]) throw new IllegalArgumentException("column " + c + " given twice");
            seen[c] = true;
            mapped[j] = col(c);
        }
        return new History(root == null ? this : root, mapped);
    }

    private void advanceTo(int t) {
        if (t < 0 || t >= market.bars()) throw new IndexOutOfBoundsException("bar " + t + " outside 0.." + (market.bars() - 1));
        this.now = t;
    }

    /** The decision bar: its close is known, the next bar is not. */
    public int now() { return root == null ? now : root.now; }

    /** Number of bars visible, {@code now + 1}. */
    public int available() { return now() + 1; }

    public int assets() { return width; }

    public java.util.List<String> symbols() { return symbols; }

    public Frequency frequency() { return market.frequency(); }

    /** Epoch seconds of the bar {@code lag} bars back. */
    public long time(int lag) { return market.time(bar(lag)); }

    public double close(int lag, int asset) { return market.close(bar(lag), col(asset)); }
    public double open(int lag, int asset) { return market.open(bar(lag), col(asset)); }
    public double high(int lag, int asset) { return market.high(bar(lag), col(asset)); }
    public double low(int lag, int asset) { return market.low(bar(lag), col(asset)); }
    public double volume(int lag, int asset) { return market.volume(bar(lag), col(asset)); }

    /** Price relative close/previous close of the bar {@code lag} bars back (1 at the first bar). */
    public double relative(int lag, int asset) { return market.relative(bar(lag), col(asset)); }

    /** The N price relatives of the bar {@code lag} bars back. */
    public void relatives(int lag, double[] out) {
        int t = bar(lag);
        if (columns == null) {
            market.relatives(t, out);
            return;
        }
        for (int j = 0; j < columns.length; j++) out[j] = market.relative(t, columns[j]);
    }

    /** The N closes of the bar {@code lag} bars back. */
    public void closes(int lag, double[] out) {
        int t = bar(lag);
        if (columns == null) {
            market.closes(t, out);
            return;
        }
        for (int j = 0; j < columns.length; j++) out[j] = market.close(t, columns[j]);
    }

    /**
     * Closes of one asset over the last {@code length} bars, oldest first, ending at {@code now}.
     * Throws when fewer than {@code length} bars are visible.
     */
    public void closeWindow(int asset, int length, double[] out) {
        for (int k = 0; k < length; k++) out[k] = close(length - 1 - k, asset);
    }

    private int bar(int lag) {
        final int now = now();
        if (lag < 0) throw new LookAheadException("look-ahead: asked for bar " + (now - lag) + " at decision bar " + now);
        int t = now - lag;
        if (t < 0) throw new IndexOutOfBoundsException("asked for " + lag + " bars back at bar " + now + ": only " + (now + 1) + " visible");
        return t;
    }

    /**
     * The market column of asset {@code asset}. Out of range throws, in the root view too: the
     * market's arrays are row-major, so asset {@code N} of bar {@code t} would otherwise read
     * asset 0 of bar {@code t + 1}, a look-ahead.
     */
    private int col(int asset) {
        if (asset < 0 || asset >= width) throw outside(asset);
        return columns == null ? asset : columns[asset];
    }

    private IndexOutOfBoundsException outside(int asset) {
        return new IndexOutOfBoundsException("asset " + asset + " outside 0.." + (width - 1)
                + (columns == null ? "" : " (a view of " + width + " of the market's " + market.assets() + " assets)"));
    }
}
