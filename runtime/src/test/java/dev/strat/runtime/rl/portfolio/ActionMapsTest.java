package dev.strat.runtime.rl.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.runtime.rl.ActionSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActionMapsTest {

    private static final double EPS = 1e-12;

    @Test
    void sumNormaliseRescalesThenDividesBySum() {
        ActionMap map = ActionMaps.sumNormalise();
        assertEquals(new ActionSpace.Continuous(3), map.space(2));
        double[] w = new double[3];
        map.toWeights(new float[] {1f, 0f, -1f}, w); // (a + 1) / 2 = 1, 0.5, 0
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0, 0}, w, EPS);
        map.toWeights(new float[] {-1f, -1f, -1f}, w); // all zero after rescaling: equal weights
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, w, EPS);
        map.toWeights(new float[] {3f, -2f, 1f}, w); // outside the box: clamped to 1, 0, 1
        assertArrayEquals(new double[] {0.5, 0, 0.5}, w, EPS);
    }

    @Test
    void softmaxWithScale() {
        ActionMap map = ActionMaps.softmax(2);
        double[] w = new double[2];
        map.toWeights(new float[] {0.5f, 0f}, w);
        double e = Math.E;
        assertArrayEquals(new double[] {e / (e + 1), 1 / (e + 1)}, w, EPS);
        map.toWeights(new float[] {1000f, -1000f}, w); // no overflow
        assertArrayEquals(new double[] {1, 0}, w, EPS);
    }

    @Test
    void simplexProjectionByHand() {
        ActionMap map = ActionMaps.simplex();
        double[] w = new double[3];
        // Sorted 1, 0.2, -1: theta = (1 + 0.2 - 1) / 2 = 0.1, so w = (0.9, 0, 0.1).
        map.toWeights(new float[] {1f, -1f, 0.2f}, w);
        assertArrayEquals(new double[] {0.9, 0, 0.1}, w, 1e-7);
        map.toWeights(new float[] {0.5f, 0.5f, 0.5f}, w);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, w, EPS);
        map.toWeights(new float[] {0.2f, 0.3f, 0.5f}, w); // already on the simplex
        assertArrayEquals(new double[] {0.2, 0.3, 0.5}, w, 1e-7);
    }

    @Test
    void simplexProjectionIsTheNearestPointOfABruteForceGrid() {
        ActionMap map = ActionMaps.simplex();
        SplittableRandom rng = new SplittableRandom(3);
        double[] w = new double[3];
        int steps = 400;
        for (int trial = 0; trial < 20; trial++) {
            float[] a = {(float) rng.nextDouble(-1, 1), (float) rng.nextDouble(-1, 1), (float) rng.nextDouble(-1, 1)};
            map.toWeights(a, w);
            double projected = distance2(a, w);
            double best = Double.POSITIVE_INFINITY;
            double[] p = new double[3];
            for (int i = 0; i <= steps; i++) {
                for (int j = 0; i + j <= steps; j++) {
                    p[0] = i / (double) steps;
                    p[1] = j / (double) steps;
                    p[2] = 1 - p[0] - p[1];
                    best = Math.min(best, distance2(a, p));
                }
            }
            assertTrue(projected <= best + 1e-12, "projection not nearest for trial " + trial);
            assertTrue(best - projected < 2e-5, "grid finds nothing near the projection, trial " + trial);
        }
    }

    @Test
    void classHierarchyFollowsHadaps() {
        // Classes {0, 2} and {1}; cash logit first (HADAPS's order cash, stock, crypto); scale 5.
        ActionMap map = ActionMaps.classHierarchy(List.of(new int[] {0, 2}, new int[] {1}));
        assertEquals(new ActionSpace.Continuous(3 + 3), map.space(3));
        float[] a = {0.1f, 0.4f, -0.2f, /* class 0: assets 0, 2 */ 0.3f, -0.5f, /* class 1: asset 1 */ 0.9f};
        double[] w = new double[4];
        map.toWeights(a, w);
        double[] p = softmax(5, a[0], a[1], a[2]);
        double[] in0 = softmax(5, a[3], a[4]);
        assertEquals(in0[0] * p[1], w[0], EPS);
        assertEquals(in0[1] * p[1], w[2], EPS);
        assertEquals(p[2], w[1], EPS); // a class of one asset gets the class's whole weight
        assertEquals(p[0], w[3], EPS);

        // Cash logit last, scale 1.
        ActionMap last = ActionMaps.classHierarchy(List.of(new int[] {0, 2}, new int[] {1}), 2, 1);
        last.toWeights(a, w);
        double[] q = softmax(1, a[0], a[1], a[2]);
        double[] in = softmax(1, a[3], a[4]);
        assertEquals(in[0] * q[0], w[0], EPS);
        assertEquals(in[1] * q[0], w[2], EPS);
        assertEquals(q[1], w[1], EPS);
        assertEquals(q[2], w[3], EPS);
    }

    @Test
    void classHierarchyNeedsAPartition() {
        assertThrows(IllegalArgumentException.class, () -> ActionMaps.classHierarchy(List.of(new int[] {0, 1}, new int[] {1})));
        assertThrows(IllegalArgumentException.class, () -> ActionMaps.classHierarchy(List.of(new int[] {0, 3}, new int[] {1})));
        ActionMap map = ActionMaps.classHierarchy(List.of(new int[] {0}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> map.space(3));
    }

    @Test
    void everyMapIsLongOnlyAndSumsToOne() {
        int n = 4;
        List<ActionMap> maps = List.of(ActionMaps.sumNormalise(), ActionMaps.softmax(5), ActionMaps.simplex(),
                ActionMaps.classHierarchy(List.of(new int[] {0, 1}, new int[] {3, 2})));
        SplittableRandom rng = new SplittableRandom(11);
        double[] w = new double[n + 1];
        for (ActionMap map : maps) {
            float[] a = new float[map.space(n).width()];
            for (int trial = 0; trial < 500; trial++) {
                for (int j = 0; j < a.length; j++) a[j] = (float) (trial % 50 == 0 ? Math.signum(rng.nextDouble(-1, 1)) : rng.nextDouble(-1, 1));
                map.toWeights(a, w);
                double sum = 0;
                for (double x : w) {
                    assertTrue(x >= 0 && Double.isFinite(x), map.label() + " gave weight " + x);
                    sum += x;
                }
                assertEquals(1, sum, 1e-12, map.label() + " sums to " + sum);
            }
        }
    }

    private static double distance2(float[] a, double[] w) {
        double s = 0;
        for (int j = 0; j < w.length; j++) s += (a[j] - w[j]) * (a[j] - w[j]);
        return s;
    }

    private static double[] softmax(double scale, float... a) {
        double[] e = new double[a.length];
        double sum = 0;
        for (int j = 0; j < a.length; j++) sum += e[j] = Math.exp(scale * a[j]);
        for (int j = 0; j < a.length; j++) e[j] /= sum;
        return e;
    }
}
