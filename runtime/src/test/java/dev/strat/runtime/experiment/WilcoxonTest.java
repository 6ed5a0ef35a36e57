package dev.strat.runtime.experiment;

import dev.strat.runtime.metrics.MetricId;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WilcoxonTest {

    @Test
    void identicalSamplesAreNotSignificant() {
        double[] same = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7};
        SignificanceResult r = Wilcoxon.test(MetricId.SHARPE, "a", same, "b", same.clone(), 0.05);
        assertEquals(1.0, r.pValue(), 0);
        assertFalse(r.significant());
        assertEquals(0, r.nonZero());
        assertEquals("identical on every seed", r.note());
        // commons-math alone ranks zero differences as negative and calls this significant.
        assertTrue(new WilcoxonSignedRankTest().wilcoxonSignedRankTest(same, same.clone(), true) < 0.05);
    }

    /* Six differences all of one sign: the exact two-sided p is 2 * (1/2)^6 = 1/32. */
    @Test
    void exactPValueAndDirection() {
        double[] ref = {1.1, 1.2, 1.3, 1.4, 1.5, 1.6};
        double[] other = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
        SignificanceResult r = Wilcoxon.test(MetricId.SHARPE, "a", ref, "b", other, 0.05);
        assertEquals(1 / 32.0, r.pValue(), 1e-12);
        assertTrue(r.significant());
        assertTrue(r.referenceBetter());
        assertTrue(r.exact());
        assertEquals("", r.note());
        SignificanceResult tied = Wilcoxon.test(MetricId.SHARPE, "a", new double[]{2, 2, 3, 4, 5, 6}, "b", other, 0.05);
        assertTrue(tied.note().startsWith("tied differences"), tied.note());
        // For a lower-is-better metric the same numbers mean the reference is worse.
        assertFalse(Wilcoxon.test(MetricId.MAX_DRAWDOWN, "a", ref, "b", other, 0.05).referenceBetter());
    }

    /* Equal pairs are dropped and NaN pairs left out: 3 usable differing pairs remain, p = 2/8. */
    @Test
    void fewSeedsCannotReachSignificance() {
        double[] ref = {2, 3, 4, 5, Double.NaN};
        double[] other = {1, 1, 1, 5, 1};
        SignificanceResult r = Wilcoxon.test(MetricId.ANNUAL_RETURN, "a", ref, "b", other, 0.05);
        assertEquals(4, r.pairs());
        assertEquals(3, r.nonZero());
        assertEquals(0.25, r.pValue(), 1e-12);
        assertFalse(r.significant());
        assertEquals(0.25, r.smallestP(), 0);
        assertTrue(r.underpowered(0.05));
        assertEquals("1 seed(s) without a value left out", r.note());
        assertEquals("with 3 differing seed(s) the smallest attainable p is 0.250, so no result can be significant at 0.05",
                Wilcoxon.powerNote(3, r.smallestP(), 0.05));
    }

    /* Mixed signs: differences +1, -2, +3, +4, +5 have ranks 1..5; W- = 2, so W+ = 13 = Wmax.
       P(W >= 13) over the 32 equally likely sign patterns: a rank sum >= 13 leaves at most 2 for the
       other side, i.e. {}, {1} or {2}: 3 patterns, so p = 2 * 3/32. */
    @Test
    void mixedSigns() {
        double[] ref = {1, -2, 3, 4, 5};
        double[] other = {0, 0, 0, 0, 0};
        SignificanceResult r = Wilcoxon.test(MetricId.SHARPE, "a", ref, "b", other, 0.05);
        assertEquals(6 / 32.0, r.pValue(), 1e-12);
        assertFalse(r.significant());
        assertTrue(r.referenceBetter());
    }

    @Test
    void noDefinedPairs() {
        SignificanceResult r = Wilcoxon.test(MetricId.CALMAR, "a", new double[]{Double.NaN}, "b", new double[]{1}, 0.05);
        assertTrue(Double.isNaN(r.pValue()));
        assertFalse(r.significant());
    }
}
