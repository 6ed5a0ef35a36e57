package dev.strat.runtime.risk.barrier;

import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The controller step on a 3-asset market against the reference formulas worked by hand. */
class BarrierControllerTest {

    /** 23 bars: asset A constant, B and C alternating returns; only bar 0..22 exist. */
    private static MarketData market(int bars) {
        int n = 3;
        double[] close = new double[bars * n];
        long[] times = new long[bars];
        double b = 100, c = 50;
        for (int k = 0; k < bars; k++) {
            times[k] = 1_577_836_800L + 86_400L * k;
            if (k > 0) {
                b *= k % 2 == 0 ? 1.02 : 0.99;
                c *= k % 3 == 0 ? 1.03 : 0.995;
            }
            close[k * n] = 10;
            close[k * n + 1] = b;
            close[k * n + 2] = c;
        }
        return new MarketData("hand", List.of("A", "B", "C"), Map.of(), times, null, null, null, close, null, Frequency.DAILY_STOCKS);
    }

    @Test
    void stepFollowsTheReferenceFormulas() {
        MarketData m = market(23);
        History h = History.cursor(m, 22).view();
        BarrierController controller = BarrierController.ripo(3);
        assertEquals(22, controller.warmup());
        double[] action = {2, 1, 1};          // normalised to (0.5, 0.25, 0.25)
        double[] last = {0.2, 0.3, 0.5};
        double[] ac = new double[3];
        boolean solved = controller.step(h, action, last, 0.05, ac);
        assertTrue(solved);

        // Forecast: A is constant, so dp_A = 0; B's and C's from the last five closes.
        BarrierProblem p = controller.lastProblem();
        assertEquals(0.0, p.dp()[0], 0.0);
        for (int i = 1; i < 3; i++) {
            double ma = 0;
            for (int k = 0; k < 5; k++) ma += m.close(22 - k, i);
            ma /= 5;
            assertEquals((ma - m.close(22, i)) / m.close(22, i), p.dp()[i], 1e-15);
        }
        // B at bar 22 after returns ..., 0.99 (k=21), 1.02 (k=22): closes 18..22 = B18 (1, .99, 1.02, .99, 1.02) products
        double b18 = m.close(18, 1);
        double maB = b18 * (1 + 0.99 + 0.99 * 1.02 + 0.99 * 1.02 * 0.99 + 0.99 * 1.02 * 0.99 * 1.02) / 5;
        double pB = b18 * 0.99 * 1.02 * 0.99 * 1.02;
        assertEquals((maB - pB) / pB, p.dp()[1], 1e-14);

        // Σ_t: returns of bars 2..22 (21 of them); Σ_{t+1}: bars 3..22 and dp. Computed here the textbook way.
        double[][] now = new double[21][3], next = new double[21][3];
        for (int k = 0; k < 21; k++) {
            int bar = 2 + k;
            for (int i = 0; i < 3; i++) now[k][i] = m.close(bar, i) / m.close(bar - 1, i) - 1;
        }
        for (int k = 0; k < 20; k++) next[k] = now[k + 1].clone();
        next[20] = new double[]{p.dp()[0], p.dp()[1], p.dp()[2]};
        double[][] sNext = cov(next);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) assertEquals(sNext[i][j], p.sigma()[i * 3 + j], 1e-15, "Σ_{t+1}");
        // A has zero variance in both: its row and column vanish.
        assertEquals(0.0, p.sigma()[0], 0.0);

