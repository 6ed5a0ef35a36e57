package dev.strat.runtime.rl.portfolio;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One technical indicator of the {@code ta(...)} feature, computed by Ta4j. Names are written
 * {@code rsi}, {@code rsi(14)} or {@code macd(12,26)}; {@code all} stands for every indicator
 * with its default parameters. What each writes (Ta4j's value unless said otherwise):
 * <ul>
 *   <li>{@code rsi(n=14)}: relative strength index, 0..100;</li>
 *   <li>{@code macd(short=12,long=26)}: MACD line divided by the close (scale-free);</li>
 *   <li>{@code cci(n=20)}: commodity channel index;</li>
 *   <li>{@code adx(n=14)}: average directional index, 0..100;</li>
 *   <li>{@code bbp(n=20)}: Bollinger %b with bands at 2 standard deviations;</li>
 *   <li>{@code atr(n=14)}: average true range divided by the close;</li>
 *   <li>{@code stochk(n=14)}: stochastic oscillator %K, 0..100;</li>
 *   <li>{@code willr(n=14)}: Williams %R, -100..0;</li>
 *   <li>{@code roc(n=10)}: rate of change over n bars, in percent;</li>
 *   <li>{@code obv(n=10)}: change of on-balance volume over n bars divided by the volume traded
 *       in them, in -1..1 (raw OBV is a cumulative sum whose level means nothing).</li>
 * </ul>
 * A value Ta4j cannot compute (0 / 0 on a flat window) is written as 0, never NaN.
 *
 * <p>The warm-up is the larger of Ta4j's unstable bars plus one and the bars the indicator's
 * window reads. Exponentially smoothed indicators (rsi, macd, adx, atr) keep converging after it;
 * their values depend on all history from the market's first bar.
 *
 * @param name   the indicator's name, lower case
 * @param params its parameters
 */
record TaIndicator(String name, int[] params) {

    /** The names {@link #parse} accepts, in the order {@code all} expands to. */
    static final List<String> NAMES = List.of("rsi", "macd", "cci", "adx", "bbp", "atr", "stochk", "willr", "roc", "obv");

    /** Parses one name, or {@code all}, into indicators. */
    static List<TaIndicator> parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            List<TaIndicator> all = new ArrayList<>();
            for (String name : NAMES) all.add(new TaIndicator(name, defaults(name)));
            return all;
        }
        int open = s.indexOf('(');
        String name = open < 0 ? s : s.substring(0, open).strip();
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown technical indicator '" + text + "'; known: " + String.join(", ", NAMES) + ", all");
        }
        int[] params = defaults(name);
        if (open >= 0) {
            if (!s.endsWith(")")) throw new IllegalArgumentException("technical indicator '" + text + "' lacks a closing parenthesis");
            String[] parts = s.substring(open + 1, s.length() - 1).split(",");
            if (parts.length != params.length) {
                throw new IllegalArgumentException("technical indicator " + name + " takes " + params.length + " parameter(s), got '" + text + "'");
            }
            for (int k = 0; k < parts.length; k++) {
                try {
                    params[k] = Integer.parseInt(parts[k].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("technical indicator '" + text + "' needs whole-number parameters");
                }
                if (params[k] < 1) throw new IllegalArgumentException("technical indicator '" + text + "' needs positive parameters");
            }
        }
        if (name.equals("macd") && params[0] >= params[1]) {
            throw new IllegalArgumentException("macd needs its short window below its long one, got '" + text + "'");
        }
        return List.of(new TaIndicator(name, params));
    }

    private static int[] defaults(String name) {
        return switch (name) {
            case "macd" -> new int[] {12, 26};
            case "cci", "bbp" -> new int[] {20};
            case "roc", "obv" -> new int[] {10};
            default -> new int[] {14};
        };
    }

    String label() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int k = 0; k < params.length; k++) b.append(k == 0 ? "" : ",").append(params[k]);
        return b.append(')').toString();
    }

    /** The Ta4j indicators {@link #read} needs, on {@code series}. */
    @SuppressWarnings("unchecked")
    Indicator<Num>[] build(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        int n = params[0];
        return switch (name) {
            case "rsi" -> new Indicator[] {new RSIIndicator(close, n)};
            case "macd" -> new Indicator[] {new MACDIndicator(close, params[0], params[1])};
            case "cci" -> new Indicator[] {new CCIIndicator(series, n)};
            case "adx" -> new Indicator[] {new ADXIndicator(series, n)};
            case "bbp" -> new Indicator[] {new PercentBIndicator(close, n, 2.0)};
            case "atr" -> new Indicator[] {new ATRIndicator(series, n)};
            case "stochk" -> new Indicator[] {new StochasticOscillatorKIndicator(series, n)};
            case "willr" -> new Indicator[] {new WilliamsRIndicator(series, n)};
            case "roc" -> new Indicator[] {new ROCIndicator(close, n)};
            case "obv" -> new Indicator[] {new OnBalanceVolumeIndicator(series), new VolumeIndicator(series, n)};
            default -> throw new IllegalStateException(name);
        };
    }

    /** The indicator's value at series index {@code index}, as the feature writes it. */
    double read(Indicator<Num>[] built, BarSeries series, int index) {
        double v = switch (name) {
            case "macd", "atr" -> built[0].getValue(index).doubleValue() / series.getBar(index).getClosePrice().doubleValue();
            case "obv" -> {
                // OBV moves by +-volume per bar, so its change over n bars over the volume of those bars is in -1..1.
                double change = built[0].getValue(index).doubleValue() - built[0].getValue(index - params[0]).doubleValue();
                double traded = built[1].getValue(index).doubleValue();
                yield traded > 0 ? change / traded : 0;
            }
            default -> built[0].getValue(index).doubleValue();
        };
        return Double.isFinite(v) ? v : 0;
    }

    /** Bars that must be visible before the value means anything. */
    int warmup() {
        BarSeries probe = new BaseBarSeries("probe", DoubleNum.valueOf(0));
        int unstable = 0;
        for (Indicator<Num> i : build(probe)) unstable = Math.max(unstable, i.getUnstableBars());
        int window = switch (name) {
            case "macd" -> params[1];
            case "adx" -> 2 * params[0];
            case "obv" -> params[0] + 1;
            default -> params[0] + 1;
        };
        return Math.max(unstable + 1, window);
    }
}
