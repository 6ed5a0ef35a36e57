package dev.strat.runtime.allocators;

import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExponentiatedGradientTest {

    @Test
    void followsTheMultiplicativeUpdateByHand() {
        MarketData m = Drive.market(
                new double[]{10, 10},
                new double[]{11, 9},        // x1 = (1.1, 0.9)
                new double[]{10.45, 9.45}); // x2 = (0.95, 1.05)
        double eta = 0.5;
        double[][] w = Drive.run(new ExponentiatedGradient("eg", eta), m, 0, 2);
        assertArrayEquals(new double[]{0.5, 0.5, 0}, w[0], 1e-12);
        // the decision at bar 0 saw no period yet; at bar 1 it learns x1 with w.x = 1.0:
        // w_A ∝ 0.5 e^{0.55}, w_B ∝ 0.5 e^{0.45}  ->  w_A = 1 / (1 + e^{-0.1})
        double a1 = 1 / (1 + Math.exp(-0.1));
        assertEquals(0.52497918747894, a1, 1e-13);
        assertArrayEquals(new double[]{a1, 1 - a1, 0}, w[1], 1e-9);
        double wx = a1 * 0.95 + (1 - a1) * 1.05;
        double ea = a1 * Math.exp(eta * 0.95 / wx), eb = (1 - a1) * Math.exp(eta * 1.05 / wx);
        assertArrayEquals(new double[]{ea / (ea + eb), eb / (ea + eb), 0}, w[2], 1e-9);
    }

    @Test
    void zeroLearningRateIsUniform() {
        MarketData m = Drive.random(3, 30, 1);
        for (double[] w : Drive.run(new ExponentiatedGradient("eg", 0), m, 0, 29)) {
            assertArrayEquals(new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0, 0}, w, 1e-12);
        }
    }

    @Test
    void learnsFromTheWholePeriodWhenDecisionsAreSpaced() {
        // decisions at bars 0 and 2 only: the period relative is close_2 / close_0
        MarketData m = Drive.market(new double[]{10, 10}, new double[]{20, 10}, new double[]{11, 9});
        ExponentiatedGradient eg = new ExponentiatedGradient("eg", 1.0);
        eg.reset(new dev.strat.runtime.pipeline.RunSetup(m.symbols(), m.frequency(), 1, 0, 2));
        dev.strat.runtime.data.History.Cursor cursor = dev.strat.runtime.data.History.cursor(m, 0);
        dev.strat.runtime.data.History h = cursor.view();
        double[] out = new double[3], cur = {0, 0, 1};
        eg.propose(new dev.strat.runtime.pipeline.Decision(h, 0, cur, cur, 1), out);
        cursor.advanceTo(2);
        eg.propose(new dev.strat.runtime.pipeline.Decision(h, 1, cur, cur, 1), out);
        double a = 1 / (1 + Math.exp(-0.2)); // x = (1.1, 0.9), w.x = 1
        assertArrayEquals(new double[]{a, 1 - a, 0}, out, 1e-9);
    }
}
