package dev.strat.runtime.allocators;

import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Properties every allocator must have, checked on a random 10-asset, 300-bar market. */
class AllocatorContractTest {

    private static final int ASSETS = 10;
    private static final int BARS = 300;

    private static List<Supplier<Stage>> allocators() {
        return List.of(
                () -> new HoldCash("hold"),
                () -> new BuyAndHold("bah"),
                () -> ConstantRebalanced.uniform("ucrp"),
                () -> new ExponentiatedGradient("eg", 0.05),
                () -> new ExponentiatedGradient("eg", 50),
                () -> new Olmar("olmar", 5, 10),
                () -> new Pamr("pamr", 0.5, 500, Pamr.Variant.PAMR),
                () -> new Pamr("pamr1", 0.5, 5, Pamr.Variant.PAMR1),
                () -> new Pamr("pamr2", 0.5, 5, Pamr.Variant.PAMR2),
                () -> new Corn("corn", 5, 0.1, 1000),
                () -> new TimeSeriesMomentum("tsm", 60, 5),
                () -> new CrossSectionalMomentum("csm", 60, 3),
                () -> new BollingerReversion("mr", 20, 1),
                () -> new MeanVariance("mvo", 60, 5, 0.4));
    }

    @Test
    void everyAllocatorProposesValidWeightsEveryStep() {
        MarketData m = Drive.random(ASSETS, BARS, 11);
        for (Supplier<Stage> make : allocators()) {
            Stage s = make.get();
            int first = Math.max(0, s.warmup() - 1);
            for (double[] w : Drive.run(s, m, first, BARS - 1)) {
                try {
                    Drive.assertValid(w);
                } catch (AssertionError e) {
                    throw new AssertionError(s.label() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Test
    void noAllocatorReadsTheFuture() {
        // two markets equal up to bar 199 and different afterwards: every decision up to bar 199
        // must be identical. History also throws on any negative lag, so a peek would fail loudly.
        MarketData a = Drive.random(ASSETS, BARS, 5);
        MarketData b = withDifferentFuture(a, 200);
        for (Supplier<Stage> make : allocators()) {
            Stage s = make.get();
            int first = Math.max(0, s.warmup() - 1);
            double[][] wa = Drive.run(s, a, first, BARS - 1);
            double[][] wb = Drive.run(make.get(), b, first, BARS - 1);
            for (int t = first; t < 200; t++) assertArrayEquals(wa[t - first], wb[t - first], 0, s.label() + " at bar " + t);
        }
    }

    @Test
    void runsAreReproducibleAfterReset() {
        MarketData m = Drive.random(ASSETS, 120, 3);
        for (Supplier<Stage> make : allocators()) {
            Stage s = make.get();
            double[][] first = Drive.run(s, m, 0, 119);
            double[][] second = Drive.run(s, m, 0, 119);
            for (int k = 0; k < first.length; k++) assertArrayEquals(first[k], second[k], 0, s.label());
        }
    }

    private static MarketData withDifferentFuture(MarketData m, int from) {
        double[][] rows = new double[m.bars()][m.assets()];
        for (int t = 0; t < m.bars(); t++) {
            for (int i = 0; i < m.assets(); i++) {
                rows[t][i] = t < from ? m.close(t, i) : m.close(t, i) * (1 + 0.3 * Math.sin(7 * t + i));
            }
        }
        return Drive.market(rows);
    }
}
