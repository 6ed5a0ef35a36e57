package dev.strat.runtime.backtest;

import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.RandomWalkMarket;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backtests that start from given holdings: the legs of one account whose model changes. */
class CarriedHoldingsTest {

    /** A: 100 -> 110 -> 99 -> 108.9 (relatives 1.1, 0.9, 1.1); B: 50 -> 50 -> 55 -> 55 (1, 1.1, 1). */
    private static final MarketData TWO = TestStages.market(List.of("A", "B"), new double[][]{
            {100, 50}, {110, 50}, {99, 55}, {108.9, 55}});
    private static final MarketData WALK = RandomWalkMarket.of(4, 240, 11);

    @Test
    void startingFromHeldWeightsPaysOnlyForTheTradesAwayFromThem() {
        Backtester bt = new Backtester(new BacktestConfig(1000, 0.01, 0, 0));
        Holdings half = new Holdings(new double[]{0.5, 0.5, 0}, 2000);
        List<double[]> seen = new ArrayList<>();
        Stage fifty = new Stage() {
            public String label() { return "half"; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) {
                seen.add(new double[]{d.current()[0], d.current()[1], d.current()[2], d.wealth()});
                out[0] = 0.5; out[1] = 0.5; out[2] = 0;
            }
        };
        Backtester.Leg leg = bt.run("half", fifty, TWO, 0, 2, 1, half, ProgressListener.NONE);
        BacktestResult r = leg.result();
        // step 0 holds what it wants already: no trade, no cost; gross 1.05
        // step 1 trades back from the drift (0.55, 0.5) / 1.05, as in the run that starts in cash
        double v1 = 2000 * 1.05;
        double c1 = 0.01 * 0.05 / 1.05;
        assertArrayEquals(new double[]{2000, v1, v1 * (1 - c1)}, r.wealth(), 1e-9);
        assertArrayEquals(new double[]{0, c1}, r.costs(), 1e-15);
        assertEquals(0, r.turnover()[0]);
        assertArrayEquals(new double[]{0.5, 0.5, 0, 2000}, seen.get(0), 0, "the stage sees the holdings as current");
        // the account ends with the weights drifted by bar 2 (0.45, 0.55) and the final wealth
        assertArrayEquals(new double[]{0.45, 0.55, 0}, leg.end().weights(), 1e-15);
        assertEquals(r.finalWealth(), leg.end().wealth());
    }

