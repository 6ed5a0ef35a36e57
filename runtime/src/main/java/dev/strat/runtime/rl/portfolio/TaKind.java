package dev.strat.runtime.rl.portfolio;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The technical indicators the {@code ta(...)} feature offers: RiPO's Appendix A (TA-Lib's names
 * and default windows) plus Bollinger %b and stochastic %K. Each kind names its whole-number
 * parameters with their defaults, the price field it may read ({@code fields}, first is the
 * default; empty when it reads the whole bar) and what it writes ({@code doc}).
 *
 * <p>Values are written scale-free, so that a network sees the same range for a $20 and a $2,000
 * stock: price levels (moving averages, bands, SAR, TSF) as {@code level / close - 1}, price
 * differences (MACD, APO, MOM, ATR, TR, DM) over the close, cumulative volume lines (AD, OBV) as
 * their change over a window divided by the volume traded in it. Bounded oscillators (RSI, ADX,
 * CCI, CMO, ...) are written as TA-Lib defines them.
 */
public enum TaKind {
    AD("ad", List.of("window"), new int[] {10}, List.of(), 1,
            "Chaikin A/D line: its change over window bars over the volume traded in them, in -1..1"),
    ADOSC("adosc", List.of("fast", "slow"), new int[] {3, 10}, List.of(), 1,
            "Chaikin A/D oscillator EMA(fast) - EMA(slow) of the A/D line, over the mean volume of slow bars"),
    ADX("adx", List.of("window"), new int[] {14}, List.of(), 1, "average directional index, 0..100"),
    ADXR("adxr", List.of("window"), new int[] {14}, List.of(), 1,
            "ADX rating (ADX now + ADX window - 1 bars ago) / 2, 0..100 (written here; Ta4j lacks it)"),
    APO("apo", List.of("fast", "slow"), new int[] {12, 26}, List.of(), 1,
            "absolute price oscillator SMA(fast) - SMA(slow) over the close (TA-Lib's default SMA; written here)"),
    AROON("aroon", List.of("window"), new int[] {14}, List.of(), 2, "Aroon up and Aroon down, two values, 0..100"),
    AROONOSC("aroonosc", List.of("window"), new int[] {14}, List.of(), 1, "Aroon oscillator up - down, -100..100"),
    ATR("atr", List.of("window"), new int[] {14}, List.of(), 1, "average true range over the close"),
    BBANDS("bbands", List.of("window"), new int[] {5}, List.of(), 3,
            "Bollinger bands at 2 standard deviations: upper, middle, lower, each as band / close - 1"),
    BBP("bbp", List.of("window"), new int[] {20}, List.of(), 1, "Bollinger %b at 2 standard deviations"),
    BOP("bop", List.of(), new int[] {}, List.of(), 1,
            "balance of power (close - open) / (high - low), -1..1, 0 on a bar without range (written here)"),
    CHANGE("change", List.of(), new int[] {}, List.of("close", "open", "high", "low", "volume"), 1,
            "one-bar change of the field, x(t) / x(t-1) - 1 (written here)"),
    CCI("cci", List.of("window"), new int[] {20}, List.of(), 1, "commodity channel index"),
    CMO("cmo", List.of("window"), new int[] {14}, List.of("close", "open"), 1,
            "Chande momentum oscillator of the field, -100..100"),
    DEMA("dema", List.of("window"), new int[] {30}, List.of(), 1, "double EMA of the close, as dema / close - 1"),
    DX("dx", List.of("window"), new int[] {14}, List.of(), 1, "directional movement index, 0..100"),
    EMA("ema", List.of("window"), new int[] {30}, List.of(), 1, "EMA of the close, as ema / close - 1"),
    KAMA("kama", List.of("window"), new int[] {30}, List.of(), 1,
            "Kaufman adaptive moving average (efficiency over window, fast 2, slow 30), as kama / close - 1"),
    MA("ma", List.of("window"), new int[] {30}, List.of(), 1, "simple moving average of the close, as ma / close - 1"),
    MACD("macd", List.of("fast", "slow"), new int[] {12, 26}, List.of(), 1, "MACD line EMA(fast) - EMA(slow) over the close"),
    MEDPRICE("medprice", List.of(), new int[] {}, List.of(), 1, "median price (high + low) / 2, as medprice / close - 1"),
    MINUS_DI("minus_di", List.of("window"), new int[] {14}, List.of(), 1, "minus directional indicator, 0..100"),
    MINUS_DM("minus_dm", List.of("window"), new int[] {14}, List.of(), 1,
            "minus directional movement, Wilder-smoothed over window bars, over the close"),
    MOM("mom", List.of("window"), new int[] {10}, List.of(), 1,
            "momentum close(t) - close(t - window), over the close (written here)"),
    NATR("natr", List.of("window"), new int[] {14}, List.of(), 1, "normalised ATR 100 * ATR / close (written here)"),
    OBV("obv", List.of("window"), new int[] {10}, List.of(), 1,
            "on-balance volume: its change over window bars over the volume traded in them, in -1..1"),
    PLUS_DI("plus_di", List.of("window"), new int[] {14}, List.of(), 1, "plus directional indicator, 0..100"),
    PLUS_DM("plus_dm", List.of("window"), new int[] {14}, List.of(), 1,
            "plus directional movement, Wilder-smoothed over window bars, over the close"),
    PPO("ppo_osc", List.of("fast", "slow"), new int[] {12, 26}, List.of(), 1,
            "percentage price oscillator (TA-Lib's PPO; ppo names the agent) 100 * (EMA(fast) - EMA(slow)) / EMA(slow)"),
    ROC("roc", List.of("window"), new int[] {10}, List.of("close", "volume"), 1,
            "rate of change of the field over window bars, in percent"),
    ROCP("rocp", List.of("window"), new int[] {10}, List.of("close", "volume"), 1,
            "rate of change of the field over window bars, as a fraction (roc / 100)"),
    RSI("rsi", List.of("window"), new int[] {14}, List.of(), 1, "relative strength index, 0..100"),
    SAR("sar", List.of(), new int[] {}, List.of(), 1,
            "parabolic SAR (acceleration 0.02, step 0.02, maximum 0.2), as sar / close - 1 (written here: Ta4j's is "
                    + "quadratic in the bars)"),
    STOCHK("stochk", List.of("window"), new int[] {14}, List.of(), 1, "stochastic oscillator %K, 0..100"),
    TEMA("tema", List.of("window"), new int[] {30}, List.of(), 1, "triple EMA of the close, as tema / close - 1"),
    TRANGE("trange", List.of(), new int[] {}, List.of(), 1, "true range over the close"),
    TSF("tsf", List.of("window"), new int[] {14}, List.of(), 1,
            "time series forecast: the least-squares line through the last window closes at the next bar, "
                    + "as tsf / close - 1 (written here)"),
    TYPPRICE("typprice", List.of(), new int[] {}, List.of(), 1,
            "typical price (high + low + close) / 3, as typprice / close - 1"),
    ULTOSC("ultosc", List.of("short", "medium", "long"), new int[] {7, 14, 28}, List.of(), 1,
            "ultimate oscillator 100 * (4 A(short) + 2 A(medium) + A(long)) / 7, 0..100 (written here)"),
    WILLR("willr", List.of("window"), new int[] {14}, List.of(), 1, "Williams %R, -100..0");

