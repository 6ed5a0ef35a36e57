package dev.strat.runtime.risk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden tests against numpy (sample) and scikit-learn (Ledoit-Wolf); see risk_goldens.py. */
class CovarianceTest {

    @Test
    void sampleMatchesNumpy() {
        for (JsonNode c : Goldens.load("estimators.json")) {
            int t = c.get("t").asInt(), n = c.get("n").asInt();
            double[] mean = new double[n], cov = new double[n * n];
            Covariance.sample(Goldens.array(c, "x"), t, n, mean, cov);
            String name = c.get("name").asText();
            Goldens.assertClose(name + " mean", Goldens.array(c, "mean"), mean, n);
            Goldens.assertClose(name + " cov", Goldens.array(c, "cov"), cov, n * n);
        }
    }

    @Test
    void ledoitWolfMatchesScikitLearn() {
        for (JsonNode c : Goldens.load("estimators.json")) {
            int t = c.get("t").asInt(), n = c.get("n").asInt();
            double[] mean = new double[n], cov = new double[n * n];
            double s = Covariance.ledoitWolf(Goldens.array(c, "x"), t, n, mean, cov);
            String name = c.get("name").asText();
            double expected = c.get("lw_shrinkage").asDouble();
            assertEquals(expected, s, Goldens.TOLERANCE * Math.max(1e-300, Math.abs(expected)), name + " shrinkage");
            Goldens.assertClose(name + " location", Goldens.array(c, "lw_mean"), mean, n);
            Goldens.assertClose(name + " shrunk cov", Goldens.array(c, "lw_cov"), cov, n * n);
        }
    }

    @Test
    void ledoitWolfShrinksMoreWhenBarsAreFewerThanAssets() {
        double wide = -1, lng = -1;
        for (JsonNode c : Goldens.load("estimators.json")) {
            if (c.get("name").asText().equals("wide")) wide = c.get("lw_shrinkage").asDouble();
            if (c.get("name").asText().equals("long")) lng = c.get("lw_shrinkage").asDouble();
        }
        assertTrue(wide > 0.3 && lng < 0.1, "golden cases cover light and heavy shrinkage");
    }

    @Test
    void buffersAreReusedWithoutStaleState() {
        JsonNode c = Goldens.load("estimators.json").get(0);
        int t = c.get("t").asInt(), n = c.get("n").asInt();
        double[] mean = new double[n], cov = new double[n * n];
        double[] x = Goldens.array(c, "x");
        java.util.Arrays.fill(mean, 99);
        java.util.Arrays.fill(cov, -7);
        Covariance.ledoitWolf(x, t, n, mean, cov);
        Covariance.sample(x, t, n, mean, cov);
        Goldens.assertClose("reused cov", Goldens.array(c, "cov"), cov, n * n);
    }

    @Test
    void handWorkedTwoByTwo() {
        // x = [1, 2], [3, 6], [5, 4]: means 3, 4; deviations (-2,-2), (0,2), (2,0)
        double[] x = {1, 2, 3, 6, 5, 4};
        double[] mean = new double[2], cov = new double[4];
        Covariance.sample(x, 3, 2, mean, cov);
        assertEquals(3.0, mean[0]);
        assertEquals(4.0, mean[1]);
        assertEquals(4.0, cov[0], 1e-15);   // (4 + 0 + 4) / 2
        assertEquals(2.0, cov[1], 1e-15);   // (4 + 0 + 0) / 2
        assertEquals(2.0, cov[2], 1e-15);
        assertEquals(4.0, cov[3], 1e-15);
        // Ledoit-Wolf: S = [[8/3, 4/3], [4/3, 8/3]], mu = 8/3, delta = (2 (4/3)^2) / 2 = 16/9,
        // Σ_t ‖d_t‖⁴ = 64 + 16 + 16 = 96, ‖S‖² = 2 (64/9) + 2 (16/9) = 160/9,
        // beta = (96/3 - 160/9) / 6 = 64/27 > delta, so beta = delta and s = 1: cov = mu I
        double s = Covariance.ledoitWolf(x, 3, 2, mean, cov);
        assertEquals(1.0, s, 1e-15);
        assertEquals(8.0 / 3, cov[0], 1e-15);
        assertEquals(0.0, cov[1], 1e-15);
    }

    @Test
    void badShapesGetClearMessages() {
        double[] mean = new double[2], cov = new double[4];
        var e = assertThrows(IllegalArgumentException.class, () -> Covariance.sample(new double[2], 1, 2, mean, cov));
        assertTrue(e.getMessage().contains("at least 2 bars"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Covariance.sample(new double[5], 3, 2, mean, cov));
        assertTrue(e.getMessage().contains("t x n"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Covariance.ledoitWolf(new double[6], 3, 2, mean, new double[3]));
        assertTrue(e.getMessage().contains("covariance buffer"), e.getMessage());
    }
}
