package dev.strat.runtime.risk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CovarianceEstimatorTest {

    @Test
    void estimatesAreTheGoldenOnesAndNeedNoRepair() {
        for (JsonNode c : Goldens.load("estimators.json")) {
            int t = c.get("t").asInt(), n = c.get("n").asInt();
            String name = c.get("name").asText();
            double[] x = Goldens.array(c, "x");
            double[] mean = new double[n], cov = new double[n * n], scratch = new double[n];
            assertFalse(CovarianceEstimator.SAMPLE.estimate(x, t, n, mean, cov, scratch), name);
            Goldens.assertClose(name + " sample", Goldens.array(c, "cov"), cov, n * n);
            assertFalse(CovarianceEstimator.LEDOIT_WOLF.estimate(x, t, n, mean, cov, scratch), name);
            Goldens.assertClose(name + " ledoit-wolf", Goldens.array(c, "lw_cov"), cov, n * n);
        }
    }

    @Test
    void estimateNeverAllocatesWithAScratch() {
        JsonNode c = Goldens.load("estimators.json").get(2);
        int t = c.get("t").asInt(), n = c.get("n").asInt();
        double[] x = Goldens.array(c, "x");
        double[] mean = new double[n], cov = new double[n * n], scratch = new double[n];
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 200; k++) CovarianceEstimator.LEDOIT_WOLF.estimate(x, t, n, mean, cov, scratch); // warm up
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        for (int k = 0; k < 100; k++) {
            CovarianceEstimator.LEDOIT_WOLF.estimate(x, t, n, mean, cov, scratch);
            CovarianceEstimator.SAMPLE.estimate(x, t, n, mean, cov, scratch);
        }
        long allocated = bean.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 1024, "estimates allocated " + allocated + " bytes");
    }

    @Test
    void namesParseAndBadOnesSayWhatIsAccepted() {
        assertEquals(CovarianceEstimator.LEDOIT_WOLF, CovarianceEstimator.parse("ledoit_wolf"));
        assertEquals(CovarianceEstimator.SAMPLE, CovarianceEstimator.parse("Sample"));
        var e = assertThrows(IllegalArgumentException.class, () -> CovarianceEstimator.parse("oas"));
        assertTrue(e.getMessage().contains("[sample, ledoit_wolf]"), e.getMessage());
    }

    @Test
    void theCheckLeavesAPsdEstimateAlone() {
        // perfectly collinear assets (t < n as well): singular but PSD, so no repair and no change
        double[] x = {1, 2, 3, 2, 4, 6, 0, 0, 0};
        double[] mean = new double[3], cov = new double[9], expected = new double[9];
        Covariance.sample(x, 3, 3, mean, expected);
        assertFalse(CovarianceEstimator.SAMPLE.estimate(x, 3, 3, mean, cov));
        assertArrayEquals(expected, cov, 0.0);
    }
}
