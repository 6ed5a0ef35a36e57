package dev.strat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.runtime.allocators.HierarchicalAllocation;
import dev.strat.runtime.risk.RiskMeasure;
import org.junit.jupiter.api.Test;

class HierarchicalBenchTest {

    @Test
    void timesBothModelsOnASmallBlock() {
        for (HierarchicalAllocation.Model m : HierarchicalAllocation.Model.values()) {
            double us = HierarchicalBench.medianMicros(new HierarchicalBench.Case(m, RiskMeasure.CDAR), 100, 6, 3, 5, 0);
            assertTrue(us > 0 && Double.isFinite(us), m + ": " + us);
        }
        assertEquals("herc(risk=cdar)", new HierarchicalBench.Case(HierarchicalAllocation.Model.HERC, RiskMeasure.CDAR).label());
    }

    @Test
    void theBlockIsReproducible() {
        double[] a = HierarchicalBench.returns(50, 4, 1), b = HierarchicalBench.returns(50, 4, 1);
        assertEquals(200, a.length);
        assertTrue(java.util.Arrays.equals(a, b));
    }
}
