package dev.strat.runtime.allocators;

import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class PamrTest {

    // x1 = (1.2, 0.9): b.x = 1.05, mean 1.05, x - mean = (0.15, -0.15), ||.||² = 0.045
    private final MarketData two = Drive.market(new double[]{10, 10}, new double[]{12, 9});

    @Test
    void pamrStepByHand() {
        // eps = 1: loss 0.05, tau = 0.05 / 0.045 = 10/9, b = 1/2 -+ (10/9)(0.15) = (1/3, 2/3)
        double[][] w = Drive.run(new Pamr("pamr", 1.0, 500, Pamr.Variant.PAMR), two, 0, 1);
        assertArrayEquals(new double[]{0.5, 0.5, 0}, w[0], 1e-12);
        assertArrayEquals(new double[]{1 / 3.0, 2 / 3.0, 0}, w[1], 1e-9);
    }

    @Test
    void pamr1CapsTheStepAtC() {
        // eps = 0.5: loss 0.55, loss/||.||² = 12.2 > C = 1 -> tau = 1, b = (0.35, 0.65)
        double[][] w = Drive.run(new Pamr("pamr1", 0.5, 1, Pamr.Variant.PAMR1), two, 0, 1);
        assertArrayEquals(new double[]{0.35, 0.65, 0}, w[1], 1e-9);
    }

    @Test
    void pamr2SoftensTheStep() {
        // tau = 0.55 / (0.045 + 1/2) with C = 1
        double tau = 0.55 / 0.545;
        double[][] w = Drive.run(new Pamr("pamr2", 0.5, 1, Pamr.Variant.PAMR2), two, 0, 1);
        assertArrayEquals(new double[]{0.5 - 0.15 * tau, 0.5 + 0.15 * tau, 0}, w[1], 1e-9);
    }

    @Test
    void passiveWhenTheReturnIsBelowEps() {
        double[][] w = Drive.run(new Pamr("pamr", 1.1, 500, Pamr.Variant.PAMR), two, 0, 1);
        assertArrayEquals(new double[]{0.5, 0.5, 0}, w[1], 1e-12);
    }

    @Test
    void projectsBackOntoTheSimplex() {
        // x = (1.2, 1.0, 0.8), eps 0.5: tau = 0.5/0.08 = 6.25, b - tau(x - 1) = (1/3 - 1.25, 1/3, 1/3 + 1.25);
        // Duchi: theta = 1/3 + 1.25 - 1 = 0.5833, the projection is the vertex of the loser C
        MarketData three = Drive.market(new double[]{10, 10, 10}, new double[]{12, 10, 8});
        double[][] w = Drive.run(new Pamr("pamr", 0.5, 500, Pamr.Variant.PAMR), three, 0, 1);
        assertArrayEquals(new double[]{0, 0, 1, 0}, w[1], 1e-9);
        // eps 0.95: tau = 0.625, b = (1/3 - 0.125, 1/3, 1/3 + 0.125) stays inside
        w = Drive.run(new Pamr("pamr", 0.95, 500, Pamr.Variant.PAMR), three, 0, 1);
        assertArrayEquals(new double[]{1 / 3.0 - 0.125, 1 / 3.0, 1 / 3.0 + 0.125, 0}, w[1], 1e-9);
    }
}
