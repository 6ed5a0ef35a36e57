package dev.strat.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticMarketsTest {

    static double[] closes(MarketData m) {
        double[] c = new double[m.bars() * m.assets()];
        for (int t = 0; t < m.bars(); t++) for (int i = 0; i < m.assets(); i++) c[t * m.assets() + i] = m.close(t, i);
        return c;
    }

    @Test
    void sameSeedSameMarketOtherSeedOtherMarket() {
        MarketData a = SyntheticMarkets.gbm(5, 300, 42);
        MarketData b = SyntheticMarkets.gbm(5, 300, 42);
        MarketData c = SyntheticMarkets.gbm(5, 300, 43);
        assertArrayEquals(closes(a), closes(b));
        assertNotEquals(closes(a)[1000], closes(c)[1000]);
        assertEquals(List.of("S1", "S2", "S3", "S4", "S5"), a.symbols());
    }

    @Test
    void businessDaysFrom2000AndConsistentOhlc() {
        MarketData m = SyntheticMarkets.gbm(3, 600, 7, 0.5);
        assertEquals(LocalDate.of(2000, 1, 3), m.date(0));
        assertEquals(Frequency.DAILY_STOCKS, m.frequency());
        assertTrue(m.hasOhlc());
        for (int t = 0; t < m.bars(); t++) {
            DayOfWeek w = m.date(t).getDayOfWeek();
            assertTrue(w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY);
            for (int i = 0; i < m.assets(); i++) {
                if (t > 0) assertEquals(m.close(t - 1, i), m.open(t, i));
                assertTrue(m.high(t, i) >= Math.max(m.open(t, i), m.close(t, i)));
                assertTrue(m.low(t, i) <= Math.min(m.open(t, i), m.close(t, i)));
                assertTrue(m.volume(t, i) > 0);
            }
        }
        assertEquals(LocalDate.of(2000, 1, 10), m.date(5));
    }

    @Test
    void oneFactorCorrelationShowsInReturns() {
        MarketData m = SyntheticMarkets.gbm(2, 20_000, 3, 0.6);
        GbmModel fit = SyntheticMarkets.calibrate(m, 0, m.bars());
        double[][] c = fit.covariance();
        double rho = c[0][1] / Math.sqrt(c[0][0] * c[1][1]);
        assertEquals(0.6, rho, 0.03);
        MarketData independent = SyntheticMarkets.gbm(2, 20_000, 3);
        double[][] ci = SyntheticMarkets.calibrate(independent, 0, independent.bars()).covariance();
        assertEquals(0.0, ci[0][1] / Math.sqrt(ci[0][0] * ci[1][1]), 0.03);
    }

    @Test
    void choleskyReproducesMatrix() {
        double[][] a = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
        double[][] l = SyntheticMarkets.cholesky(a, 0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += l[i][k] * l[j][k];
                assertEquals(a[i][j], s, 1e-12);
            }
        }
        assertEquals(null, SyntheticMarkets.cholesky(new double[][] {{1, 2}, {2, 1}}, 0));
    }

    @Test
    void simulatedReturnsMatchCalibration() {
        MarketData source = SyntheticMarkets.gbm(3, 800, 11, 0.4);
        GbmModel model = SyntheticMarkets.calibrate(source, 100, 600);
        assertEquals(499, model.samples());
        assertEquals(0.0, model.ridge());
        List<MarketData> paths = SyntheticMarkets.simulate(model, 3000, 20, 99);
        assertEquals(3000, paths.size());
        MarketData p0 = paths.get(0);
        assertEquals(20, p0.bars());
        assertTrue(p0.time(0) > source.time(599));
        assertEquals(source.date(600), p0.date(0)); // the next business day: the source is on the same calendar
        for (int i = 0; i < 3; i++) assertEquals(source.close(599, i), p0.open(0, i));

        int n = 3;
        double[] mean = new double[n];
        double[][] cov = new double[n][n];
        long count = 0;
        double[] r = new double[n];
        for (MarketData p : paths) {
            for (int t = 0; t < p.bars(); t++) {
                for (int i = 0; i < n; i++) {
                    double prev = t == 0 ? model.start()[i] : p.close(t - 1, i);
                    r[i] = Math.log(p.close(t, i) / prev);
                    mean[i] += r[i];
                }
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) cov[i][j] += r[i] * r[j];
                count++;
            }
        }
        for (int i = 0; i < n; i++) mean[i] /= count;
        for (int i = 0; i < n; i++) {
            double sd = Math.sqrt(model.covariance()[i][i]);
            // 60,000 draws: the standard error of the mean is sd / 245; allow 4 of them.
            assertEquals(model.mean()[i], mean[i], 4 * sd / Math.sqrt(count), "mean of asset " + i);
            for (int j = 0; j < n; j++) {
                double c = cov[i][j] / count - mean[i] * mean[j];
                double scale = Math.sqrt(model.covariance()[i][i] * model.covariance()[j][j]);
                assertEquals(model.covariance()[i][j], c, 0.03 * scale, "cov " + i + "," + j);
            }
        }
        // Deterministic in the seed.
        assertEquals(paths.get(17).close(19, 2), SyntheticMarkets.simulate(model, 20, 20, 99).get(17).close(19, 2));
    }

    @Test
    void singularCovarianceGetsRidge() {
        MarketData m = SyntheticMarkets.gbm(1, 50, 5);
        MarketData twin = MarketJoin.join(m, MarketClasses.attach(renamed(m), java.util.Map.of())).data();
        GbmModel g = SyntheticMarkets.calibrate(twin, 0, twin.bars());
        assertTrue(g.ridge() > 0);
        assertEquals(10, SyntheticMarkets.simulate(g, 10, 5, 1).size());
    }

    static MarketData renamed(MarketData m) {
        MarketArrays x = MarketArrays.of(m);
        return new MarketData("twin", List.of("T1"), java.util.Map.of(), x.times(), x.open(), x.high(), x.low(), x.close(), x.volume(), m.frequency());
    }

    @Test
    void explicitDriftAndVolatility() {
        MarketData m = SyntheticMarkets.gbm(new double[] {0.10, 0.0}, new double[] {0.20, 0.0}, 0.0, 5000, 9);
        assertEquals(100, m.open(0, 0));
        // A zero-volatility asset grows deterministically at its drift.
        assertEquals(100 * Math.exp(5000 * 0.0 / 252), m.close(4999, 1), 1e-9);
        GbmModel fit = SyntheticMarkets.calibrate(m, 0, m.bars());
        assertEquals(0.20, Math.sqrt(fit.covariance()[0][0] * 252), 0.01);
        assertEquals(0.10 - 0.02, fit.mean()[0] * 252, 0.1);
    }
}
