package dev.strat.runtime.rl.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The Appendix A indicators: the ones written here against hand-computed values, every one
 * causal and reading no more bars than its declared warm-up.
 */
class TaIndicatorsTest {

    /** open, high, low, close, volume of six bars. */
    private static final double[][] BARS = {
            {10, 11, 9, 10.5, 100},
            {10.5, 12, 10, 11.5, 200},
            {11.5, 12, 11, 11, 150},
            {11, 11.5, 10, 10.2, 300},
            {10.2, 13, 10.1, 12.8, 250},
            {12.8, 13.5, 12, 13, 100},
            {12.5, 12.5, 9, 9.5, 120}};

    private static BaseBarSeries small() {
        BaseBarSeries s = new BaseBarSeries("small", DoubleNum.valueOf(0));
        ZonedDateTime t = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (double[] b : BARS) {
            t = t.plusDays(1);
            s.addBar(t, DoubleNum.valueOf(b[0]), DoubleNum.valueOf(b[1]), DoubleNum.valueOf(b[2]), DoubleNum.valueOf(b[3]),
                    DoubleNum.valueOf(b[4]));
        }
        return s;
    }

    private static double at(Indicator<Num> i, int t) {
        return i.getValue(t).doubleValue();
    }

    @Test
    void writtenHereMatchHandComputedValues() {
        BaseBarSeries s = small();
        // BOP at bar 4: (12.8 - 10.2) / (13 - 10.1)
        assertEquals(2.6 / 2.9, at(new TaCustomIndicator.Bop(s), 4), 1e-12);
        // change of the close at bar 1: 11.5 / 10.5 - 1; of the volume at bar 3: 300 / 150 - 1
        assertEquals(11.5 / 10.5 - 1, at(new TaCustomIndicator.Change(s, new ClosePriceIndicator(s)), 1), 1e-12);
        assertEquals(1.0, at(new TaCustomIndicator.Change(s, new VolumeIndicator(s)), 3), 1e-12);
        assertTrue(Double.isNaN(at(new TaCustomIndicator.Change(s, new ClosePriceIndicator(s)), 0)));
        // MOM(3) at bar 5: 13 - 11 (the close of bar 2)
        assertEquals(2.0, at(new TaCustomIndicator.Mom(s, 3), 5), 1e-12);
        // APO(2, 4) at bar 5: (12.8 + 13) / 2 - (11 + 10.2 + 12.8 + 13) / 4 = 12.9 - 11.75
        assertEquals(1.15, at(new TaCustomIndicator.Apo(s, 2, 4), 5), 1e-12);
        // TSF(3) at bar 5: closes 10.2, 12.8, 13 at x = 0, 1, 2: slope 1.4, mean 12 at x = 1, so 14.8 at x = 3
        assertEquals(14.8, at(new TaCustomIndicator.Tsf(s, 3), 5), 1e-12);
        // Ultimate oscillator (1, 2, 3) at bar 5, per bar (BP, TR) with the previous close:
        // bar 5: low 12 < 12.8, BP 13 - 12 = 1, TR 13.5 - 12 = 1.5; bar 4: BP 12.8 - 10.1 = 2.7, TR 13 - 10.1 = 2.9;
        // bar 3: BP 10.2 - 10 = 0.2, TR max(11.5, 11) - 10 = 1.5.
        double a1 = 1 / 1.5, a2 = (1 + 2.7) / (1.5 + 2.9), a3 = (1 + 2.7 + 0.2) / (1.5 + 2.9 + 1.5);
        assertEquals(100 * (4 * a1 + 2 * a2 + a3) / 7, at(new TaCustomIndicator.Ultosc(s, 1, 2, 3), 5), 1e-12);
        assertEquals(71.56431, at(new TaCustomIndicator.Ultosc(s, 1, 2, 3), 5), 1e-4);
        assertTrue(Double.isNaN(at(new TaCustomIndicator.Ultosc(s, 1, 2, 3), 2)), "needs long + 1 bars");
        // Parabolic SAR: bar 1 opens a long trend (the high rose by 1, the low did not fall), stop 9 (bar 0's low),
        // extreme 12. Bar 2: 9 + 0.02 * 3 = 9.06, capped by the lows of bars 0 and 1 -> 9. Bar 3: 9.06 (lows 11, 10).
        // Bar 4: 9.06 + 0.02 * 2.94 = 9.1188; high 13 is a new extreme, af 0.04. Bar 5: 9.1188 + 0.04 * 3.8812 = 9.274048;
        // extreme 13.5, af 0.06. Bar 6: 9.274048 + 0.06 * 4.225952 = 9.52760512, and the low 9 breaks it: short, the
        // stop jumps to the extreme 13.5.
        TaCustomIndicator.Sar sar = new TaCustomIndicator.Sar(s, 0.02, 0.02, 0.2);
        double[] expected = {Double.NaN, 9, 9, 9.06, 9.1188, 9.274048, 13.5};
        for (int t = 6; t >= 0; t--) assertEquals(expected[t], at(sar, t), 1e-12, "sar at " + t); // any order of asking
        // NATR and ADXR are defined through Ta4j's ATR and ADX.
        ATRIndicator atr = new ATRIndicator(s, 3);
        assertEquals(100 * at(atr, 5) / 13, at(new TaCustomIndicator.Natr(s, atr), 5), 1e-12);
        ADXIndicator adx = new ADXIndicator(s, 2);
        assertEquals((at(adx, 5) + at(adx, 4)) / 2, at(new TaCustomIndicator.Adxr(s, adx, 2), 5), 1e-12);
    }

