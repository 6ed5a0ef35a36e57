package dev.strat.runtime.rl.portfolio;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.CMOIndicator;
import org.ta4j.core.indicators.DoubleEMAIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.KAMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.MMAIndicator;
import org.ta4j.core.indicators.PPOIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.TripleEMAIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.DXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.MinusDMIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDMIndicator;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonOscillatorIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.MedianPriceIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.helpers.TypicalPriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.AccumulationDistributionIndicator;
import org.ta4j.core.indicators.volume.ChaikinOscillatorIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One technical indicator of the {@code ta(...)} feature: a {@link TaKind}, the field it reads
 * (empty for kinds that read the whole bar) and its whole-number parameters. Written as text
 * {@code rsi}, {@code rsi(14)}, {@code macd(12,26)}, {@code roc(volume,6)} or {@code cmo(open,14)};
 * {@code all} stands for {@link #appendixA()}. See {@link TaKind} for what each writes.
 *
 * <p>Computed by Ta4j where Ta4j has the indicator, by {@link TaCustomIndicator} otherwise. A
 * value that cannot be computed (0 / 0 on a flat window, too few bars) is written as 0, never NaN.
 *
 * <p>The warm-up is the larger of the unstable bars plus one (Ta4j's declaration, or ours for
 * the indicators written here) and the bars the indicator's window reads. Exponentially smoothed
 * indicators (rsi, macd, adx, atr, ema, ...) keep converging after it; their values depend on all
 * history from the market's first bar.
 *
 * @param kind   what it computes
 * @param field  the price field read ({@code close}, {@code open}, {@code high}, {@code low},
 *               {@code volume}), or empty when the kind reads the whole bar
 * @param params its parameters, parallel to {@link TaKind#params()}
 */
public record TaIndicator(TaKind kind, String field, int[] params) implements FeatureIndicator {

    public TaIndicator {
        params = params.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public int[] params() {
        return params.clone();
    }

    /**
     * RiPO's Appendix A, with its multi-window and multi-field variants, in the appendix's order:
     * what {@code ta(all)} computes (62 values per asset).
     */
    public static List<TaIndicator> appendixA() {
        List<TaIndicator> out = new ArrayList<>();
        for (String s : List.of("ad", "adosc", "adx", "adxr", "apo", "aroon", "aroonosc", "atr(6)", "atr(14)", "bbands", "bop",
                "change(open)", "change(high)", "change(low)", "change(close)", "change(volume)",
                "cci(5)", "cci(10)", "cci(20)", "cci(88)", "cmo(open,14)", "cmo(close,14)",
                "dema(6)", "dema(12)", "dema(26)", "dx", "ema(6)", "ema(12)", "ema(26)", "kama", "ma(5)", "macd", "medprice",
                "minus_di", "minus_dm", "mom", "natr", "obv", "plus_di", "plus_dm", "ppo_osc", "roc(6)", "roc(20)", "rocp(6)",
                "rocp(20)", "roc(volume,6)", "roc(volume,20)", "rocp(volume,6)", "rocp(volume,20)", "rsi", "sar",
                "tema(6)", "tema(12)", "tema(26)", "trange", "typprice", "tsf", "ultosc", "willr")) {
            out.addAll(parse(s));
        }
        return out;
    }

    /** Parses one indicator, or {@code all}, into indicators; a clear message on anything else. */
    public static List<TaIndicator> parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("all")) return appendixA();
        int open = s.indexOf('(');
        String name = open < 0 ? s : s.substring(0, open).strip();
        TaKind kind = TaKind.of(name).orElseThrow(() -> new IllegalArgumentException("unknown technical indicator '" + text
                + "'; known: " + String.join(", ", TaKind.words()) + ", all"));
        int[] params = kind.defaults();
        String field = kind.fields().isEmpty() ? "" : kind.fields().get(0);
        if (open >= 0) {
            if (!s.endsWith(")")) throw new IllegalArgumentException("technical indicator '" + text + "' lacks a closing parenthesis");
            String inside = s.substring(open + 1, s.length() - 1).strip();
            List<String> parts = inside.isEmpty() ? List.of() : Arrays.asList(inside.split(","));
            int k = 0;
            for (String raw : parts) {
                String part = raw.strip();
                if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
                    if (!kind.fields().contains(part)) {
                        throw new IllegalArgumentException("technical indicator " + name + (kind.fields().isEmpty()
                                ? " reads no field, got '" + text + "'"
                                : " reads one of " + String.join(", ", kind.fields()) + ", got '" + part + "'"));
                    }
                    field = part;
                    continue;
                }
                if (k >= params.length) {
                    throw new IllegalArgumentException("technical indicator " + name + " takes " + params.length
                            + " parameter(s), got '" + text + "'");
                }
                try {
                    params[k] = Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("technical indicator '" + text + "' needs whole-number parameters");
                }
                if (params[k] < 1) throw new IllegalArgumentException("technical indicator '" + text + "' needs positive parameters");
                k++;
            }
            if (k != 0 && k != params.length) {
                throw new IllegalArgumentException("technical indicator " + name + " takes " + params.length
                        + " parameter(s), got '" + text + "'");
            }
        }
        for (int k = 1; k < params.length; k++) {
            if (params[k - 1] >= params[k]) {
                throw new IllegalArgumentException(name + " needs its windows in increasing order ("
                        + String.join(" < ", kind.params()) + "), got '" + text + "'");
            }
        }
        return List.of(new TaIndicator(kind, field, params));
    }

    /** The text {@link #parse} reads back, e.g. {@code roc(volume,6)}; the default field is left out. */
    public String label() {
        StringBuilder b = new StringBuilder(kind.word());
        List<String> parts = new ArrayList<>();
        if (!field.isEmpty() && !field.equals(kind.fields().get(0))) parts.add(field);
        for (int p : params) parts.add(Integer.toString(p));
        if (parts.isEmpty()) return b.toString();
        return b.append('(').append(String.join(",", parts)).append(')').toString();
    }

    /** How many values it writes per asset. */
    public int outputs() {
        return kind.outputs();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaIndicator t && t.kind == kind && t.field.equals(field) && Arrays.equals(t.params, params);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + field.hashCode()) + Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return label();
    }

    /** The indicators {@link #read} needs, on {@code series}. */
    @SuppressWarnings("unchecked")
    Indicator<Num>[] build(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        int n = params.length == 0 ? 0 : params[0];
        return switch (kind) {
            case AD -> new Indicator[] {new AccumulationDistributionIndicator(s), new VolumeIndicator(s, n)};
            case ADOSC -> new Indicator[] {new ChaikinOscillatorIndicator(s, params[0], params[1]), new VolumeIndicator(s, params[1])};
            case ADX -> new Indicator[] {new ADXIndicator(s, n)};
            case ADXR -> new Indicator[] {new TaCustomIndicator.Adxr(s, new ADXIndicator(s, n), n)};
            case APO -> new Indicator[] {new TaCustomIndicator.Apo(s, params[0], params[1])};
            case AROON -> new Indicator[] {new AroonUpIndicator(s, n), new AroonDownIndicator(s, n)};
            case AROONOSC -> new Indicator[] {new AroonOscillatorIndicator(s, n)};
            case ATR -> new Indicator[] {new ATRIndicator(s, n)};
            case BBANDS -> {
                BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, n));
                StandardDeviationIndicator sd = new StandardDeviationIndicator(close, n);
                Num k = DoubleNum.valueOf(2);
                yield new Indicator[] {new BollingerBandsUpperIndicator(middle, sd, k), middle,
                        new BollingerBandsLowerIndicator(middle, sd, k)};
            }
            case BBP -> new Indicator[] {new PercentBIndicator(close, n, 2.0)};
            case BOP -> new Indicator[] {new TaCustomIndicator.Bop(s)};
            case CHANGE -> new Indicator[] {new TaCustomIndicator.Change(s, field(s))};
            case CCI -> new Indicator[] {new CCIIndicator(s, n)};
            case CMO -> new Indicator[] {new CMOIndicator(field(s), n)};
            case DEMA -> new Indicator[] {new DoubleEMAIndicator(close, n)};
            case DX -> new Indicator[] {new DXIndicator(s, n)};
            case EMA -> new Indicator[] {new EMAIndicator(close, n)};
            case KAMA -> new Indicator[] {new KAMAIndicator(close, n, 2, 30)};
            case MA -> new Indicator[] {new SMAIndicator(close, n)};
            case MACD -> new Indicator[] {new MACDIndicator(close, params[0], params[1])};
            case MEDPRICE -> new Indicator[] {new MedianPriceIndicator(s)};
            case MINUS_DI -> new Indicator[] {new MinusDIIndicator(s, n)};
            case MINUS_DM -> new Indicator[] {new MMAIndicator(new MinusDMIndicator(s), n)};
            case MOM -> new Indicator[] {new TaCustomIndicator.Mom(s, n)};
            case NATR -> new Indicator[] {new TaCustomIndicator.Natr(s, new ATRIndicator(s, n))};
            case OBV -> new Indicator[] {new OnBalanceVolumeIndicator(s), new VolumeIndicator(s, n)};
            case PLUS_DI -> new Indicator[] {new PlusDIIndicator(s, n)};
            case PLUS_DM -> new Indicator[] {new MMAIndicator(new PlusDMIndicator(s), n)};
            case PPO -> new Indicator[] {new PPOIndicator(close, params[0], params[1])};
            case ROC, ROCP -> new Indicator[] {new ROCIndicator(field(s), n)};
            case RSI -> new Indicator[] {new RSIIndicator(close, n)};
            case SAR -> new Indicator[] {new TaCustomIndicator.Sar(s, 0.02, 0.02, 0.2)};
            case STOCHK -> new Indicator[] {new StochasticOscillatorKIndicator(s, n)};
            case TEMA -> new Indicator[] {new TripleEMAIndicator(close, n)};
            case TRANGE -> new Indicator[] {new TRIndicator(s)};
            case TSF -> new Indicator[] {new TaCustomIndicator.Tsf(s, n)};
            case TYPPRICE -> new Indicator[] {new TypicalPriceIndicator(s)};
            case ULTOSC -> new Indicator[] {new TaCustomIndicator.Ultosc(s, params[0], params[1], params[2])};
            case WILLR -> new Indicator[] {new WilliamsRIndicator(s, n)};
        };
    }

    private Indicator<Num> field(BarSeries s) {
        return switch (field) {
            case "open" -> new OpenPriceIndicator(s);
            case "high" -> new HighPriceIndicator(s);
            case "low" -> new LowPriceIndicator(s);
            case "volume" -> new VolumeIndicator(s);
            default -> new ClosePriceIndicator(s);
        };
    }

    /** Writes the indicator's {@link #outputs()} values at series index {@code t} to {@code out[offset..]}. */
    void read(Indicator<Num>[] b, BarSeries s, int t, float[] out, int offset) {
        double c = s.getBar(t).getClosePrice().doubleValue();
        switch (kind) {
            case AROON -> {
                out[offset] = finite(v(b[0], t));
                out[offset + 1] = finite(v(b[1], t));
            }
            case BBANDS -> {
                for (int k = 0; k < 3; k++) out[offset + k] = finite(v(b[k], t) / c - 1);
            }
            case AD, OBV -> {
                // The line moves by at most the bar's volume, so its change over n bars over their volume is in -1..1.
                double change = v(b[0], t) - v(b[0], Math.max(0, t - params[0]));
                double traded = v(b[1], t);
                out[offset] = traded > 0 ? finite(change / traded) : 0;
            }
            case ADOSC -> out[offset] = finite(v(b[0], t) / (v(b[1], t) / params[1]));
            case APO, MACD, MOM, ATR, TRANGE, MINUS_DM, PLUS_DM -> out[offset] = finite(v(b[0], t) / c);
            case DEMA, EMA, TEMA, KAMA, MA, MEDPRICE, TYPPRICE, SAR, TSF -> out[offset] = finite(v(b[0], t) / c - 1);
            case ROCP -> out[offset] = finite(v(b[0], t) / 100);
            default -> out[offset] = finite(v(b[0], t));
        }
    }

    private static double v(Indicator<Num> i, int t) {
        return i.getValue(t).doubleValue();
    }

    private static float finite(double x) {
        return Double.isFinite(x) ? (float) x : 0f;
    }

    /** Bars that must be visible before the value means anything. */
    int warmup() {
        BarSeries probe = new BaseBarSeries("probe", DoubleNum.valueOf(0));
        int unstable = 0;
        for (Indicator<Num> i : build(probe)) unstable = Math.max(unstable, i.getUnstableBars());
        int n = params.length == 0 ? 1 : params[params.length - 1];
        int window = switch (kind) {
            case BOP, MEDPRICE, TYPPRICE -> 1;
            case CHANGE, TRANGE, SAR -> 2;
            case MACD, APO, PPO, ADOSC, BBANDS, BBP, CCI, MA, STOCHK, WILLR, TSF, EMA -> n;
            case ADX -> 2 * n;
            case ADXR -> 3 * n - 1;
            case DEMA -> 2 * n;
            case TEMA -> 3 * n;
            default -> n + 1;
        };
        return Math.max(unstable + 1, window);
    }
}
