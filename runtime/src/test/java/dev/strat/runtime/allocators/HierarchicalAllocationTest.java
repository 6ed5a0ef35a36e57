package dev.strat.runtime.allocators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.runtime.allocators.HierarchicalAllocation.Model;
import dev.strat.runtime.allocators.HierarchicalSettings.ClusterInput;
import dev.strat.runtime.cluster.Linkage;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.risk.RiskMeasure;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand cases, degenerate inputs, bounds, the clustering input, buffer reuse and the stage. */
class HierarchicalAllocationTest {

    static double[] block(int t, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[t * n];
        double[] f = new double[t];
        for (int k = 0; k < t; k++) f[k] = r.nextGaussian() * 0.01;
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < n; i++) {
                double load = (i % 3) * 0.6;
                x[k * n + i] = load * f[k] + r.nextGaussian() * 0.01 * (1 + i % 4);
            }
        }
        return x;
    }

    static double[] weights(Model model, HierarchicalSettings s, double[] x, int t, int n) {
        double[] w = new double[n];
        new HierarchicalAllocation(model, s).allocate(x, t, n, w);
        return w;
    }

    static void assertBudget(double[] w) {
        double sum = 0;
        for (double v : w) {
            assertTrue(Double.isFinite(v) && v >= 0, "weight " + v);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void twoAssetsByHand() {
        // two assets: one merge, one bisection; inverse-variance split of the sample variances
        int t = 50;
        double[] x = block(t, 2, 1);
        double[] var = new double[2];
        for (int i = 0; i < 2; i++) {
            double m = 0;
            for (int k = 0; k < t; k++) m += x[k * 2 + i];
            m /= t;
            for (int k = 0; k < t; k++) var[i] += (x[k * 2 + i] - m) * (x[k * 2 + i] - m);
            var[i] /= t - 1;
        }
        double[] expected = {var[1] / (var[0] + var[1]), var[0] / (var[0] + var[1])};
        HierarchicalSettings s = HierarchicalSettings.defaults(t);
        assertArrayEquals(expected, weights(Model.HRP, s, x, t, 2), 1e-14);
        assertArrayEquals(expected, weights(Model.HERC, s.withClusters(2, 10), x, t, 2), 1e-14);
        // with two assets the gap statistic has no three cuts to compare (riskfolio raises): one
        // cluster, whose inverse-variance weights are the same split
        HierarchicalAllocation herc = new HierarchicalAllocation(Model.HERC, s);
        double[] w = new double[2];
        herc.allocate(x, t, 2, w);
        assertEquals(1, herc.clusters());
        assertArrayEquals(expected, w, 1e-14);
        // inverse volatility for std: 1/sigma_i normalised
        double a = 1 / Math.sqrt(var[0]), b = 1 / Math.sqrt(var[1]);
        assertArrayEquals(new double[] {a / (a + b), b / (a + b)},
                weights(Model.HRP, s.withRisk(RiskMeasure.STD, 0.05), x, t, 2), 1e-14);
    }

    @Test
    void degenerateInputs() {
        HierarchicalSettings s = HierarchicalSettings.defaults(30);
        // one asset holds everything
        assertArrayEquals(new double[] {1.0}, weights(Model.HRP, s, block(30, 1, 2), 30, 1), 0);
        assertArrayEquals(new double[] {1.0}, weights(Model.HERC, s, block(30, 1, 2), 30, 1), 0);
        // flat prices everywhere: 1/N
        double[] flat = new double[30 * 5];
        for (Model m : Model.values()) {
            for (RiskMeasure rm : RiskMeasure.values()) {
                assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, weights(m, s.withRisk(rm, 0.05), flat, 30, 5), 1e-15);
            }
        }
        // one flat asset among moving ones: the zero-risk limit gives it its cluster's weight, no NaN
        double[] x = block(30, 5, 3);
        for (int k = 0; k < 30; k++) x[k * 5 + 2] = 0;
        for (Model m : Model.values()) {
            for (RiskMeasure rm : RiskMeasure.values()) {
                double[] w = weights(m, s.withRisk(rm, 0.05), x, 30, 5);
                assertBudget(w);
                for (int i = 0; i < 5; i++) assertTrue(w[2] >= w[i], m + " " + rm + ": the riskless asset weighs most");
            }
        }
        // non-finite returns: 1/N rather than NaN
        double[] bad = block(30, 4, 4);
        bad[17] = Double.NaN;
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, weights(Model.HRP, s, bad, 30, 4), 0);
    }

    @Test
    void everyCombinationIsABudget() {
        int t = 120, n = 9;
        double[] x = block(t, n, 5);
        for (Model m : Model.values())
            for (Linkage l : Linkage.values())
                for (RiskMeasure rm : RiskMeasure.values())
                    for (ClusterInput in : ClusterInput.values())
                        assertBudget(weights(m, HierarchicalSettings.defaults(t).withLinkage(l).withRisk(rm, 0.05).withInput(in), x, t, n));
    }

    @Test
    void euclideanInputGivesVisiblyDifferentWeights() {
        int t = 200, n = 12;
        double[] x = block(t, n, 8);   // a window where both models change (on some the leaf order coincides)
        HierarchicalSettings s = HierarchicalSettings.defaults(t);
        for (Model m : Model.values()) {
            double[] a = weights(m, s, x, t, n);
            double[] b = weights(m, s.withInput(ClusterInput.EUCLIDEAN), x, t, n);
            double diff = 0;
            for (int i = 0; i < n; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
            assertTrue(diff > 1e-3, m + ": largest difference " + diff);
        }
    }

    @Test
    void boundsAreFittedAndInfeasibleOnesRejected() {
        int t = 120, n = 12;
        double[] x = block(t, n, 7);
        for (Model m : Model.values()) {
            double[] w = weights(m, HierarchicalSettings.defaults(t).withBounds(0.04, 0.12), x, t, n);
            assertBudget(w);
            for (double v : w) assertTrue(v >= 0.04 - 1e-12 && v <= 0.12 + 1e-12, "in bounds: " + v);
        }
        var low = assertThrows(IllegalArgumentException.class,
                () -> HierarchicalAllocation.checkBounds(HierarchicalSettings.defaults(t).withBounds(0, 0.05), 12));
        assertTrue(low.getMessage().contains("max_weight"), low.getMessage());
        var high = assertThrows(IllegalArgumentException.class,
                () -> HierarchicalAllocation.checkBounds(HierarchicalSettings.defaults(t).withBounds(0.1, 1), 12));
        assertTrue(high.getMessage().contains("min_weight"), high.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HierarchicalSettings.defaults(t).withBounds(0.5, 0.4));
        MarketData market = Drive.random(12, 40, 1);
        HierarchicalRiskParity stage = new HierarchicalRiskParity("hrp", HierarchicalSettings.defaults(10).withBounds(0, 0.05));
        var e = assertThrows(IllegalArgumentException.class,
                () -> stage.reset(new RunSetup(market.symbols(), market.frequency(), 1L, 11, 39)));
        assertTrue(e.getMessage().contains("max_weight"));
    }

    @Test
    void allocatesNothingAfterTheFirstCall() {
        int t = 300, n = 15;
        double[] x = block(t, n, 8);
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (Model m : Model.values()) {
            for (RiskMeasure rm : new RiskMeasure[] {RiskMeasure.VARIANCE, RiskMeasure.CDAR}) {
                HierarchicalAllocation a = new HierarchicalAllocation(m,
                        HierarchicalSettings.defaults(t).withRisk(rm, 0.05).withDependence(HierarchicalSettings.Dependence.SPEARMAN));
                double[] w = new double[n];
                for (int i = 0; i < 50; i++) a.allocate(x, t, n, w);   // warm up (and JIT)
                long before = bean.getThreadAllocatedBytes(thread);
                for (int i = 0; i < 200; i++) a.allocate(x, t, n, w);
                long bytes = bean.getThreadAllocatedBytes(thread) - before;
                assertTrue(bytes < 2_000, m + " " + rm + ": allocated " + bytes + " bytes in 200 calls");
            }
        }
    }

    @Test
    void stageAllocatesOnTheTrailingWindowOnly() {
        int n = 6, window = 40;
        MarketData market = Drive.random(n, 120, 9);
        HierarchicalSettings s = HierarchicalSettings.defaults(window).withRisk(RiskMeasure.CDAR, 0.05);
        HierarchicalEqualRiskContribution stage = new HierarchicalEqualRiskContribution("herc", s);
        assertEquals(window + 1, stage.warmup());
        double[][] proposals = Drive.run(stage, market, 20, 119);
        // before window + 1 closes: cash; afterwards fully invested, from returns up to the bar
        assertEquals(1.0, proposals[0][n], 0);
        for (int d = 41; d <= 119; d++) {
            double[] p = proposals[d - 20];
            assertEquals(0.0, p[n], 0);
            double[] x = new double[window * n];
            for (int r = 0; r < window; r++) {
                int bar = d - window + 1 + r;
                for (int i = 0; i < n; i++) x[r * n + i] = market.close(bar, i) / market.close(bar - 1, i) - 1;
            }
            double[] w = weights(Model.HERC, s, x, window, n);
            for (int i = 0; i < n; i++) assertEquals(w[i], p[i], 1e-12, "bar " + d);
        }
    }
}
