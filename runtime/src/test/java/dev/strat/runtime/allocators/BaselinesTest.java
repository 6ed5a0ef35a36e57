package dev.strat.runtime.allocators;

import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BaselinesTest {

    private static final double TOL = 1e-9;
    private final MarketData market = Drive.market(
            new double[]{10, 20},
            new double[]{11, 18},
            new double[]{12.1, 18},
            new double[]{11, 19.8});

    @Test
    void holdIsAllCash() {
        for (double[] w : Drive.run(new HoldCash("hold"), market, 0, 3)) assertArrayEquals(new double[]{0, 0, 1}, w, TOL);
    }

    @Test
    void buyAndHoldBuysOnceThenDrifts() {
        double[][] w = Drive.run(new BuyAndHold("bah"), market, 0, 3);
        assertArrayEquals(new double[]{0.5, 0.5, 0}, w[0], TOL);
        // bar 1: A x1.1, B x0.9 -> 0.55 / 0.45 of wealth 1.0
        assertArrayEquals(new double[]{0.55, 0.45, 0}, w[1], TOL);
        // bar 2: A x1.1, B x1 -> 0.605 / 0.45 of 1.055
        assertArrayEquals(new double[]{0.605 / 1.055, 0.45 / 1.055, 0}, w[2], TOL);
    }

    @Test
    void ucrpRebalancesToUniformEveryStep() {
        for (double[] w : Drive.run(ConstantRebalanced.uniform("ucrp"), market, 0, 3)) assertArrayEquals(new double[]{0.5, 0.5, 0}, w, TOL);
    }

    @Test
    void crpKeepsGivenWeightsWithCash() {
        double[] target = {0.6, 0.3, 0.1};
        for (double[] w : Drive.run(new ConstantRebalanced("crp", target), market, 1, 3)) assertArrayEquals(target, w, TOL);
    }

    @Test
    void crpRejectsBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> new ConstantRebalanced("crp", new double[]{0.6, 0.6, 0}));
        assertThrows(IllegalArgumentException.class, () -> new ConstantRebalanced("crp", new double[]{1.2, -0.2, 0}));
        ConstantRebalanced wrongSize = new ConstantRebalanced("crp", new double[]{0.5, 0.25, 0.25, 0});
        assertThrows(IllegalArgumentException.class, () -> Drive.run(wrongSize, market, 0, 1));
    }
}
