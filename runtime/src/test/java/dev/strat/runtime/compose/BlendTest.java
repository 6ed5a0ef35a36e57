package dev.strat.runtime.compose;

import dev.strat.runtime.allocators.ConstantRebalanced;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.strat.runtime.compose.SwitchTest.FIRST;
import static dev.strat.runtime.compose.SwitchTest.LAST;
import static dev.strat.runtime.compose.SwitchTest.NAMES;
import static dev.strat.runtime.compose.SwitchTest.members;
import static dev.strat.runtime.compose.SwitchTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlendTest {

    @Test
    void oneHotWeightsAreThatMemberAlone() {
        for (int i = 0; i < NAMES.size(); i++) {
            double[] w = new double[NAMES.size()];
            w[i] = 1;
            BacktestResult alone = run(members().get(i), 4);
            BacktestResult blended = run(new Blend("b", Policies.mix(w), 1, members(), NAMES), 4);
            assertArrayEquals(alone.wealth(), blended.wealth(), 1e-9 * alone.capital(), NAMES.get(i));
            assertArrayEquals(alone.weights(), blended.weights(), 1e-12, NAMES.get(i));
            double[] reported = blended.reports().series().get("b/weight/" + NAMES.get(i));
            for (double x : reported) assertEquals(1.0, x);
        }
        // a switch policy in a blend gives one-hot weights
        BacktestResult fixed = run(new Blend("b", Policies.fixed(2), 1, members(), NAMES), 4);
        assertArrayEquals(run(members().get(2), 4).wealth(), fixed.wealth(), 1e-9 * fixed.capital());
    }

    @Test
    void equalWeightsExecuteTheAverageProposal() {
        double[][] targets = {{0.4, 0.3, 0.2, 0.1, 0}, {0, 0, 0.5, 0.5, 0}, {0.1, 0.1, 0.1, 0.1, 0.6}};
        double[] mean = new double[5];
        for (double[] t : targets) for (int j = 0; j < 5; j++) mean[j] += t[j] / 3;
        List<Stage> crps = List.of(new ConstantRebalanced("a", targets[0]), new ConstantRebalanced("b", targets[1]),
                new ConstantRebalanced("c", targets[2]));
        BacktestResult blended = run(new Blend("b", Policies.equal(), 5, crps, List.of("a", "b", "c")), 8);
        BacktestResult average = run(new ConstantRebalanced("mean", mean), 8);
        assertArrayEquals(average.wealth(), blended.wealth(), 1e-9 * average.capital());
        for (int s = 0; s < blended.periods(); s++) {
            for (int j = 0; j < 5; j++) assertEquals(mean[j], blended.weight(s, j), 1e-12);
        }
        assertEquals(1.0 / 3, blended.reports().series().get("b/weight/c")[17], 1e-15);
    }

    @Test
    void aRandomPolicyBlendsOneMemberAtATime() {
        BacktestResult r = run(new Blend("b", Policies.random(), 4, members(), NAMES), 2);
        for (int s = 0; s < LAST - FIRST; s++) {
            double sum = 0;
            for (String name : NAMES) {
                double w = r.reports().series().get("b/weight/" + name)[s];
                assertTrue(w == 0 || w == 1, "one-hot, got " + w);
                sum += w;
            }
            assertEquals(1, sum);
        }
    }

    @Test
    void mixWeightsMustFitThePool() {
        assertThrows(IllegalArgumentException.class, () -> Policies.mix(new double[]{0.5, 0.6}));
        assertThrows(IllegalArgumentException.class, () -> Policies.mix(new double[]{-0.5, 1.5}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(new Blend("b", Policies.mix(new double[]{0.5, 0.5}), 1, members(), NAMES), 1));
        assertTrue(e.getMessage().contains("2 weights for 4 members"), e.getMessage());
    }
}
