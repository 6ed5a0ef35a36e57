package dev.strat.runtime.experiment;

import dev.strat.runtime.metrics.MetricId;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RankSum} against scipy: the golden file {@code significance/ranksum.tsv} is written by
 * {@code src/test/python/ranksum_golden.py} from {@code scipy.stats.mannwhitneyu} and
 * {@code scipy.stats.ranksums} on fixed samples.
 */
class RankSumTest {

    private record Case(String name, double[] x, double[] y, double uRef, double pAsym, double pRanksums, double pExact) {
        boolean tied() {
            double[] all = new double[x.length + y.length];
            System.arraycopy(x, 0, all, 0, x.length);
            System.arraycopy(y, 0, all, x.length, y.length);
            return Arrays.stream(all).distinct().count() < all.length;
        }
    }

    private static List<Case> golden() throws IOException {
        try (InputStream in = RankSumTest.class.getResourceAsStream("/significance/ranksum.tsv")) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t");
                cases.add(new Case(f[0], numbers(f[1]), numbers(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
            return cases;
        }
    }

    private static double[] numbers(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void pValuesAreScipysExactOnesWithAndWithoutTies() throws IOException {
        List<Case> cases = golden();
        assertEquals(14, cases.size());
        int tied = 0;
        for (Case c : cases) {
            SignificanceResult r = RankSum.test(MetricId.ANNUAL_RETURN, "x", c.x(), "y", c.y(), 0.05);
            assertEquals(c.pExact(), r.pValue(), 1e-12, c.name());
            assertTrue(r.exact(), c.name());
            assertEquals(c.uRef(), RankSum.statistic(c.x(), c.y()).uReference(), 1e-12, c.name());
            assertEquals(c.x().length, r.pairs(), c.name());
            assertEquals(c.y().length, r.nonZero(), c.name());
            assertEquals(SignificanceTest.RANK_SUM, r.test());
            assertEquals(r.pValue() < 0.05, r.significant(), c.name());
            assertTrue(r.pValue() >= r.smallestP() - 1e-15, c.name());
            // The same p with the samples swapped: the test is two-sided.
            assertEquals(r.pValue(), RankSum.test(MetricId.ANNUAL_RETURN, "y", c.y(), "x", c.x(), 0.05).pValue(), 1e-14, c.name());
            if (c.tied()) {
                tied++;
                assertTrue(r.note().contains("ties"), c.name() + ": " + r.note());
            } else {
                assertEquals("", r.note(), c.name());
            }
        }
        assertEquals(4, tied, "the golden file should hold tied cases");
    }

    /* The approximation used beyond EXACT_LIMIT values: scipy's asymptotic p with the tie-corrected variance. */
    @Test
    void theApproximationMatchesScipyAsymptoticWithTieCorrection() throws IOException {
        for (Case c : golden()) {
            double p = RankSum.asymptoticP(c.x(), c.y(), RankSum.statistic(c.x(), c.y()));
            assertEquals(c.pAsym(), p, 1e-12 * Math.max(1, c.pAsym()), c.name());
            if (c.tied()) {
                // commons-math alone leaves the variance uncorrected: scipy.stats.ranksums' p, which is larger.
                double library = new MannWhitneyUTest().mannWhitneyUTest(c.x(), c.y());
                assertEquals(c.pRanksums(), library, 1e-12, c.name());
                assertTrue(c.pAsym() < c.pRanksums(), c.name());
            } else {
                assertEquals(c.pRanksums(), p, 1e-12, c.name());
            }
        }
        // past the limit the test reports the approximation and says so
        double[] x = new double[60], y = new double[60];
        for (int k = 0; k < 60; k++) {
            x[k] = k + 0.5 * (k % 7);
            y[k] = k + 3;
        }
        SignificanceResult big = RankSum.test(MetricId.ANNUAL_RETURN, "x", x, "y", y, 0.05);
        assertFalse(big.exact());
        assertTrue(big.note().contains("normal approximation"), big.note());
        assertEquals(RankSum.asymptoticP(x, y, RankSum.statistic(x, y)), big.pValue(), 0);
    }

    /* Brute force: every split of the pooled values, counted one by one, on small tied samples. */
    @Test
    void exactPAgreesWithEnumeratingEverySplit() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n1 = 1 + random.nextInt(5), n2 = 1 + random.nextInt(5);
            double[] x = new double[n1], y = new double[n2];
            for (int k = 0; k < n1; k++) x[k] = random.nextInt(5);
            for (int k = 0; k < n2; k++) y[k] = random.nextInt(5);
            if (RankSum.statistic(x, y).tieCorrection() == 0) continue;
            assertEquals(bruteForceP(x, y), RankSum.exactP(x, y), 1e-12, trial + "");
        }
    }

    private static double bruteForceP(double[] x, double[] y) {
        int n1 = x.length, n = n1 + y.length;
        double[] pooled = new double[n];
        System.arraycopy(x, 0, pooled, 0, n1);
        System.arraycopy(y, 0, pooled, n1, y.length);
        double observed = RankSum.statistic(x, y).uReference();
        int below = 0, above = 0, total = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != n1) continue;
            double[] a = new double[n1], b = new double[n - n1];
            for (int k = 0, i = 0, j = 0; k < n; k++) {
                if ((mask & 1 << k) != 0) a[i++] = pooled[k];
                else b[j++] = pooled[k];
            }
            double u = RankSum.statistic(a, b).uReference();
            total++;
            if (u <= observed + 1e-9) below++;
            if (u >= observed - 1e-9) above++;
        }
        return Math.min(1.0, 2.0 * Math.min(below, above) / total);
    }

    /* 5 against 5, every reference value above: U = 25 of 25, the most extreme the sizes allow. */
    @Test
    void directionFollowsTheMetric() {
        double[] high = {6, 7, 8, 9, 10}, low = {1, 2, 3, 4, 5};
        SignificanceResult ar = RankSum.test(MetricId.ANNUAL_RETURN, "a", high, "b", low, 0.05);
        assertTrue(ar.significant());
        assertTrue(ar.referenceBetter());
        assertEquals(2.0 / 252, ar.pValue(), 1e-15);
        assertFalse(RankSum.test(MetricId.MAX_DRAWDOWN, "a", high, "b", low, 0.05).referenceBetter());
        assertFalse(RankSum.test(MetricId.ANNUAL_RETURN, "a", low, "b", high, 0.05).referenceBetter());
    }

    /* MS-2's case: the Sharpe ratio is set to 0 for every method, so every value is the same. */
    @Test
    void allEqualValuesGiveOneAndSayWhy() {
        double[] zeros = new double[10];
        SignificanceResult r = RankSum.test(MetricId.SHARPE, "a", zeros, "b", zeros.clone(), 0.05);
        assertEquals(1.0, r.pValue(), 0);
        assertFalse(r.significant());
        assertFalse(r.referenceBetter());
        assertTrue(r.note().contains("metric="), r.note());
    }

    /* NaN seeds leave their own side only; the test then runs on 4 against 5 values. */
    @Test
    void missingValuesShrinkOnlyTheirSide() {
        double[] ref = {0.3, Double.NaN, 0.5, 0.6, 0.7};
        double[] other = {0.1, 0.2, 0.15, 0.25, 0.05};
        SignificanceResult r = RankSum.test(MetricId.ANNUAL_RETURN, "a", ref, "b", other, 0.05);
        assertEquals(4, r.pairs());
        assertEquals(5, r.nonZero());
        assertEquals(RankSum.exactP(new double[]{0.3, 0.5, 0.6, 0.7}, other), r.pValue(), 1e-15);
        assertEquals(2.0 / 126, r.pValue(), 1e-15); // 4 against 5, separated: 2 / C(9, 4)
        assertTrue(r.note().startsWith("1 seed(s) without a value left out"), r.note());
        SignificanceResult none = RankSum.test(MetricId.ANNUAL_RETURN, "a", new double[]{Double.NaN}, "b", other, 0.05);
        assertTrue(Double.isNaN(none.pValue()));
        assertTrue(none.note().contains("a has no value on any seed"), none.note());
    }

    /*
     * Every split is one of C(n1 + n2, n1) equally likely ones, so no data beats 2 / C(n1 + n2, n1): 0.1 for 3
     * against 3 seeds (scipy's exact; the approximation said 0.0495), and separated constant sides reach it too.
     */
    @Test
    void smallestAttainablePIsReachedAndNeverBeaten() {
        assertEquals(0.1, RankSum.smallestP(3, 3), 1e-15);
        SignificanceResult constants = RankSum.test(MetricId.ANNUAL_RETURN, "a", new double[]{0.2, 0.2, 0.2}, "b",
                new double[]{0.1, 0.1, 0.1}, 0.05);
        assertEquals(0.1, constants.pValue(), 1e-12);
        // every assignment of small integers (many ties) to 2 against 3 seeds stays at or above the bound
        double bound = RankSum.smallestP(2, 3), seen = 1;
        int[] v = new int[5];
        for (int code = 0; code < 243; code++) {
            for (int k = 0, c = code; k < 5; k++, c /= 3) v[k] = c % 3;
            double p = RankSum.test(MetricId.ANNUAL_RETURN, "a", new double[]{v[0], v[1]}, "b", new double[]{v[2], v[3], v[4]}, 0.05).pValue();
            assertTrue(p >= bound - 1e-12, code + ": " + p);
            seen = Math.min(seen, p);
        }
        assertEquals(bound, seen, 1e-12);
        assertEquals(0.2, bound, 1e-15); // 2 / C(5, 2)
        // 3 against 3 cannot reach 0.05 with any data; 4 against 4 can (2 / 70 = 0.029)
        SignificanceResult r = RankSum.test(MetricId.ANNUAL_RETURN, "a", new double[]{5, 6, 7}, "b", new double[]{1, 2, 3}, 0.05);
        assertTrue(r.underpowered(0.05));
        assertFalse(r.significant());
        assertEquals(0.1, r.pValue(), 1e-12);
        assertTrue(RankSum.powerNote(3, 3, r.smallestP(), 0.05).contains("can give is 0.100"), RankSum.powerNote(3, 3, r.smallestP(), 0.05));
        assertFalse(RankSum.test(MetricId.ANNUAL_RETURN, "a", new double[]{5, 6, 7, 8}, "b", new double[]{1, 2, 3, 4}, 0.05).underpowered(0.05));
        assertEquals(2.0 / 184_756, RankSum.smallestP(10, 10), 1e-18);
    }
}