    @Test
    void startingInCashWithTheCapitalIsThePlainRunBitForBit() {
        BacktestConfig config = new BacktestConfig(1e6, 0.002, 0, 0.001, 0.03);
        Backtester bt = new Backtester(config);
        BacktestResult plain = bt.run("rnd", TestStages.randomWeights(), WALK, 20, 200, 7);
        Backtester.Leg leg = bt.run("rnd", TestStages.randomWeights(), WALK, 20, 200, 7,
                Holdings.cash(WALK.assets(), config.capital()), ProgressListener.NONE);
        assertArrayEquals(plain.wealth(), leg.result().wealth());
        assertArrayEquals(plain.weights(), leg.result().weights());
        assertArrayEquals(plain.turnover(), leg.result().turnover());
        assertArrayEquals(plain.costs(), leg.result().costs());
        assertEquals(plain.finalWealth(), leg.end().wealth());
        double sum = 0;
        for (double w : leg.end().weights()) sum += w;
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void legsOfOneAccountGiveExactlyItsContinuousRun() {
        // a deterministic cost model and a risk-free rate on cash, so drift touches every column
        BacktestConfig config = new BacktestConfig(1e6, 0.0025, 0.0005, 0.0005, 0.02);
        Backtester bt = new Backtester(config);
        Stage fixed = TestStages.constant("fixed", 0.3, 0.2, 0.1, 0.3, 0.1);
        BacktestResult continuous = bt.run("fixed", fixed, WALK, 30, 210, 3);

        int[] cuts = {30, 75, 76, 140, 210};
        Holdings at = Holdings.cash(WALK.assets(), config.capital());
        List<BacktestResult> legs = new ArrayList<>();
        for (int k = 0; k + 1 < cuts.length; k++) {
            Backtester.Leg leg = bt.run("fixed", fixed, WALK, cuts[k], cuts[k + 1], 3, at, ProgressListener.NONE);
            legs.add(leg.result());
            at = leg.end();
        }
        int from = 0;
        for (BacktestResult leg : legs) {
            int p = leg.periods();
            assertArrayEquals(Arrays.copyOfRange(continuous.wealth(), from, from + p + 1), leg.wealth());
            assertArrayEquals(Arrays.copyOfRange(continuous.costs(), from, from + p), leg.costs());
            assertArrayEquals(Arrays.copyOfRange(continuous.turnover(), from, from + p), leg.turnover());
            from += p;
        }
        assertEquals(continuous.periods(), from);
        assertEquals(continuous.finalWealth(), at.wealth());

        // each leg restarted from cash pays the full purchase again at its first decision
        BacktestResult fresh = bt.run("fixed", fixed, WALK, 75, 76, 3);
        assertEquals(0.0025 + 0.0005, fresh.costs()[0] / 0.9, 1e-12);
        assertTrue(legs.get(1).costs()[0] < fresh.costs()[0] / 20, "carried " + legs.get(1).costs()[0]);
    }

    @Test
    void warmUpLetsCarriedHoldingsDriftWithoutTrading() {
        List<Integer> asked = new ArrayList<>();
        Stage slow = new Stage() {
            public String label() { return "slow"; }
            public int warmup() { return 3; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) {
                asked.add(d.step());
                out[0] = 1; out[1] = 0; out[2] = 0;
            }
        };
        BacktestResult r = new Backtester(new BacktestConfig(1000, 0.01, 0, 0)).run("slow", slow, TWO, 0, 3, 1,
                new Holdings(new double[]{0.5, 0.5, 0}, 1000), ProgressListener.NONE).result();
        assertEquals(List.of(2), asked);
        // steps 0 and 1 hold and drift: no turnover, no cost
        assertArrayEquals(new double[]{0.5, 0.5, 0, 0.55 / 1.05, 0.5 / 1.05, 0}, Arrays.copyOf(r.weights(), 6), 1e-15);
        assertEquals(0, r.turnover()[0]);
        assertEquals(0, r.turnover()[1], 1e-15);
        assertEquals(0, r.costs()[1], 1e-17);
        assertEquals(1000 * 1.05, r.wealth()[1], 1e-9);
        assertEquals(1000 * 1.045, r.wealth()[2], 1e-9); // the drift earns (0.55 * 0.9 + 0.5 * 1.1) / 1.05
    }

    @Test
    void startingHoldingsAreCheckedLikeAProposal() {
        Backtester bt = new Backtester(BacktestConfig.FRICTIONLESS);
        Stage half = TestStages.constant("half", 0.5, 0.5, 0);
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> bt.run("h", half, TWO, 0, 2, 1,
                new Holdings(new double[]{0.25, 0.25, 0.25, 0.25}, 1), ProgressListener.NONE));
        assertEquals("a backtest on 2 assets cannot start from holdings of 3 assets (3 weights, cash last, are needed)",
                wide.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> bt.run("h", half, TWO, 0, 2, 1,
                new Holdings(new double[]{-0.1, 0.6, 0.5}, 1), ProgressListener.NONE));
        assertTrue(negative.getMessage().startsWith("a backtest cannot start from weight -0.1 for A"), negative.getMessage());
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> bt.run("h", half, TWO, 0, 2, 1,
                new Holdings(new double[]{0.4, 0.5, 0}, 1), ProgressListener.NONE));
        assertTrue(sum.getMessage().startsWith("a backtest cannot start from weights summing to 0.9"), sum.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Holdings(new double[]{0, 0, 1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new Holdings(new double[]{0, 0, 1}, Double.NaN));
        // noise is accepted: negatives down to -1e-12 are clipped, a sum within 1e-6 is kept as it is
        BacktestResult ok = bt.run("h", half, TWO, 0, 1, 1, new Holdings(new double[]{0.5 + 1e-9, 0.5, -1e-13}, 10),
                ProgressListener.NONE).result();
        assertEquals(10, ok.capital());
        // holdings are values: copied in and out
        double[] w = {0, 0, 1};
        Holdings h = new Holdings(w, 5);
        w[0] = 1;
        h.weights()[1] = 1;
        assertEquals(Holdings.cash(2, 5), h);
    }
}
