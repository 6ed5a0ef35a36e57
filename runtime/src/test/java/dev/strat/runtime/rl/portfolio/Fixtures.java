package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.CsvMarketReader;
import dev.strat.runtime.data.CsvOptions;
import dev.strat.runtime.data.DataRoot;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Markets and feature sets shared by the portfolio tests. */
final class Fixtures {

    private Fixtures() {
    }

    private static MarketData real;

    /**
     * Five US large caps, the first 700 bars (2003-10-30 on), from shared/data; a synthetic
     * market with OHLCV when the shared data is not there.
     */
    static synchronized MarketData market() {
        if (real == null) {
            Path repo = Path.of(System.getProperty("strat.repo.root", "."));
            DataRoot root = DataRoot.resolve(null, Map.of(), repo);
            Path file = root.dir().resolve("us_large_caps_daily.csv.gz");
            MarketData m = Files.isRegularFile(file)
                    ? CsvMarketReader.load(file, CsvOptions.defaults().withSymbols("AAPL", "MSFT", "JPM", "XOM", "^GSPC")).data()
                    : SyntheticMarkets.gbm(5, 700, 42);
            real = m.slice(0, 700);
        }
        return real;
    }

    /** Every feature the factory offers (tensor features share window 5). */
    static List<Feature> allFeatures() {
        return List.of(Features.returns(5), Features.prices(5), Features.ohlcv(5), Features.volatility(5),
                Features.volatilityRaw(5), Features.covariance(21), Features.ta(List.of("all")), Features.weights(),
                Features.logWealth());
    }

    /**
     * A copy of {@code market} whose bars after {@code t} hold different prices and volumes
     * (each value scaled by a random factor in 0.5..1.5); bars up to {@code t} are untouched.
     */
    static MarketData garbageAfter(MarketData market, int t, long seed) {
        int bars = market.bars(), n = market.assets();
        long[] times = new long[bars];
        double[] o = new double[bars * n], h = new double[bars * n], l = new double[bars * n], c = new double[bars * n],
                v = new double[bars * n];
        for (int b = 0; b < bars; b++) {
            times[b] = market.time(b);
            for (int i = 0; i < n; i++) {
                int k = b * n + i;
                o[k] = market.open(b, i);
                h[k] = market.high(b, i);
                l[k] = market.low(b, i);
                c[k] = market.close(b, i);
                v[k] = market.volume(b, i);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = (t + 1) * n; k < c.length; k++) {
            c[k] *= rng.nextDouble(0.5, 1.5);
            o[k] *= rng.nextDouble(0.5, 1.5);
            h[k] = Math.max(h[k] * rng.nextDouble(0.5, 1.5), Math.max(o[k], c[k]));
            l[k] = Math.min(l[k] * rng.nextDouble(0.5, 1.5), Math.min(o[k], c[k]));
            v[k] *= rng.nextDouble(0.5, 1.5);
        }
        return new MarketData(market.name() + " garbage after " + t, market.symbols(), market.classes(), times, o, h, l, c,
                v, market.frequency());
    }

    /** A non-trivial account: weights 0.1, 0.2, ... renormalised with cash last, wealth 1.3 of the initial. */
    static AccountState account(int assets) {
        double[] w = new double[assets + 1];
        double sum = 0;
        for (int j = 0; j <= assets; j++) sum += w[j] = j + 1;
        for (int j = 0; j <= assets; j++) w[j] /= sum;
        return new AccountState(w, 1.3e6, 1e6);
    }
}
