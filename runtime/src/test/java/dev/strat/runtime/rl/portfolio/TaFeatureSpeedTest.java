package dev.strat.runtime.rl.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.runtime.data.CsvMarketReader;
import dev.strat.runtime.data.CsvOptions;
import dev.strat.runtime.data.DataRoot;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost of {@code ta(all)} for a whole run: 10 assets x 2,000 daily bars (RiPO's data when
 * it is there), every bar once, then a second episode over the same bars, which the feature
 * serves from the series and Ta4j caches it built in the first.
 */
class TaFeatureSpeedTest {

    @Test
    void allIndicatorsForTenAssetsAndTwoThousandBars() {
        MarketData market = market();
        Feature ta = Features.ta(List.of("all"));
        float[] out = new float[ta.width(market.assets())];
        long start = System.nanoTime();
        float[] last = episode(ta, market, out);
        double first = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        float[] again = episode(ta, market, out);
        double second = (System.nanoTime() - start) / 1e9;
        assertArrayEquals(last, again);
        System.out.printf("ta(all) on %s: %d assets x %d bars x %d values: first episode %.2f s, second %.2f s%n",
                market.name(), market.assets(), market.bars(), out.length / market.assets(), first, second);
        // Generous bounds for a shared 2-core machine; measured 2.5 s and under 10 ms here.
        assertTrue(first < 60, "first episode " + first + " s");
        assertTrue(second < first, "the second episode reuses the first's series: " + second + " s vs " + first + " s");
    }

    private static float[] episode(Feature ta, MarketData market, float[] out) {
        History.Cursor cursor = History.cursor(market, ta.warmup() - 1);
        for (int t = ta.warmup() - 1; t < market.bars(); t++) {
            cursor.advanceTo(t);
            ta.write(cursor.view(), null, out, 0);
        }
        return out.clone();
    }

    private static MarketData market() {
        Path repo = Path.of(System.getProperty("strat.repo.root", "."));
        Path file = DataRoot.resolve(null, Map.of(), repo).dir().resolve("ripo_sp500_top10_daily.csv.gz");
        if (Files.isRegularFile(file)) {
            MarketData m = CsvMarketReader.load(file, CsvOptions.defaults().withSymbols("AAPL", "MSFT", "AMZN", "GOOGL", "TSLA",
                    "GOOG", "UNH", "NVDA", "JNJ", "META")).data();
            return m.slice(0, Math.min(2000, m.bars()));
        }
        return SyntheticMarkets.gbm(10, 2000, 42);
    }
}
