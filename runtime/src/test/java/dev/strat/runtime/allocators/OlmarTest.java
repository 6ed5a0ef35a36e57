package dev.strat.runtime.allocators;

import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OlmarTest {

    @Test
    void movesTowardThePredictedRevertersByHand() {
        MarketData m = Drive.market(
                new double[]{10, 10},
                new double[]{12, 10},
                new double[]{9, 10},
                new double[]{8, 10});
        // bar 2, window 3: x̃_A = (10+12+9)/3/9 = 31/27, x̃_B = 1, mean 29/27, ||x̃ - mean||² = 8/729.
        // b = (1/2, 1/2): b.x̃ = 29/27; lambda = (1.08 - 29/27) / (8/729) = 0.54; step 0.54 * 2/27 = 0.04
        Olmar olmar = new Olmar("olmar", 3, 1.08);
        assertEquals(3, olmar.warmup());
        double[][] w = Drive.run(olmar, m, 2, 3);
        assertArrayEquals(new double[]{0.54, 0.46, 0}, w[0], 1e-9);
        // bar 3: x̃_A = (12+9+8)/3/8 = 29/24, b.x̃ = 0.54*29/24 + 0.46 = 1.1125 >= eps: passive, no change
        assertArrayEquals(new double[]{0.54, 0.46, 0}, w[1], 1e-9);
    }

    @Test
    void largeEpsilonGoesAllInOnTheBiggestPredictedReverter() {
        MarketData m = Drive.market(new double[]{10, 10, 10}, new double[]{12, 10, 9}, new double[]{9, 10, 9.5});
        double[][] w = Drive.run(new Olmar("olmar", 3, 10), m, 2, 2);
        // x̃ = (31/27, 1, 1): A has the largest predicted relative; the projection of a
        // huge step lands on the vertex of A
        assertArrayEquals(new double[]{1, 0, 0, 0}, w[0], 1e-9);
    }
}
