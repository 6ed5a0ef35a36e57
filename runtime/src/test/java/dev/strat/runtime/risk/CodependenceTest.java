package dev.strat.runtime.risk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden tests against riskfolio-lib's codep_dist (pandas correlations); see risk_goldens.py. */
class CodependenceTest {

    @Test
    void pearsonAndDistancesMatchRiskfolio() {
        for (JsonNode c : Goldens.load("estimators.json")) {
            int t = c.get("t").asInt(), n = c.get("n").asInt();
            String name = c.get("name").asText();
            double[] mean = new double[n], cov = new double[n * n], corr = new double[n * n], dist = new double[n * n];
            Covariance.sample(Goldens.array(c, "x"), t, n, mean, cov);
            Codependence.correlation(cov, n, corr);
            Goldens.assertClose(name + " pearson", Goldens.array(c, "pearson"), corr, n * n);
            Codependence.distance(corr, n, false, dist);
            Goldens.assertClose(name + " distance", Goldens.array(c, "pearson_dist"), dist, n * n);
            Codependence.distance(corr, n, true, dist);
            Goldens.assertClose(name + " abs distance", Goldens.array(c, "pearson_abs_dist"), dist, n * n);
            // in place gives the same
            Codependence.correlation(cov, n, cov);
            Goldens.assertClose(name + " pearson in place", Goldens.array(c, "pearson"), cov, n * n);
        }
    }

    @Test
    void correlationOfAFlatAssetIsZeroOffTheDiagonal() {
        double[] cov = {4, 0, 1, 0, 0, 0, 1, 0, 1};
        double[] corr = new double[9];
        Codependence.correlation(cov, 3, corr);
        assertEquals(1.0, corr[4]);
        assertEquals(0.0, corr[1]);
        assertEquals(0.0, corr[5]);
        assertEquals(0.5, corr[2], 1e-15);
    }

    @Test
    void distancesAtTheEnds() {
        double[] corr = {1, -1, -1, 1};
        double[] d = new double[4];
        Codependence.distance(corr, 2, false, d);
        assertEquals(0.0, d[0]);
        assertEquals(1.0, d[1]);
        Codependence.distance(corr, 2, true, d);
        assertEquals(0.0, d[1]);
        // rounding past ±1 is clipped, never NaN
        Codependence.distance(new double[] {1 + 1e-16, -1 - 1e-15, 0.5, 1}, 2, false, d);
        assertEquals(0.0, d[0]);
        assertEquals(1.0, d[1]);
        assertEquals(0.5, d[2], 1e-15);
    }
}
