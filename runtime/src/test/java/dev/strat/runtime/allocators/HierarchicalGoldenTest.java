package dev.strat.runtime.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strat.runtime.cluster.Linkage;
import dev.strat.runtime.risk.RiskMeasure;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * HRP and HERC weights against riskfolio-lib's {@code HCPortfolio} on 79 cases
 * ({@code src/test/python/hc_goldens.py}): every risk measure and linkage, the three
 * codependences, both covariance estimators, both clustering inputs, leaf ordering on and off,
 * bounds, a given k and the gap statistic's k, 2 to 20 assets and 40 to 700 bars. Agreement 1e-10.
 */
class HierarchicalGoldenTest {

    static HierarchicalSettings settings(JsonNode s, int window) {
        return new HierarchicalSettings(window,
                Linkage.byId(s.get("linkage").asText()),
                HierarchicalSettings.Dependence.valueOf(s.get("codependence").asText().toUpperCase(Locale.ROOT)),
                HierarchicalSettings.ClusterInput.valueOf(s.get("distance").asText().toUpperCase(Locale.ROOT)),
                RiskMeasure.byId(s.get("risk").asText()),
                s.get("alpha").asDouble(),
                dev.strat.runtime.risk.CovarianceEstimator.parse(s.get("estimator").asText()),
                s.get("min_weight").asDouble(), s.get("max_weight").asDouble(),
                s.get("leaf_order").asBoolean(), s.get("k").asInt(), s.get("max_k").asInt());
    }

    @Test
    void matchesRiskfolioOnEveryCase() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/hc/riskfolio_hc.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        double worst = 0;
        for (JsonNode c : root.get("cases")) {
            int n = c.get("n").asInt(), t = c.get("t").asInt();
            double[] x = new double[t * n];
            for (int i = 0; i < x.length; i++) x[i] = c.get("returns").get(i).asDouble();
            HierarchicalSettings s = settings(c.get("settings"), t);
            HierarchicalAllocation.Model model = HierarchicalAllocation.Model.valueOf(c.get("model").asText());
            HierarchicalAllocation a = new HierarchicalAllocation(model, s);
            double[] w = new double[n];
            a.allocate(x, t, n, w);
            String where = "case " + checked + " " + model + " n=" + n + " t=" + t + " " + c.get("settings");
            if (model == HierarchicalAllocation.Model.HERC && n > 1) {
                assertEquals(c.get("k_used").asInt(), a.clusters(), where + " k");
            }
            for (int i = 0; i < n; i++) {
                double expected = c.get("weights").get(i).asDouble();
                assertEquals(expected, w[i], 1e-10, where + " weight " + i);
                worst = Math.max(worst, Math.abs(expected - w[i]));
            }
            // a second call on the same instance (reused buffers) gives the same weights
            double[] again = new double[n];
            a.allocate(x, t, n, again);
            assertTrue(java.util.Arrays.equals(w, again), where + " repeatable");
            checked++;
        }
        assertEquals(79, checked);
        System.out.println("HRP/HERC goldens: largest deviation from riskfolio " + worst);
    }
}
