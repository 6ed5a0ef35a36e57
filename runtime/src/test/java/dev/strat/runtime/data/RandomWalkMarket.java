package dev.strat.runtime.data;

import dev.strat.runtime.util.Gaussian;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test fixture: a synthetic daily market of geometric random walks. The runtime's tests keep their
 * own copy (the benchmark module has the same generator) so that they do not depend on the
 * benchmarks; it draws the same paths, so figures the tests pin stay as they were.
 */
public final class RandomWalkMarket {

    private RandomWalkMarket() {
    }

    /**
     * {@code assets} geometric random walks (1 % daily volatility, a little drift) over {@code bars}
     * daily bars from 2010-01-01, closes only, deterministic in {@code seed}.
     */
    public static MarketData of(int assets, int bars, long seed) {
        if (assets < 1 || bars < 2) throw new IllegalArgumentException("need at least one asset and two bars");
        SplittableRandom random = new SplittableRandom(seed);
        List<String> symbols = new ArrayList<>(assets);
        for (int i = 0; i < assets; i++) symbols.add("A" + i);
        long[] times = new long[bars];
        long day0 = LocalDate.of(2010, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (int t = 0; t < bars; t++) times[t] = day0 + 86_400L * t;
        double[] close = new double[bars * assets];
        for (int i = 0; i < assets; i++) close[i] = 100;
        for (int t = 1; t < bars; t++) {
            for (int i = 0; i < assets; i++) {
                close[t * assets + i] = close[(t - 1) * assets + i] * Math.exp(0.0002 + 0.01 * Gaussian.next(random));
            }
        }
        return new MarketData("random walk(assets=" + assets + ", bars=" + bars + ", seed=" + seed + ")", symbols, Map.of(),
                times, null, null, null, close, null, Frequency.DAILY_STOCKS);
    }
}
