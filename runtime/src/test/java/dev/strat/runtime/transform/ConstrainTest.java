package dev.strat.runtime.transform;

import dev.strat.runtime.allocators.Drive;
import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstrainTest {

    private final SplittableRandom rnd = new SplittableRandom(9);

    @Test
    void capsAPositionAndSpreadsTheExcessEqually() {
        // (0.7, 0.2, 0.1 cash) with max 40%: tau solves 0.4 + (0.2 - tau) + (0.1 - tau) = 1 -> tau = -0.15
        double[] out = project(2, 0.4, 0, 0, new double[]{0.7, 0.2, 0.1});
        assertArrayEquals(new double[]{0.4, 0.35, 0.25}, out, 1e-12);
    }

    @Test
    void enforcesACashFloor() {
        // (0.5, 0.5, 0) with min_cash 10%: the cash bound binds, each asset gives up 5%
        assertArrayEquals(new double[]{0.45, 0.45, 0.1}, project(2, 1, 0, 0.1, new double[]{0.5, 0.5, 0}), 1e-12);
    }

    @Test
    void leavesFeasibleProposalsAlone() {
        double[] w = {0.3, 0.3, 0.2, 0.2};
        assertArrayEquals(w, project(3, 0.35, 0.1, 0.05, w), 1e-12);
    }

    @Test
    void isTheNearestFeasiblePointByBruteForceOnThreeCoordinates() {
        for (int trial = 0; trial < 40; trial++) {
            double max = 0.3 + 0.7 * rnd.nextDouble();
            double min = Math.min(max, 0.3 * rnd.nextDouble());
            double minCash = Math.max(0, Math.min(1 - 2 * min, 0.4 * rnd.nextDouble()));
            double[] v = randomSimplexPoint(3);
            double[] p = project(2, max, min, minCash, v);
            assertFeasible(p, max, min, minCash);
            double best = Double.POSITIVE_INFINITY;
            double[] arg = null;
            double h = 0.001;
            for (int a = 0; a <= 1000; a++) {
                for (int b = 0; a + b <= 1000; b++) {
                    double[] q = {a * h, b * h, 1 - (a + b) * h};
                    if (q[0] < min - 1e-12 || q[0] > max + 1e-12 || q[1] < min - 1e-12 || q[1] > max + 1e-12 || q[2] < minCash - 1e-12) continue;
                    double d = dist(v, q);
                    if (d < best) {
                        best = d;
                        arg = q;
                    }
                }
            }
            assertNotNull(arg);
            // no grid point is nearer, and the grid's best is within a grid step of the projection
            assertTrue(dist(v, p) <= best + 1e-12, "trial " + trial);
            for (int i = 0; i < 3; i++) assertEquals(arg[i], p[i], 2 * h, "trial " + trial);
        }
    }

    @Test
    void outputsSatisfyTheBoundsForArbitraryProposals() {
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + rnd.nextInt(12);
            double max = 0.05 + 0.95 * rnd.nextDouble();
            double min = Math.min(max, rnd.nextDouble() / n);
            double minCash = (1 - n * min) * rnd.nextDouble();
            double[] v = randomSimplexPoint(n + 1);
            double[] p = project(n, max, min, minCash, v);
            assertFeasible(p, max, min, minCash);
            double[] again = project(n, max, min, minCash, p);
            assertArrayEquals(p, again, 1e-12, "idempotent");
        }
    }

    @Test
    void reportsInfeasibleBounds() {
        assertNull(Constrain.check(5, 0.2, 0.2, 0));
        String tooMuch = Constrain.check(5, 0.4, 0.2, 0.1);
        assertNotNull(tooMuch);
        assertTrue(tooMuch.contains("110%"), tooMuch);
        assertTrue(Constrain.check(3, 0.1, 0.2, 0).contains("exceeds max_weight"));
        Constrain bad = new Constrain("constrain", 0.4, 0.3, 0.2);
        MarketData m = Drive.market(new double[]{1, 1, 1}, new double[]{1, 1, 1});
        assertThrows(IllegalArgumentException.class, () -> Drive.run(bad, m, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BoundedSimplex(new double[]{0.6, 0.6}, new double[]{1, 1}));
    }

    @Test
    void transformsTheProposalNotTheHoldings() {
        MarketData m = Drive.market(new double[]{1, 1}, new double[]{1.1, 0.9});
        double[][] proposals = {{0.9, 0.1, 0}, {0.1, 0.9, 0}};
        double[][] w = Drive.run(new Constrain("constrain", 0.6, 0, 0), m, 0, 1, proposals);
        assertArrayEquals(new double[]{0.6, 0.25, 0.15}, w[0], 1e-12);
        assertArrayEquals(new double[]{0.25, 0.6, 0.15}, w[1], 1e-12);
    }

    private static double[] project(int n, double max, double min, double minCash, double[] v) {
        double[] lo = new double[n + 1], hi = new double[n + 1];
        for (int i = 0; i < n; i++) {
            lo[i] = min;
            hi[i] = max;
        }
        lo[n] = minCash;
        hi[n] = 1;
        double[] out = new double[n + 1];
        new BoundedSimplex(lo, hi).project(v, out);
        return out;
    }

    private static void assertFeasible(double[] p, double max, double min, double minCash) {
        int n = p.length - 1;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(p[i] >= min - 1e-12 && p[i] <= max + 1e-12, "weight " + p[i] + " outside [" + min + ", " + max + "]");
            sum += p[i];
        }
        assertTrue(p[n] >= minCash - 1e-12, "cash " + p[n] + " below " + minCash);
        assertEquals(1, sum + p[n], 1e-12);
    }

    private double[] randomSimplexPoint(int n) {
        double[] q = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            q[i] = -Math.log(1 - rnd.nextDouble());
            sum += q[i];
        }
        for (int i = 0; i < n; i++) q[i] /= sum;
        return q;
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }
}