    private final String word;
    private final List<String> params;
    private final int[] defaults;
    private final List<String> fields;
    private final int outputs;
    private final String doc;

    TaKind(String word, List<String> params, int[] defaults, List<String> fields, int outputs, String doc) {
        this.word = word;
        this.params = params;
        this.defaults = defaults;
        this.fields = fields;
        this.outputs = outputs;
        this.doc = doc;
    }

    /** The name the language and {@link TaIndicator#parse} use, e.g. {@code minus_di}. */
    public String word() { return word; }

    /** The names of the whole-number parameters, in order, e.g. {@code [fast, slow]}. */
    public List<String> params() { return params; }

    /** The default of every parameter, parallel to {@link #params()}. */
    public int[] defaults() { return defaults.clone(); }

    /** The fields the indicator may read, the default first; empty when it reads the whole bar. */
    public List<String> fields() { return fields; }

    /** How many values it writes per asset. */
    public int outputs() { return outputs; }

    /** What it writes, one line. */
    public String doc() { return doc; }

    /** The kind called {@code word}, if any. */
    public static Optional<TaKind> of(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        for (TaKind k : values()) if (k.word.equals(w)) return Optional.of(k);
        return Optional.empty();
    }

    /** Every name, in declaration order. */
    public static List<String> words() {
        return java.util.Arrays.stream(values()).map(TaKind::word).toList();
    }
}