    @Test
    void theFeatureWritesTheDocumentedScaleFreeValues() {
        BaseBarSeries s = small();
        float[] out = new float[3];
        // mom is written over the close, tsf as a level relative to the close, rocp as a fraction
        TaIndicator mom = TaIndicator.parse("mom(3)").get(0);
        mom.read(mom.build(s), s, 5, out, 0);
        assertEquals(2.0 / 13, out[0], 1e-7);
        TaIndicator tsf = TaIndicator.parse("tsf(3)").get(0);
        tsf.read(tsf.build(s), s, 5, out, 0);
        assertEquals(14.8 / 13 - 1, out[0], 1e-7);
        TaIndicator rocp = TaIndicator.parse("rocp(volume,2)").get(0);
        rocp.read(rocp.build(s), s, 5, out, 0);
        assertEquals(100.0 / 300 - 1, out[0], 1e-7);
        TaIndicator bop = TaIndicator.parse("bop").get(0);
        bop.read(bop.build(s), s, 0, out, 0);
        assertEquals(0.25, out[0], 1e-7);
        // obv over 2 bars at bar 5: +250 (12.8 > 10.2), +100 (13 > 12.8) over 350 traded
        TaIndicator obv = TaIndicator.parse("obv(2)").get(0);
        obv.read(obv.build(s), s, 5, out, 0);
        assertEquals(1.0, out[0], 1e-7);
        // a flat bar's BOP is 0, not NaN
        TaIndicator aroon = TaIndicator.parse("aroon(3)").get(0);
        aroon.read(aroon.build(s), s, 5, out, 0);
        assertEquals(100, out[0], 1e-4, "the highest high of 4 bars is bar 5");
    }

    /** Every indicator Appendix A lists, and every kind at its defaults. */
    private static List<TaIndicator> everything() {
        List<TaIndicator> all = new ArrayList<>(TaIndicator.appendixA());
        for (TaKind k : TaKind.values()) {
            TaIndicator d = TaIndicator.parse(k.word()).get(0);
            if (!all.contains(d)) all.add(d);
        }
        assertEquals(TaKind.values().length, all.stream().map(TaIndicator::kind).distinct().count());
        return all;
    }

