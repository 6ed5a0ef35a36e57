package dev.strat.runtime.metrics;

import dev.strat.runtime.backtest.BacktestResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    private static final double EPS = 1e-12;

    static BacktestResult result(double[] wealth, double[] turnover) {
        int periods = wealth.length - 1;
        long[] times = new long[periods + 1];
        for (int t = 0; t <= periods; t++) times[t] = 86_400L * t;
        return new BacktestResult("s", "s", 1, List.of("A"), times, wealth, new double[periods * 2], turnover,
                new double[periods], 252);
    }

    /*
     * Wealth 100, 110, 99, 108.9 with P = 252:
     *   r = (0.1, -0.1, 0.1); mean = 1/30; deviations 1/15, -2/15, 1/15; sum of squares 6/225;
     *   sample variance 3/225 = 1/75; std = 1/sqrt(75).
     *   CR = 0.089; AR = 1.089^(252/3) - 1 = 1.089^84 - 1.
     *   vol = sqrt(252/75) = sqrt(3.36).
     *   Sharpe = sqrt(252) (1/30) sqrt(75) = sqrt(18900)/30.
     *   Sortino: downside mean square = 0.01/3, so Sortino = sqrt(252) (1/30) / sqrt(1/300) = sqrt(75600)/30.
     *   Omega(0) = (0.1 + 0.1) / 0.1 = 2.
     *   MDD = 1 - 99/110 = 0.1; Calmar = AR / 0.1.
     *   turnover (2, 0.1, 0.3): mean 0.8, annualised 0.8 * 252 = 201.6.
     */
    @Test
    void handComputedSeries() {
        BacktestResult r = result(new double[]{100, 110, 99, 108.9}, new double[]{2, 0.1, 0.3});
        MetricValues m = Metrics.compute(r, MetricOptions.DEFAULT);
        double ar = Math.pow(1.089, 84) - 1;
        assertEquals(0.089, m.get(MetricId.CUMULATIVE_RETURN), EPS);
        assertEquals(ar, m.get(MetricId.ANNUAL_RETURN), ar * EPS);
        assertEquals(Math.sqrt(3.36), m.get(MetricId.VOLATILITY), EPS);
        assertEquals(Math.sqrt(18900) / 30, m.get(MetricId.SHARPE), EPS);
        assertEquals(4.58257569495584, m.get(MetricId.SHARPE), 1e-11);
        assertEquals(Math.sqrt(75600) / 30, m.get(MetricId.SORTINO), EPS);
        assertEquals(9.16515138991168, m.get(MetricId.SORTINO), 1e-11);
        assertEquals(2.0, m.get(MetricId.OMEGA), EPS);
        assertEquals(0.1, m.get(MetricId.MAX_DRAWDOWN), EPS);
        assertEquals(ar / 0.1, m.get(MetricId.CALMAR), ar * 10 * EPS);
        assertEquals(0.8, m.get(MetricId.TURNOVER), EPS);
        assertEquals(201.6, Metrics.annualTurnover(r.turnover(), 252), 1e-10);
        assertTrue(Double.isNaN(m.get(MetricId.GOAL_PROBABILITY)), "no goal set");
    }

    /*
     * rf = 5 % a year: rf_p = 1.05^(1/252) - 1 per period.
     *   Sharpe = sqrt(252) (1/30 - rf_p) sqrt(75).
     *   Sortino: excess returns 0.1 - rf_p, -0.1 - rf_p, 0.1 - rf_p; only the middle one is negative:
     *   Sortino = sqrt(252) (1/30 - rf_p) / sqrt((0.1 + rf_p)^2 / 3).
     *   Omega with tau = 0.05: gains 0.05 + 0.05 = 0.1, losses 0.15 -> 2/3.
     */
    @Test
    void riskFreeRateAndOmegaThreshold() {
        BacktestResult r = result(new double[]{100, 110, 99, 108.9}, new double[]{0, 0, 0});
        MetricValues m = Metrics.compute(r, new MetricOptions(0.05, 0.05, MetricOptions.Convention.STANDARD));
        double rfp = Math.pow(1.05, 1 / 252.0) - 1;
        assertEquals(Math.sqrt(252) * (1 / 30.0 - rfp) * Math.sqrt(75), m.get(MetricId.SHARPE), 1e-11);
        assertEquals(Math.sqrt(252) * (1 / 30.0 - rfp) / Math.sqrt((0.1 + rfp) * (0.1 + rfp) / 3), m.get(MetricId.SORTINO), 1e-11);
        assertEquals(2 / 3.0, m.get(MetricId.OMEGA), EPS);
    }

    /* RiPO: SR = (AR - rf) / vol = (1.089^84 - 1 - 0.016575) / sqrt(3.36); 0 whenever AR < 0. */
    @Test
    void ripoConvention() {
        MetricOptions ripo = new MetricOptions(0.016575, 0, MetricOptions.Convention.RIPO);
        MetricValues up = Metrics.compute(result(new double[]{100, 110, 99, 108.9}, new double[3]), ripo);
        double ar = Math.pow(1.089, 84) - 1;
        assertEquals((ar - 0.016575) / Math.sqrt(3.36), up.get(MetricId.SHARPE), 1e-9);
        MetricValues down = Metrics.compute(result(new double[]{100, 90, 95}, new double[2]), ripo);
        assertTrue(down.get(MetricId.ANNUAL_RETURN) < 0);
        assertEquals(0, down.get(MetricId.SHARPE), 0);
        // Sortino keeps its standard definition under RiPO.
        assertEquals(Metrics.sortino(Metrics.returns(new double[]{100, 90, 95}), 252, Math.pow(1.016575, 1 / 252.0) - 1),
                down.get(MetricId.SORTINO), EPS);
    }

    @Test
    void undefinedRatiosAreNaNNotInfinite() {
        MetricValues flat = Metrics.compute(result(new double[]{100, 100, 100, 100}, new double[3]), MetricOptions.DEFAULT);
        assertEquals(0, flat.get(MetricId.CUMULATIVE_RETURN), 0);
        assertEquals(0, flat.get(MetricId.ANNUAL_RETURN), 0);
        assertEquals(0, flat.get(MetricId.VOLATILITY), 0);
        assertEquals(0, flat.get(MetricId.MAX_DRAWDOWN), 0);
        assertTrue(Double.isNaN(flat.get(MetricId.SHARPE)));
        assertTrue(Double.isNaN(flat.get(MetricId.SORTINO)));
        assertTrue(Double.isNaN(flat.get(MetricId.CALMAR)));
        // r = 0 is not above tau = 0, so Omega is 0 / 0.
        assertTrue(Double.isNaN(flat.get(MetricId.OMEGA)));

        // Constant positive returns: rounding must not produce a tiny std and a huge Sharpe.
        MetricValues steady = Metrics.compute(result(new double[]{1, 1.1, 1.21, 1.331}, new double[3]), MetricOptions.DEFAULT);
        double[] r = Metrics.returns(new double[]{1, 1.1, 1.21, 1.331});
        if (r[0] == r[1] && r[1] == r[2]) assertTrue(Double.isNaN(steady.get(MetricId.SHARPE)));
        assertTrue(Double.isNaN(steady.get(MetricId.SORTINO)));
        assertTrue(Double.isNaN(steady.get(MetricId.OMEGA)));
        assertTrue(Double.isNaN(steady.get(MetricId.CALMAR)));

        MetricValues one = Metrics.compute(result(new double[]{100, 105}, new double[1]), MetricOptions.DEFAULT);
        assertTrue(Double.isNaN(one.get(MetricId.VOLATILITY)));
        assertTrue(Double.isNaN(one.get(MetricId.SHARPE)));
        assertEquals(Math.pow(1.05, 252) - 1, one.get(MetricId.ANNUAL_RETURN), 1e-6);

        for (MetricId id : MetricId.values()) {
            assertTrue(!Double.isInfinite(flat.get(id)) && !Double.isInfinite(steady.get(id)), id.key());
        }
    }

    /* Drawdown is measured from the running peak: 100, 120, 90, 130, 117 -> max(0.25, 0.1) = 0.25. */
    @Test
    void drawdownUsesTheRunningPeak() {
        assertEquals(0.25, Metrics.maxDrawdown(new double[]{100, 120, 90, 130, 117}), EPS);
        assertEquals(0, Metrics.maxDrawdown(new double[]{100, 101, 102}), 0);
    }

    @Test
    void goalProbabilityIsTheShareOfRunsReachingTheGoal() {
        BacktestResult hit = result(new double[]{100, 110, 126}, new double[2]);
        BacktestResult exact = result(new double[]{100, 90, 125}, new double[2]);
        BacktestResult miss = result(new double[]{100, 130, 124.9}, new double[2]);
        assertEquals(2 / 3.0, Metrics.goalProbability(List.of(hit, exact, miss), 1.25), EPS);
        MetricOptions goal = MetricOptions.DEFAULT.withGoal(1.25);
        assertEquals(1, Metrics.compute(hit, goal).get(MetricId.GOAL_PROBABILITY), 0);
        assertEquals(0, Metrics.compute(miss, goal).get(MetricId.GOAL_PROBABILITY), 0);
        assertTrue(Double.isNaN(Metrics.goalProbability(List.of(), 1.25)));
        assertThrows(IllegalArgumentException.class, () -> MetricOptions.DEFAULT.withGoal(-1));
    }

    @Test
    void windowAverages() {
        MetricValues a = Metrics.compute(result(new double[]{100, 110, 99, 108.9}, new double[]{2, 0.1, 0.3}), MetricOptions.DEFAULT);
        MetricValues b = Metrics.compute(result(new double[]{100, 90, 99, 94.05}, new double[]{1, 0.1, 0.1}), MetricOptions.DEFAULT);
        MetricValues mean = MetricValues.mean(List.of(a, b));
        // b: CR = -0.0595, MDD = 0.1 (from 100 to 90), turnover mean 0.4
        assertEquals((0.089 - 0.0595) / 2, mean.get(MetricId.CUMULATIVE_RETURN), EPS);
        assertEquals(0.1, mean.get(MetricId.MAX_DRAWDOWN), EPS);
        assertEquals(0.6, mean.get(MetricId.TURNOVER), EPS);
        assertTrue(Double.isNaN(mean.get(MetricId.GOAL_PROBABILITY)));
    }

    @Test
    void sampleStatistics() {
        assertEquals(2.5, Metrics.mean(new double[]{1, 2, 3, 4}), EPS);
        assertEquals(Math.sqrt(5 / 3.0), Metrics.sampleStd(new double[]{1, 2, 3, 4}), EPS);
        assertEquals(0, Metrics.sampleStd(new double[]{0.1, 0.1, 0.1}), 0);
        assertTrue(Double.isNaN(Metrics.sampleStd(new double[]{1})));
        assertTrue(Double.isNaN(Metrics.mean(new double[0])));
    }
}
