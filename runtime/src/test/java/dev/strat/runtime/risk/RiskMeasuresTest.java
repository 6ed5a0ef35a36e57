package dev.strat.runtime.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The series risk measures by hand and against riskfolio's rules written plainly (full sort). */
class RiskMeasuresTest {

    /** riskfolio's CVaR_Hist written as riskfolio writes it: sort everything, walk the tail. */
    static double plainTail(double[] x, double alpha) {
        double[] s = x.clone();
        Arrays.sort(s);
        int index = (int) (Math.ceil(alpha * s.length) - 1);
        double sum = 0;
        for (int i = 0; i <= index; i++) sum = sum + s[i] - s[index];
        return -s[index] - sum / (alpha * s.length);
    }

    @Test
    void byHand() {
        assertEquals(1.0, RiskMeasures.mad(new double[] {1, 2, 3, 4}, 4), 0);
        // alpha T = 2: the two worst returns -0.05 and -0.03: VaR 0.03, CVaR 0.03 + 0.02 / 2
        double[] x = new double[20];
        for (int i = 0; i < 20; i++) x[i] = 0.01 * (i + 1);
        x[7] = -0.05;
        x[13] = -0.03;
        assertEquals(0.04, RiskMeasures.cvar(x, 20, 0.1, new double[20]), 1e-15);
        // NAV 1, 1.1, 0.9, 0.95, 0.85: drawdowns 0, -0.2, -0.15, -0.25
        double[] y = {0.1, -0.2, 0.05, -0.1};
        assertEquals(0.25, RiskMeasures.mdd(y, 4), 1e-15);
        assertEquals(0.25, RiskMeasures.cdar(y, 4, 0.25, new double[4]), 1e-15);
        assertEquals(0.2 + 0.025, RiskMeasures.cdar(y, 4, 0.5, new double[4]), 1e-15);
        // a series that only rises has no drawdown; the initial 1 counts as a peak
        assertEquals(0.0, RiskMeasures.mdd(new double[] {0.01, 0.02}, 2), 0);
        assertEquals(0.05, RiskMeasures.mdd(new double[] {-0.05, 0.02}, 2), 1e-15);
    }

    @Test
    void tailAveragesCeilAlphaTValues() {
        // riskfolio's index ceil(alpha T) - 1: 35 values at alpha 0.05 over 700 bars, 1 over 19
        assertEquals(35, RiskMeasures.tailSize(0.05, 700));
        assertEquals(1, RiskMeasures.tailSize(0.05, 19));
        double[] x = new double[700];
        for (int i = 0; i < 700; i++) x[i] = -i;   // the 36 smallest are -699..-664
        assertEquals(plainTail(x, 0.05), RiskMeasures.cvar(x, 700, 0.05, new double[700]), 1e-9);
    }

    @Test
    void quickselectEqualsFullSort() {
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 500; k++) {
            int t = 2 + r.nextInt(800);
            double alpha = new double[] {0.01, 0.025, 0.05, 0.1, 0.3}[k % 5];
            double[] x = new double[t];
            for (int i = 0; i < t; i++) x[i] = r.nextInt(4) == 0 ? Math.round(r.nextGaussian() * 10) / 1000.0 : r.nextGaussian() * 0.01;
            double[] heap = new double[t];
            assertEquals(plainTail(x, alpha), RiskMeasures.cvar(x, t, alpha, heap), 1e-14, "t=" + t + " alpha=" + alpha);
            double[] dd = new double[t];
            RiskMeasures.drawdowns(x, t, dd);
            assertEquals(plainTail(dd, alpha), RiskMeasures.cdar(x, t, alpha, new double[t]), 1e-14);
        }
    }
}