    @Test
    void noIndicatorLooksAhead() {
        MarketData market = Fixtures.market();
        AccountState account = Fixtures.account(market.assets());
        for (int t : new int[] {150, 400}) {
            MarketData garbage = Fixtures.garbageAfter(market, t, 17L * t);
            for (TaPrices prices : TaPrices.values()) {
                for (TaIndicator i : everything()) {
                    float[] real = NoLookAheadTest.write(Features.ta(List.of(i), prices), market, t, account);
                    // The same feature, first run to the last bar of a market whose bars after t differ.
                    Feature shared = Features.ta(List.of(i), prices);
                    NoLookAheadTest.write(shared, garbage, garbage.bars() - 1, account);
                    assertArrayEquals(real, NoLookAheadTest.write(shared, garbage, t, account), i.label() + " " + prices + " at " + t);
                    assertArrayEquals(real, NoLookAheadTest.write(Features.ta(List.of(i), prices), garbage, t, account),
                            i.label() + " " + prices + " fresh at " + t);
                }
            }
        }
    }

    /** Kinds whose value is a function of a fixed window of bars (no exponential smoothing, no running state). */
    private static final Set<TaKind> WINDOWED = EnumSet.of(TaKind.AD, TaKind.OBV, TaKind.APO, TaKind.AROON, TaKind.AROONOSC,
            TaKind.BBANDS, TaKind.BBP, TaKind.BOP, TaKind.CHANGE, TaKind.CCI, TaKind.MA, TaKind.MEDPRICE, TaKind.MOM, TaKind.ROC,
            TaKind.ROCP, TaKind.STOCHK, TaKind.TRANGE, TaKind.TSF, TaKind.TYPPRICE, TaKind.ULTOSC, TaKind.WILLR, TaKind.CMO);

    @Test
    void windowedIndicatorsReadNoMoreThanTheirWarmup() {
        // Computed on a market that starts warmup - 1 bars before t, the value is the one of the whole market:
        // the declared warm-up covers every bar it reads. Too short a warm-up fails here.
        MarketData market = Fixtures.market();
        AccountState account = Fixtures.account(market.assets());
        int t = 500;
        int checked = 0;
        for (TaIndicator i : everything()) {
            if (!WINDOWED.contains(i.kind())) continue;
            Feature full = Features.ta(List.of(i), TaPrices.AS_STORED);
            int w = full.warmup();
            float[] expected = NoLookAheadTest.write(full, market, t, account);
            MarketData tail = market.slice(t - w + 1, t + 1);
            float[] got = NoLookAheadTest.write(Features.ta(List.of(i), TaPrices.AS_STORED), tail, w - 1, account);
            for (int k = 0; k < got.length; k++) assertEquals(expected[k], got[k], 1e-4f * Math.max(1, Math.abs(expected[k])), i.label());
            checked++;
        }
        assertTrue(checked >= 30, "checked " + checked);
    }

    @Test
    void smoothedIndicatorsDeclareAtLeastTa4jsUnstableBars() {
        for (TaIndicator i : everything()) {
            int unstable = 0;
            for (Indicator<Num> b : i.build(new BaseBarSeries("probe", DoubleNum.valueOf(0)))) unstable = Math.max(unstable, b.getUnstableBars());
            assertTrue(i.warmup() >= unstable + 1, i.label());
            assertTrue(i.warmup() >= 1, i.label());
        }
        assertEquals(28, TaIndicator.parse("ultosc").get(0).warmup() - 1, "ultosc reads long + 1 bars");
        assertEquals(41, TaIndicator.parse("adxr").get(0).warmup(), "adxr: adx's 2n bars and n - 1 more");
    }

    @Test
    void everyValueIsFinite() {
        MarketData market = Fixtures.market();
        Feature all = Features.ta(List.of("all"));
        float[] out = new float[all.width(market.assets())];
        History.Cursor cursor = History.cursor(market, 0);
        for (int t = 0; t < market.bars(); t += 7) {
            cursor.advanceTo(t);
            all.write(cursor.view(), null, out, 0);
            for (float v : out) assertTrue(Float.isFinite(v));
        }
        boolean someNonZero = false;
        for (float v : out) someNonZero |= v != 0;
        assertTrue(someNonZero);
        assertFalse(all.label().contains("as stored"));
    }
}
