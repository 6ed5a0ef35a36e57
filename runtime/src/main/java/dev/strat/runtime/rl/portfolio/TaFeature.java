package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Technical indicators from Ta4j, per asset: {@code assets * outputs} values, asset-major (all
 * indicators of the first asset, then the next), where outputs is the sum of the indicators'
 * {@link TaIndicator#outputs()}. See {@link TaKind} for the names and what each writes, and
 * {@link TaPrices} for how open, high and low are read when only the close is adjusted.
 *
 * <h2>No look-ahead</h2>
 * The feature keeps one Ta4j series per asset, starting at the market's first bar, and appends
 * bars read from the {@link History} it is given, so a bar enters a series only once a decision
 * at or after it has been made; values are read at the decision bar's index. Ta4j's indicators
 * are causal (the value at index t reads bars up to t), so bars a series holds beyond the decision
 * bar (left there by an earlier, later-running episode on the same market) are never read.
 *
 * <p>The series survive from call to call, so an environment that resets to its first bar does
 * not rebuild them. When the feature is handed a different {@code History} (another run, another
 * market), it checks that the bars it holds match that history bar for bar, up to the decision
 * bar, and again for each held bar the history's decision bar reaches later, and rebuilds from
 * scratch at the first difference: correctness never rests on which market a history belongs to.
 *
 * <p>Each value is computed once per bar and asset for a whole run: the series and their
 * indicators live as long as the feature, and the values written for a bar are kept, so another
 * episode over the same bars copies them. Ta4j works on objects, so a first visit allocates inside
 * Ta4j; this feature is the costly one. Missing open, high or low (close-only sources) read as the
 * close; a missing volume as 0.
 */
final class TaFeature implements Feature {

    private static final int FIELDS = 5;

    private final List<TaIndicator> indicators;
    private final TaPrices prices;
    private final int outputs;
    private final int warmup;

    private History source;
    private int assets = -1;
    private BaseBarSeries[] series;
    private Indicator<Num>[][][] built;
    /** Bars held, as read from the history: times, then (asset, field) values per bar. */
    private long[] times = new long[0];
    private double[] values = new double[0];
    private int count;
    /** Held bars checked against {@link #source}, from the first. */
    private int verified;
    /** The values written for each bar held, {@code assets * outputs} per bar, where {@code known}. */
    private float[] memo = new float[0];
    private boolean[] known = new boolean[0];

    TaFeature(List<TaIndicator> indicators, TaPrices prices) {
        if (indicators.isEmpty()) throw new IllegalArgumentException("ta needs at least one indicator");
        this.indicators = List.copyOf(indicators);
        this.prices = prices;
        int w = 1, k = 0;
        for (TaIndicator i : this.indicators) {
            w = Math.max(w, i.warmup());
            k += i.outputs();
        }
        this.warmup = w;
        this.outputs = k;
    }

    /** Parses each name (or {@code all}) with {@link TaIndicator#parse}. */
    static List<TaIndicator> parse(List<String> names) {
        List<TaIndicator> list = new ArrayList<>();
        for (String name : names) list.addAll(TaIndicator.parse(name));
        return list;
    }

    /** The indicators, in the order they are written per asset. */
    List<TaIndicator> indicators() {
        return indicators;
    }

    @Override
    public String label() {
        StringBuilder b = new StringBuilder("ta(");
        for (int k = 0; k < indicators.size(); k++) b.append(k == 0 ? "" : ", ").append(indicators.get(k).label());
        if (prices == TaPrices.AS_STORED) b.append("; prices as stored");
        return b.append(')').toString();
    }

    @Override
    public int warmup() { return warmup; }

    @Override
    public int width(int assets) { return assets * outputs; }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        final int now = history.now();
        if (history.assets() != assets) {
            assets = history.assets();
            rebuild();
        }
        if (history != source) {
            source = history;
            verified = 0;
        }
        // Keep what we hold only as far as it matches this history, bar for bar. A view that moves on
        // reaches bars held from another market, so each held bar is checked once per view when reached.
        final int upto = Math.min(count, now + 1);
        if (verified < upto) {
            if (matchingBars(history, verified, upto) < upto) rebuild();
            verified = Math.min(count, upto);
        }
        for (int b = count; b <= now; b++) append(history, now - b);
        verified = Math.max(verified, now + 1); // bars up to now were checked above or read from this history
        final int width = assets * outputs;
        if (memo.length < count * width) {
            memo = Arrays.copyOf(memo, Math.max(count, 2 * memo.length / Math.max(1, width)) * width);
            known = Arrays.copyOf(known, memo.length / width);
        }
        if (!known[now]) {
            // Computed once per bar for the run: later episodes over the same bars copy it.
            final int k = indicators.size();
            for (int i = 0; i < assets; i++) {
                int at = now * width + i * outputs;
                for (int j = 0; j < k; j++) {
                    TaIndicator indicator = indicators.get(j);
                    indicator.read(built[i][j], series[i], now, memo, at);
                    at += indicator.outputs();
                }
            }
            known[now] = true;
        }
        System.arraycopy(memo, now * width, out, offset, width);
    }

    @SuppressWarnings("unchecked")
    private void rebuild() {
        series = new BaseBarSeries[assets];
        built = new Indicator[assets][][];
        for (int i = 0; i < assets; i++) {
            series[i] = new BaseBarSeries("asset" + i, DoubleNum.valueOf(0));
            built[i] = new Indicator[indicators.size()][];
            for (int j = 0; j < indicators.size(); j++) built[i][j] = indicators.get(j).build(series[i]);
        }
        count = 0;
        verified = 0;
        times = new long[0];
        values = new double[0];
        memo = new float[0];
        known = new boolean[0];
    }

    /** The first held bar in {@code [from, bars)} that differs from the history's, or {@code bars}. */
    private int matchingBars(History history, int from, int bars) {
        final int now = history.now();
        for (int b = from; b < bars; b++) {
            final int lag = now - b;
            if (times[b] != history.time(lag)) return b;
            final int base = b * assets * FIELDS;
            for (int i = 0; i < assets; i++) {
                final int p = base + i * FIELDS;
                if (!same(values[p], history.open(lag, i)) || !same(values[p + 1], history.high(lag, i))
                        || !same(values[p + 2], history.low(lag, i)) || !same(values[p + 3], history.close(lag, i))
                        || !same(values[p + 4], history.volume(lag, i))) {
                    return b;
                }
            }
        }
        return bars;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private void append(History history, int lag) {
        if (count == times.length) {
            final int capacity = Math.max(256, 2 * times.length);
            times = Arrays.copyOf(times, capacity);
            values = Arrays.copyOf(values, capacity * assets * FIELDS);
        }
        times[count] = history.time(lag);
        final ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochSecond(times[count]), ZoneOffset.UTC);
        final int base = count * assets * FIELDS;
        for (int i = 0; i < assets; i++) {
            final double o = history.open(lag, i), h = history.high(lag, i), l = history.low(lag, i);
            final double c = history.close(lag, i), v = history.volume(lag, i);
            final int p = base + i * FIELDS;
            values[p] = o;
            values[p + 1] = h;
            values[p + 2] = l;
            values[p + 3] = c;
            values[p + 4] = v;
            double open = orClose(o, c), high = orClose(h, c), low = orClose(l, c);
            if (prices == TaPrices.SCALED && !Double.isNaN(o)) {
                // Only the close is adjusted: bring the stored open, high and low to its scale (see TaPrices).
                final double f = TaPrices.factor(values, i * FIELDS + 3, i * FIELDS, assets * FIELDS, count);
                open *= f;
                high = Math.max(Math.max(high * f, c), open);
                low = Math.min(Math.min(low * f, c), open);
            }
            series[i].addBar(end, DoubleNum.valueOf(open), DoubleNum.valueOf(high), DoubleNum.valueOf(low), DoubleNum.valueOf(c),
                    DoubleNum.valueOf(v >= 0 ? v : 0));
        }
        count++;
    }

    /** A missing open, high or low reads as the close. */
    static double orClose(double x, double close) {
        return Double.isNaN(x) ? close : x;
    }
}
