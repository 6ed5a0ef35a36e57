package dev.strat.runtime.rl.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
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
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The incrementally built Ta4j feature equals Ta4j run on the whole market at the same bar,
 * whatever order the decisions come in (forward, backward after a long run, jumping).
 */
class TaFeatureTest {

    private static final List<String> NAMES = List.of("rsi(14)", "macd(12,26)", "cci(20)", "adx(14)", "bbp(20)", "atr(14)",
            "stochk(14)", "willr(14)", "roc(10)", "obv(10)");

    @Test
    void matchesTa4jOnTheFullSeries() {
        MarketData market = Fixtures.market();
        int n = market.assets();
        int k = NAMES.size();
        // As stored: the reference series below is built from the stored prices.
        Feature ta = Features.ta(TaFeature.parse(NAMES), TaPrices.AS_STORED);
        assertEquals(n * k, ta.width(n));
        // Forward through part of the market, then back to early bars, then a jump: the order decisions come in.
        int[] bars = {40, 41, 42, 100, 250, 251, 699, 45, 300, 120};
        float[] out = new float[ta.width(n)];
        History.Cursor cursor = History.cursor(market, 0);
        List<BarSeries> full = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) full.add(seriesOf(market, i));
        for (int t : bars) {
            cursor.advanceTo(t);
            ta.write(cursor.view(), null, out, 0);
            for (int i = 0; i < n; i++) {
                BarSeries s = full.get(i);
                for (int j = 0; j < k; j++) {
                    double expected = reference(NAMES.get(j), s, t);
                    assertEquals((float) expected, out[i * k + j], 0f,
                            NAMES.get(j) + " of " + market.symbols().get(i) + " at bar " + t);
                }
            }
        }
    }

    @Test
    void warmupsComeFromTa4jUnstableBarsAndWindows() {
        // Ta4j 0.17 declares the unstable bars; our warm-up is at least that plus one and the window's bars.
        assertEquals(15, Features.ta(List.of("rsi(14)")).warmup());
        assertEquals(26, Features.ta(List.of("macd(12,26)")).warmup());
        assertEquals(28, Features.ta(List.of("adx(14)")).warmup());
        assertEquals(11, Features.ta(List.of("roc")).warmup());
        Feature all = Features.ta(List.of("all"));
        // RiPO's Appendix A: 59 indicators, aroon writes two values and bbands three.
        assertEquals(59, TaIndicator.appendixA().size());
        assertEquals(62 * 3, all.width(3));
        int max = 0;
        for (TaIndicator i : TaIndicator.appendixA()) max = Math.max(max, Features.ta(List.of(i.label())).warmup());
        assertEquals(max, all.warmup());
    }

    @Test
    void unknownOrMalformedNamesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Features.ta(List.of("rsx(14)")));
        assertTrue(e.getMessage().contains("unknown technical indicator 'rsx(14)'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Features.ta(List.of("macd(26,12)")));
        assertThrows(IllegalArgumentException.class, () -> Features.ta(List.of("rsi(14,3)")));
        assertThrows(IllegalArgumentException.class, () -> Features.ta(List.of("rsi(x)")));
        e = assertThrows(IllegalArgumentException.class, () -> Features.ta(List.of("cmo(volume,14)")));
        assertTrue(e.getMessage().contains("reads one of close, open"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Features.ta(List.of("rsi(open)")));
        assertTrue(e.getMessage().contains("reads no field"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Features.ta(List.of("ultosc(7,28,14)")));
    }

    @Test
    void labelsReadBack() {
        for (TaIndicator i : TaIndicator.appendixA()) assertEquals(List.of(i), TaIndicator.parse(i.label()), i.label());
        assertEquals("roc(volume,6)", TaIndicator.parse("ROC( volume , 6 )").get(0).label());
        assertEquals("cmo(14)", TaIndicator.parse("cmo(close,14)").get(0).label());
        assertEquals("change(volume)", TaIndicator.parse("change(volume)").get(0).label());
        assertEquals("sar", TaIndicator.parse("sar").get(0).label());
    }

    /** The indicator written by hand with Ta4j on a series of every bar of the market. */
    private static double reference(String name, BarSeries s, int t) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        double c = s.getBar(t).getClosePrice().doubleValue();
        double v = switch (name) {
            case "rsi(14)" -> value(new RSIIndicator(close, 14), t);
            case "macd(12,26)" -> value(new MACDIndicator(close, 12, 26), t) / c;
            case "cci(20)" -> value(new CCIIndicator(s, 20), t);
            case "adx(14)" -> value(new ADXIndicator(s, 14), t);
            case "bbp(20)" -> value(new PercentBIndicator(close, 20, 2.0), t);
            case "atr(14)" -> value(new ATRIndicator(s, 14), t) / c;
            case "stochk(14)" -> value(new StochasticOscillatorKIndicator(s, 14), t);
            case "willr(14)" -> value(new WilliamsRIndicator(s, 14), t);
            case "roc(10)" -> value(new ROCIndicator(close, 10), t);
            case "obv(10)" -> {
                OnBalanceVolumeIndicator obv = new OnBalanceVolumeIndicator(s);
                double traded = 0;
                for (int b = t - 9; b <= t; b++) traded += s.getBar(b).getVolume().doubleValue();
                yield (value(obv, t) - value(obv, t - 10)) / traded;
            }
            default -> throw new IllegalArgumentException(name);
        };
        return Double.isFinite(v) ? v : 0;
    }

    private static double value(Indicator<Num> indicator, int t) {
        return indicator.getValue(t).doubleValue();
    }

    private static BarSeries seriesOf(MarketData market, int asset) {
        BaseBarSeries s = new BaseBarSeries("full", DoubleNum.valueOf(0));
        for (int b = 0; b < market.bars(); b++) {
            double c = market.close(b, asset);
            s.addBar(ZonedDateTime.ofInstant(market.instant(b), ZoneOffset.UTC), orClose(market.open(b, asset), c),
                    orClose(market.high(b, asset), c), orClose(market.low(b, asset), c), DoubleNum.valueOf(c),
                    DoubleNum.valueOf(market.volume(b, asset)));
        }
        return s;
    }

    private static Num orClose(double x, double c) {
        return DoubleNum.valueOf(Double.isNaN(x) ? c : x);
    }
}
