package dev.strat.stdlib;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mvo(estimator=...)}: the shared covariance layer's choice, through the registry. */
class MvoEstimatorTest {

    private final Registry registry = StandardLibrary.registry();
    private final MarketData market = BuiltinFactoriesTest.randomMarket(6, 200, 3);
    private final MarketInfo info = new MarketInfo(market.symbols(), Map.of(), market.frequency());

    private double[] propose(Map<String, Value> given) {
        Builtin b = registry.find("mvo").orElseThrow();
        Stage s = b.factory().create(Arguments.of(b, given), BuildContext.leaf(info, b.name()));
        int t = 150;
        s.reset(new RunSetup(market.symbols(), market.frequency(), 1, t, t));
        double[] current = new double[7];
        current[6] = 1;
        double[] w = new double[7];
        s.propose(new Decision(History.cursor(market, t).view(), 0, current.clone(), current.clone(), 1), w);
        return w;
    }

    @Test
    void estimatorIsAChoiceWithSampleAsDefault() {
        ParamSpec p = registry.find("mvo").orElseThrow().param("estimator").orElseThrow();
        assertTrue(p.check(new Value.Word("ledoit_wolf")).isEmpty());
        String problem = p.check(new Value.Word("oas")).orElseThrow();
        assertTrue(problem.contains("sample") && problem.contains("ledoit_wolf"), problem);
        Map<String, Value> risky = Map.of("risk_aversion", new Value.Num(2000, false, true), "window", new Value.Num(60, false, true));
        double[] byDefault = propose(risky);
        java.util.Map<String, Value> sample = new java.util.HashMap<>(risky);
        sample.put("estimator", new Value.Word("sample"));
        assertEquals(java.util.Arrays.toString(byDefault), java.util.Arrays.toString(propose(sample)));
        java.util.Map<String, Value> shrunk = new java.util.HashMap<>(risky);
        shrunk.put("estimator", new Value.Word("ledoit_wolf"));
        double[] lw = propose(shrunk);
        double diff = 0, sum = 0;
        for (int i = 0; i < 7; i++) {
            diff += Math.abs(lw[i] - byDefault[i]);
            sum += lw[i];
        }
        assertEquals(1.0, sum, 1e-9);
        assertTrue(diff > 1e-4, "ledoit_wolf gave the sample portfolio: " + java.util.Arrays.toString(lw));
    }
}
