package dev.strat.runtime.compose;

import dev.strat.runtime.allocators.ConstantRebalanced;
import dev.strat.runtime.allocators.Olmar;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.transform.Constrain;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectTest {

    private static final MarketData MARKET = SyntheticMarkets.gbm(8, 300, 21);
    private static final Backtester BT = new Backtester(new BacktestConfig(1_000_000, 0.001, 0, 0.002));
    private static final int FIRST = 80, LAST = 299, K = 3, EVERY = 10, LOOKBACK = 20;

    /** A then-stage that checks what it may read and proposes uniform weights over its slots. */
    private static final class Spy implements Stage {
        final List<int[]> seen = new ArrayList<>();
        final List<double[]> closes = new ArrayList<>();
        int observed;
        List<String> symbols;

        @Override
        public String label() { return "spy"; }

        @Override
        public void reset(RunSetup setup) { symbols = setup.symbols(); }

        @Override
        public void propose(Decision d, double[] out) {
            History h = d.history();
            assertEquals(K, h.assets());
            assertEquals(K + 1, d.current().length);
            assertEquals(1, Arrays.stream(d.current()).sum(), 1e-9);
            assertThrows(IndexOutOfBoundsException.class, () -> h.close(0, K), "the unpicked columns do not exist");
            assertThrows(IndexOutOfBoundsException.class, () -> h.relative(1, K + 2));
            double[] c = new double[K];
            h.closes(0, c);
            closes.add(c);
            int[] cols = new int[K];
            for (int j = 0; j < K; j++) cols[j] = MARKET.symbols().indexOf(h.symbols().get(j));
            seen.add(cols);
            for (int j = 0; j < K; j++) out[j] = 0.3;
            out[K] = 0.1;
        }

        @Override
        public void observe(Outcome outcome) {
            assertEquals(K + 1, outcome.executed().length);
            assertEquals(K, outcome.relatives().length);
            observed++;
        }
    }

    /** The top K by momentum at decision bar t, computed here from the market directly. */
    private static int[] topByMomentum(MarketData m, int t) {
        Integer[] order = new Integer[m.assets()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(m.close(t, b) / m.close(t - LOOKBACK, b), m.close(t, a) / m.close(t - LOOKBACK, a)));
        int[] top = new int[K];
        for (int j = 0; j < K; j++) top[j] = order[j];
        Arrays.sort(top);
        return top;
    }

    @Test
    void theStageAfterASelectorSeesOnlyThePicksAndTheRestIsZero() {
        Spy spy = new Spy();
        BacktestResult r = BT.run("s", new Select("sel", K, Scorers.momentum(LOOKBACK), EVERY, spy), MARKET, FIRST, LAST, 1);
        assertEquals(Select.slotSymbols(K), spy.symbols);
        assertEquals(LAST - FIRST, spy.seen.size());
        assertEquals(LAST - FIRST, spy.observed);
        int n = MARKET.assets();
        for (int s = 0; s < r.periods(); s++) {
            int[] cols = spy.seen.get(s);
            int[] sorted = cols.clone();
            Arrays.sort(sorted);
            // the picks are the top K of the last pick's decision bar, and only they are held
            assertArrayEquals(topByMomentum(MARKET, FIRST + s - s % EVERY), sorted, "step " + s);
            for (int j = 0; j < K; j++) {
                assertEquals(MARKET.close(FIRST + s, cols[j]), spy.closes.get(s)[j], "slot values are the picked assets'");
                assertEquals(0.3, r.weight(s, cols[j]), 1e-12);
            }
            double outside = 0;
            for (int i = 0; i < n; i++) {
                final int asset = i;
                if (Arrays.stream(cols).noneMatch(c -> c == asset)) outside += r.weight(s, i);
            }
            assertEquals(0, outside);
            assertEquals(0.1, r.weight(s, n), 1e-12);
        }
        long picks = r.reports().counters().entrySet().stream().filter(e -> e.getKey().startsWith("sel/picked/"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        int periods = (LAST - FIRST + EVERY - 1) / EVERY;
        assertEquals((long) K * periods, picks);
        double[] replaced = r.reports().series().get("sel/replaced");
        assertEquals(0, replaced[0]);
        assertTrue(Double.isNaN(replaced[1]));
        for (int s = EVERY; s < replaced.length; s += EVERY) {
            int[] before = spy.seen.get(s - 1), after = spy.seen.get(s);
            int changed = 0;
            for (int j = 0; j < K; j++) {
                if (before[j] != after[j]) changed++;
                // an asset that stays picked keeps its slot
                for (int q = 0; q < K; q++) if (q != j) assertFalse(before[j] == after[q], "asset moved slot at step " + s);
            }
            assertEquals(changed, replaced[s], "step " + s);
        }
    }

    @Test
    void withoutAThenStageThePicksGetEqualWeights() {
        BacktestResult r = BT.run("s", new Select("sel", K, Scorers.momentum(LOOKBACK), EVERY, null), MARKET, FIRST, LAST, 1);
        for (int s = 0; s < r.periods(); s++) {
            int[] top = topByMomentum(MARKET, FIRST + s - s % EVERY);
            for (int i : top) assertEquals(1.0 / K, r.weight(s, i), 1e-12);
            assertEquals(0, r.weight(s, MARKET.assets()));
        }
    }

    @Test
    void aPipelineAfterTheSelectorWorks() {
        Stage then = new Pipeline("p", List.of(new Olmar("olmar", 5, 10), new Constrain("c", 0.5, 0, 0)));
        BacktestResult r = BT.run("s", new Select("sel", K, Scorers.lowVolatility(LOOKBACK), EVERY, then), MARKET, FIRST, LAST, 1);
        for (int s = 0; s < r.periods(); s++) {
            int held = 0;
            for (int i = 0; i < MARKET.assets(); i++) {
                if (r.weight(s, i) > 0) held++;
                assertTrue(r.weight(s, i) <= 0.5 + 1e-9);
            }
            assertTrue(held <= K, "step " + s);
        }
        // the constant stage after a selector is reset for K slots
        Stage crp = new ConstantRebalanced("crp", new double[]{0.5, 0.25, 0.25, 0});
        BacktestResult c = BT.run("s", new Select("sel", K, Scorers.shuffle(), 1, crp), MARKET, FIRST, LAST, 1);
        assertEquals(0.5, Arrays.stream(rowOf(c, 7)).max().orElseThrow(), 1e-12);
    }

    @Test
    void shuffleIsReproducibleForASeedAndLowVolPicksTheCalmest() {
        double[] a = BT.run("s", new Select("sel", K, Scorers.shuffle(), 5, null), MARKET, FIRST, LAST, 1).weights();
        double[] b = BT.run("s", new Select("sel", K, Scorers.shuffle(), 5, null), MARKET, FIRST, LAST, 1).weights();
        double[] c = BT.run("s", new Select("sel", K, Scorers.shuffle(), 5, null), MARKET, FIRST, LAST, 2).weights();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));

        // three calm assets among noisy ones
        double[][] closes = new double[100][5];
        for (int t = 0; t < 100; t++) {
            for (int i = 0; i < 5; i++) closes[t][i] = 100 * (1 + (i % 2 == 0 ? 0.001 : 0.05) * (t % 2 == 0 ? 1 : -1) * (i + 1) / 5.0);
        }
        MarketData m = TestStages.market(List.of("A", "B", "C", "D", "E"), closes);
        BacktestResult r = new Backtester(BacktestConfig.FRICTIONLESS).run("s",
                new Select("sel", 3, Scorers.lowVolatility(10), 1, null), m, 20, 99, 1);
        assertEquals(1.0 / 3, r.weight(0, 0), 1e-12);
        assertEquals(1.0 / 3, r.weight(0, 2), 1e-12);
        assertEquals(1.0 / 3, r.weight(0, 4), 1e-12);
        assertEquals(79L, r.reports().counters().get("sel/picked/C"));
        assertEquals(null, r.reports().counters().get("sel/picked/B"));
    }

    @Test
    void scorersUseNoLaterBars() {
        // the same market up to bar 150, reversed afterwards: every pick up to bar 150 must be the same
        double[][] closes = new double[300][MARKET.assets()];
        double[][] other = new double[300][MARKET.assets()];
        for (int t = 0; t < 300; t++) {
            for (int i = 0; i < MARKET.assets(); i++) {
                closes[t][i] = MARKET.close(t, i);
                other[t][i] = t <= 150 ? MARKET.close(t, i) : MARKET.close(150, i) * MARKET.close(150, i) / MARKET.close(t, i);
            }
        }
        MarketData a = TestStages.market(MARKET.symbols(), closes), b = TestStages.market(MARKET.symbols(), other);
        for (Scorer scorer : List.of(Scorers.momentum(LOOKBACK), Scorers.lowVolatility(LOOKBACK), Scorers.shuffle())) {
            double[] x = BT.run("s", new Select("sel", K, scorer, 1, null), a, FIRST, LAST, 3).weights();
            double[] y = BT.run("s", new Select("sel", K, scorer, 1, null), b, FIRST, LAST, 3).weights();
            int m = MARKET.assets() + 1;
            assertArrayEquals(Arrays.copyOf(x, (150 - FIRST + 1) * m), Arrays.copyOf(y, (150 - FIRST + 1) * m), scorer.label());
            assertFalse(Arrays.equals(x, y) && !scorer.label().equals("shuffle"), scorer.label() + " should react to later bars");
        }
    }

    @Test
    void aScorerSeesTheWholeUniverseAtTheDecisionBarOnly() {
        List<Integer> bars = new ArrayList<>();
        Scorer spy = new Scorer() {
            @Override
            public String label() { return "spy"; }

            @Override
            public void score(History history, double[] scores) {
                bars.add(history.now());
                assertEquals(MARKET.assets(), history.assets());
                assertThrows(dev.strat.runtime.data.LookAheadException.class, () -> history.relative(-1, 0));
                for (int i = 0; i < scores.length; i++) scores[i] = -i;
            }
        };
        BacktestResult r = BT.run("s", new Select("sel", K, spy, EVERY, null), MARKET, FIRST, LAST, 1);
        assertEquals(List.of(FIRST, FIRST + EVERY), bars.subList(0, 2));
        for (int i = 0; i < K; i++) assertEquals(1.0 / K, r.weight(0, i), 1e-12, "the highest scores: the first K assets");
    }

    @Test
    void kMustFitTheUniverse() {
        assertThrows(IllegalArgumentException.class, () -> new Select("sel", 0, Scorers.shuffle(), 1, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BT.run("s", new Select("sel", 9, Scorers.shuffle(), 1, null), MARKET, FIRST, LAST, 1));
        assertTrue(e.getMessage().contains("top(9)"), e.getMessage());
        assertEquals(LOOKBACK + 1, new Select("sel", K, Scorers.momentum(LOOKBACK), 1, null).warmup());
    }

    private static double[] rowOf(BacktestResult r, int step) {
        double[] row = new double[MARKET.assets() + 1];
        for (int j = 0; j < row.length; j++) row[j] = r.weight(step, j);
        return row;
    }
}
