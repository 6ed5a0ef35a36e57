package dev.strat.runtime.allocators;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimplexTest {

    private final SplittableRandom rnd = new SplittableRandom(42);

    @Test
    void projectionLiesOnTheSimplexAndIsIdempotent() {
        for (int n = 1; n <= 12; n++) {
            Simplex s = new Simplex(n);
            for (int trial = 0; trial < 200; trial++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = rnd.nextDouble(-3, 3);
                double[] p = new double[n], q = new double[n];
                s.project(v, p);
                double sum = 0;
                for (double x : p) {
                    assertTrue(x >= 0);
                    sum += x;
                }
                assertEquals(1, sum, 1e-12);
                s.project(p, q);
                assertArrayEquals(p, q, 1e-12);
            }
        }
    }

    @Test
    void matchesTheClosedFormInTwoDimensions() {
        // the nearest point of the segment {(w, 1 - w)} to (a, b) is w = clip((1 + a - b) / 2, 0, 1)
        Simplex s = new Simplex(2);
        for (int trial = 0; trial < 500; trial++) {
            double a = rnd.nextDouble(-2, 2), b = rnd.nextDouble(-2, 2);
            double w = Math.min(1, Math.max(0, (1 + a - b) / 2));
            double[] p = new double[2];
            s.project(new double[]{a, b}, p);
            assertArrayEquals(new double[]{w, 1 - w}, p, 1e-12);
        }
    }

    @Test
    void isTheNearestPointAmongRandomSimplexPoints() {
        Simplex s = new Simplex(4);
        for (int trial = 0; trial < 50; trial++) {
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) v[i] = rnd.nextDouble(-1, 2);
            double[] p = new double[4];
            s.project(v, p);
            double best = dist(v, p);
            for (int k = 0; k < 2000; k++) {
                double[] q = randomSimplexPoint(4);
                assertTrue(dist(v, q) >= best - 1e-12);
            }
        }
    }

    @Test
    void threeDimensionalCaseByHand() {
        // (0.5, 0.4, -0.3): theta = (0.9 - 1)/2 = -0.05 -> (0.55, 0.45, 0)
        double[] p = new double[3];
        new Simplex(3).project(new double[]{0.5, 0.4, -0.3}, p);
        assertArrayEquals(new double[]{0.55, 0.45, 0}, p, 1e-12);
    }

    @Test
    void rejectsNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> new Simplex(2).project(new double[]{Double.NaN, 1}, new double[2]));
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
