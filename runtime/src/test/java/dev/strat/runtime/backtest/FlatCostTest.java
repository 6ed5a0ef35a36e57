package dev.strat.runtime.backtest;

import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.RunSetup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlatCostTest {

    /** A: 100 -> 110 -> 99 -> 108.9 (relatives 1.1, 0.9, 1.1); B: 50 -> 50 -> 55 -> 55 (1, 1.1, 1). */
    private static final MarketData TWO = TestStages.market(List.of("A", "B"), new double[][]{
            {100, 50}, {110, 50}, {99, 55}, {108.9, 55}});
    private static final double[][] RELATIVES = {{1.1, 1.0}, {0.9, 1.1}, {1.1, 1.0}};

    private static BacktestConfig flat(double rate, double perturb) {
        return new BacktestConfig(1000, 0, 0, 0).withCostModel(new FlatCost(rate, perturb));
    }

    @Test
    void withoutPerturbationWealthFollowsTheAuthorsStepReturn() {
        BacktestResult r = new Backtester(flat(0.001, 0)).run("w", TestStages.constant("w", 0.5, 0.3, 0.2), TWO, 0, 3, 1);
        // r_t = sum_i w_i (x_i - 1) - c; cash earns nothing
        double r0 = 0.5 * 0.1 + 0.3 * 0.0 - 0.001;
        double r1 = 0.5 * -0.1 + 0.3 * 0.1 - 0.001;
        double r2 = 0.5 * 0.1 + 0.3 * 0.0 - 0.001;
        double v1 = 1000 * (1 + r0), v2 = v1 * (1 + r1), v3 = v2 * (1 + r2);
        assertArrayEquals(new double[]{1000, v1, v2, v3}, r.wealth(), 1e-9);
        assertEquals(1049.0, v1, 1e-12);
        // the recorded cost is the equivalent fraction charged at the rebalance: c / gross
        assertArrayEquals(new double[]{0.001 / 1.05, 0.001 / 0.98, 0.001 / 1.05}, r.costs(), 1e-15);
    }

    @Test
    void theFlatCostIsChargedEvenWhenNothingTrades() {
        BacktestResult r = new Backtester(flat(0.002, 0)).run("cash", TestStages.constant("cash", 0, 0, 1), TWO, 0, 3, 1);
        assertArrayEquals(new double[]{1000, 998, 998 * 0.998, 998 * 0.998 * 0.998}, r.wealth(), 1e-9);
    }

    @Test
    void perturbedClosesMatchAHandComputedPathFromTheRunsStream() {
        double c = 0.001, s = 0.01;
        double[] w = {0.6, 0.4, 0};
        long seed = 7;
        BacktestResult r = new Backtester(flat(c, s)).run("w", TestStages.constant("w", w), TWO, 0, 3, seed);

        // the model draws u_i ~ U(-s, s) per asset per step from random("perturb") of the run
        SplittableRandom u = new RunSetup(TWO.symbols(), TWO.frequency(), seed, 0, 3).random("perturb");
        double v = 1000;
        double[] expected = new double[4];
        expected[0] = v;
        for (int t = 0; t < 3; t++) {
            double step = -c;
            for (int i = 0; i < 2; i++) step += w[i] * (RELATIVES[t][i] * (1 + u.nextDouble(-s, s)) - 1);
            v *= 1 + step;
            expected[t + 1] = v;
        }
        assertArrayEquals(expected, r.wealth(), 1e-9);
        BacktestResult unperturbed = new Backtester(flat(c, 0)).run("w", TestStages.constant("w", w), TWO, 0, 3, seed);
        assertFalse(java.util.Arrays.equals(unperturbed.wealth(), r.wealth()), "the perturbation moves wealth");
    }

    @Test
    void sameSeedSamePathAnotherSeedAnotherPath() {
        Backtester bt = new Backtester(flat(0.001, 0.001));
        MarketData market = dev.strat.runtime.data.RandomWalkMarket.of(4, 300, 5);
        BacktestResult a = bt.run("r", TestStages.randomWeights(), market, 0, 299, 3);
        BacktestResult b = bt.run("r", TestStages.randomWeights(), market, 0, 299, 3);
        BacktestResult c = bt.run("r", TestStages.constant("r", 0.2, 0.2, 0.2, 0.2, 0.2), market, 0, 299, 4);
        BacktestResult d = bt.run("r", TestStages.constant("r", 0.2, 0.2, 0.2, 0.2, 0.2), market, 0, 299, 5);
        assertArrayEquals(a.wealth(), b.wealth(), 0);
        assertArrayEquals(a.costs(), b.costs(), 0);
        assertFalse(java.util.Arrays.equals(c.wealth(), d.wealth()));
    }

    @Test
    void describesItselfAndRejectsImpossibleRates() {
        assertEquals("flat 0.1% of wealth every step, closes perturbed by up to 0.1%", new FlatCost(0.001, 0.001).describe());
        assertTrue(new FlatCost(0, 0).frictionless());
        assertFalse(new FlatCost(0, 0.001).frictionless());
        assertThrows(IllegalArgumentException.class, () -> new FlatCost(-0.001, 0));
        assertThrows(IllegalArgumentException.class, () -> new FlatCost(0.001, 1));
        assertThrows(IllegalArgumentException.class, () -> new FlatCost(Double.NaN, 0));
    }
}
