package dev.strat.runtime.risk.barrier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ARS and DCM against the reference formulas worked by hand. */
class RiskAdaptersTest {

    private static final double RF = 0.016575;

    private static RecentReturns returns(double... r) {
        RecentReturns out = new RecentReturns(8);
        for (double x : r) out.add(x);
        return out;
    }

    @Test
    void arsIsTheClippedLineThroughItsEnds() {
        AdaptiveRisk ms2 = new AdaptiveRisk(1, 0.01, 0.015, 5, RF);
        // fewer than L returns: 0.01
        assertEquals(0.01, ms2.bound(returns(0.01, 0.02, 0.0, 0.01)), 0.0);
        // r_a = (1 + r_d)^252 - 1 at the two ends: (1 - mu) rf = 0 -> sigma_min; (1 + mu) rf = 2 rf -> sigma_max
        double rdZero = 0;
        assertEquals(0.01, ms2.bound(returns(rdZero, rdZero, rdZero, rdZero, rdZero)), 1e-15);
        double rdTop = Math.pow(1 + 2 * RF, 1.0 / 252) - 1;
        assertEquals(0.015, ms2.bound(returns(rdTop, rdTop, rdTop, rdTop, rdTop)), 1e-12);
        // half way in r_a: half way in sigma
        double rdMid = Math.pow(1 + RF, 1.0 / 252) - 1;
        assertEquals(0.0125, ms2.bound(returns(0.5, rdMid, rdMid, rdMid, rdMid, rdMid)), 1e-12, "only the last L count");
        // clipped both ways
        assertEquals(0.015, ms2.bound(returns(0.01, 0.01, 0.01, 0.01, 0.01)), 0.0);
        assertEquals(0.01, ms2.bound(returns(-0.01, -0.01, -0.01, -0.01, -0.01)), 0.0);
        // MS-1: mu 2, so sigma_min at r_a = -rf and sigma_max at 3 rf; r_a = rf is the middle
        AdaptiveRisk ms1 = new AdaptiveRisk(2, 0.01, 0.02, 3, RF);
        assertEquals(0.015, ms1.bound(returns(rdMid, rdMid, rdMid)), 1e-12);
        double a = (0.02 - 0.01) / (2 * 2 * RF), b = (3 * 0.01 - (-1) * 0.02) / 4;
        double rd = 0.0001, ra = Math.pow(1.0001, 252) - 1;
        assertEquals(a * ra + b, ms1.bound(returns(rd, rd, rd)), 1e-15);
    }

    @Test
    void dcmAsTheAuthorsCodedIt() {
        DynamicContribution ms2 = new DynamicContribution(0.8, 0.005, 5, false, DynamicContribution.Excess.AUTHORS, RF);
        assertEquals(1.0, ms2.lambda(returns(0.1, 0.1, 0.1, 0.1)), 0.0, "fewer than L returns");
        // x = r_d - 0.016575 >= 0: lambda = m
        assertEquals(0.8, ms2.lambda(returns(0.02, 0.02, 0.02, 0.02, 0.02)), 0.0);
        // x = -0.0005: g = 0.1, lambda = min(0.9^0.9, 1)
        double rd = RF - 0.0005;
        assertEquals(Math.pow(0.9, 0.9), ms2.lambda(returns(rd, rd, rd, rd, rd)), 1e-12);
        // an ordinary day (r_d ~ 0.0005): x ~ -0.016, g = 1, lambda = 1
        assertEquals(1.0, ms2.lambda(returns(0.0005, 0.0005, 0.0005, 0.0005, 0.0005)), 0.0);
        // MS-1 (m 0, v 0.5): x = -0.016075, g = 0.03215, lambda = g^(1 - g)
        DynamicContribution ms1 = new DynamicContribution(0, 0.5, 3, false, DynamicContribution.Excess.AUTHORS, RF);
        double g = (RF - 0.0005) / 0.5;
        assertEquals(Math.pow(g, 1 - g), ms1.lambda(returns(0.0005, 0.0005, 0.0005)), 1e-12);
        DynamicContribution linear = new DynamicContribution(0, 0.5, 3, true, DynamicContribution.Excess.AUTHORS, RF);
        assertEquals(g, linear.lambda(returns(0.0005, 0.0005, 0.0005)), 1e-15);
    }

    @Test
    void dcmWithTheDailyExcess() {
        DynamicContribution d = new DynamicContribution(0.8, 0.005, 2, false, DynamicContribution.Excess.DAILY, RF);
        // r_d = 0.0005 > rf / 252 = 0.0000658: a gain, lambda = m (the authors' x would call it a loss)
        assertEquals(0.8, d.lambda(returns(0.0005, 0.0005)), 0.0);
        double rd = RF / 252 - 0.001;      // x = -0.001, g = 0.2
        assertEquals(Math.min(Math.pow(1.0, 0.8), 1), d.lambda(returns(rd, rd)), 1e-12);
        double rd2 = RF / 252 - 0.0005;    // g = 0.1 -> 0.9^0.9
        assertEquals(Math.pow(0.9, 0.9), d.lambda(returns(rd2, rd2)), 1e-12);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveRisk(1, 0.02, 0.01, 5, RF));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveRisk(0, 0.01, 0.02, 5, RF));
        assertThrows(IllegalArgumentException.class, () -> new DynamicContribution(1.2, 0.005, 5, false, DynamicContribution.Excess.AUTHORS, RF));
        assertThrows(IllegalArgumentException.class, () -> new DynamicContribution(0.8, 0, 5, false, DynamicContribution.Excess.AUTHORS, RF));
    }

    @Test
    void recentReturnsKeepsTheLastOnes() {
        RecentReturns r = new RecentReturns(3);
        r.add(1);
        r.add(2);
        r.add(3);
        r.add(4);
        assertEquals(3, r.size());
        assertEquals(3.5, r.meanOfLast(2), 0.0);
        assertEquals(3.0, r.meanOfLast(3), 0.0);
        assertThrows(IllegalArgumentException.class, () -> r.meanOfLast(4));
    }
}