        // sigma_alpha from Σ_t and the last weights; first step: sigma_s_t = sigma_alpha + sigma_beta.
        double[][] sNow = cov(now);
        double alpha = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) alpha += last[i] * sNow[i][j] * last[j];
        double sigmaAlpha = Math.sqrt(alpha);
        assertEquals(sigmaAlpha, controller.lastSigmaAlpha(), 1e-15);
        // r = sigma_s_{t+1} - beta + (gamma - 1)(sigma_s_t - sigma_alpha - beta) = 0.05 - 0.001 + (-0.7)(0) = 0.049
        assertEquals(0.049, controller.lastBound(), 1e-15);
        assertEquals(0.049, p.bound(), 1e-15);
        assertArrayEquals(new double[]{0.5, 0.25, 0.25}, new double[]{p.aRl()[0], p.aRl()[1], p.aRl()[2]}, 1e-15);

        // The correction keeps the budget and the box, and is the solver's.
        SocpSolution s = controller.lastSolution();
        assertEquals(SocpStatus.OPTIMAL, s.status());
        assertEquals(0.0, ac[0] + ac[1] + ac[2], 1e-15);
        for (int i = 0; i < 3; i++) {
            assertEquals(s.x(i) - p.aRl()[i], ac[i], 1e-15);
            assertTrue(p.aRl()[i] + ac[i] >= 0 && p.aRl()[i] + ac[i] <= 1);
        }
        assertTrue(s.residuals().max() < 1e-8);

        // Second step: sigma_s_t is now the previous bound 0.05:
        // r = 0.02 - 0.001 + (0.3 - 1)(0.05 - sigma_alpha - 0.001).
        History h2 = History.cursor(market(24), 23).view();
        controller.step(h2, action, last, 0.02, ac);
        double alpha2 = controller.lastSigmaAlpha();
        double expected = 0.02 - 0.001 + (0.3 - 1) * (0.05 - alpha2 - 0.001);
        for (int k = 0; k < controller.lastRetries(); k++) expected += BarrierController.RIPO_RELAXATION[k];
        assertEquals(expected, controller.lastBound(), 1e-15);
        assertEquals(2, controller.solved() + controller.unsolved());
    }

    @Test
    void relaxesTheBoundThenGivesUp() {
        MarketData m = market(23);
        History h = History.cursor(m, 22).view();
        double[] action = {0, 1, 0};
        double[] last = {0, 1, 0};
        double[] ac = new double[3];
        // A constant asset makes the least risk 0: r must be negative to be infeasible. First step:
        // r = bound - 0.001. With bound = -0.015: r = -0.016, relaxed by 5 x 0.002 = -0.006, then
        // + 0.005 -> -0.001 (still infeasible), + 0.005 -> 0.004 feasible at the 7th retry.
        BarrierController controller = BarrierController.ripo(3);
        assertTrue(controller.step(h, action, last, -0.015, ac));
        assertEquals(7, controller.lastRetries());
        assertEquals(-0.016 + 5 * 0.002 + 2 * 0.005, controller.lastBound(), 1e-15);
        assertEquals(1, controller.solved());

        // Beyond the schedule (-0.016 - 0.035 + ...): unsolved, zero correction, counted.
        BarrierController hopeless = BarrierController.ripo(3);
        ac[1] = 7;
        assertFalse(hopeless.step(h, action, last, -0.05, ac));
        assertArrayEquals(new double[3], ac, 0.0);
        assertEquals(10, hopeless.lastRetries());
        assertEquals(1, hopeless.unsolved());
        assertEquals(0, hopeless.solved());
        assertEquals(10, hopeless.relaxations());
    }

    @Test
    void rejectsBadInputClearly() {
        History h = History.cursor(market(23), 10).view();
        BarrierController controller = BarrierController.ripo(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> controller.step(h, new double[]{1, 1, 1}, new double[3], 0.02, new double[3]));
        assertTrue(e.getMessage().contains("22 bars"), e.getMessage());
        History full = History.cursor(market(23), 22).view();
        assertThrows(IllegalArgumentException.class, () -> controller.step(full, new double[]{-1, 1, 1}, new double[3], 0.02, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new BarrierController(3, 21, new PriceForecast.MovingAverage(5), 0, 0.001, BarrierController.RIPO_RELAXATION));
    }

    private static double[][] cov(double[][] rows) {
        int t = rows.length, n = rows[0].length;
        double[] mean = new double[n];
        for (double[] r : rows) for (int i = 0; i < n; i++) mean[i] += r[i] / t;
        double[][] c = new double[n][n];
        for (double[] r : rows) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / (t - 1);
        return c;
    }
}
