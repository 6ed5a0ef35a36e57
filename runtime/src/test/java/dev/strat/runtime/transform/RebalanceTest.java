package dev.strat.runtime.transform;

import dev.strat.runtime.allocators.Drive;
import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RebalanceTest {

    private final MarketData m = Drive.market(
            new double[]{10, 10}, new double[]{11, 9}, new double[]{12, 9}, new double[]{12, 8},
            new double[]{13, 8}, new double[]{13, 9}, new double[]{14, 9});
    private final double[][] target = constant(new double[]{0.5, 0.5, 0}, 7);

    @Test
    void passesThroughEveryKthDecisionAndHoldsOtherwise() {
        double[][] w = Drive.run(new Rebalance("rebalance", 3, 0), m, 0, 6, target);
        // decisions 0, 3, 6 trade to the target; in between the drifted holdings are kept
        assertArrayEquals(target[0], w[0], 1e-12);
        double a = 0.5 * 1.1, b = 0.5 * 0.9;
        assertArrayEquals(new double[]{a / (a + b), b / (a + b), 0}, w[1], 1e-12);
        double a2 = a * 12 / 11, b2 = b;
        assertArrayEquals(new double[]{a2 / (a2 + b2), b2 / (a2 + b2), 0}, w[2], 1e-12);
        assertArrayEquals(target[3], w[3], 1e-12);
        assertArrayEquals(target[6], w[6], 1e-12);
        for (int k : new int[]{4, 5}) {
            assertArrayEquals(driftedFrom(target[3], 3, k), w[k], 1e-12);
        }
    }

    @Test
    void everyOneIsAPassThrough() {
        double[][] w = Drive.run(new Rebalance("rebalance", 1, 0), m, 0, 6, target);
        for (double[] x : w) assertArrayEquals(target[0], x, 0);
    }

    @Test
    void driftBandTradesWhenHoldingsWanderTooFar() {
        // with every = 0 only the drift band can trigger a trade after the first decision
        double[][] w = Drive.run(new Rebalance("rebalance", 0, 0.15), m, 0, 6, target);
        assertArrayEquals(target[0], w[0], 1e-12);
        // after bar 1 the holdings are (0.55, 0.45): L1 distance 0.1 <= 0.15, hold
        assertArrayEquals(new double[]{0.55, 0.45, 0}, w[1], 1e-12);
        // after bar 2: (0.6/1.05, 0.45/1.05) = (0.5714, 0.4286): L1 0.143 <= 0.15, hold
        assertArrayEquals(new double[]{0.6 / 1.05, 0.45 / 1.05, 0}, w[2], 1e-12);
        // after bar 3: B falls to 8 -> (0.6, 0.4)/1.0: L1 0.2 > 0.15, trade back to the target
        assertArrayEquals(target[3], w[3], 1e-12);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Rebalance("r", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Rebalance("r", -1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Rebalance("r", 1, -0.1));
    }

    private double[] driftedFrom(double[] w, int from, int to) {
        double a = w[0], b = w[1];
        for (int t = from + 1; t <= to; t++) {
            a *= m.relative(t, 0);
            b *= m.relative(t, 1);
        }
        return new double[]{a / (a + b), b / (a + b), 0};
    }

    private static double[][] constant(double[] w, int steps) {
        double[][] out = new double[steps][];
        for (int k = 0; k < steps; k++) out[k] = w.clone();
        return out;
    }
}
