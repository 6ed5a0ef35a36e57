package dev.strat.runtime.compose;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sleeve confines its stage to an asset class; a blend of sleeves is a hierarchy. */
class SleeveTest {

    private static final MarketData MARKET = SyntheticMarkets.gbm(5, 300, 4);
    private static final Backtester BACKTESTER = new Backtester(new BacktestConfig(1e6, 0.001, 0, 0));

    /** Equal weights over whatever universe it is given; remembers the symbols it was reset with and reads every column. */
    private static final class Spread implements Stage {
        List<String> symbols = new ArrayList<>();
        public String label() { return "spread"; }
        public void reset(RunSetup setup) { symbols = setup.symbols(); }
        public void propose(Decision d, double[] out) {
            int k = out.length - 1;
            for (int j = 0; j < k; j++) {
                assertTrue(d.history().close(0, j) > 0);
                out[j] = 1.0 / k;
            }
            out[k] = 0;
            assertThrows(RuntimeException.class, () -> d.history().close(0, k), "a column outside the class must not be readable");
        }
    }

    @Test
    void theStageSeesOnlyItsClassAndTheSleeveHoldsNothingElse() {
        Spread inner = new Spread();
        BacktestResult r = BACKTESTER.run("s", new Sleeve("tech", new int[]{1, 3}, inner), MARKET, 50, 250, 1);
        assertEquals(List.of(MARKET.symbols().get(1), MARKET.symbols().get(3)), inner.symbols);
        for (int t = 0; t < r.periods(); t++) {
            assertEquals(0, r.weight(t, 0));
            assertEquals(0.5, r.weight(t, 1), 1e-12);
            assertEquals(0, r.weight(t, 2));
            assertEquals(0.5, r.weight(t, 3), 1e-12);
            assertEquals(0, r.weight(t, 4));
        }
    }

    @Test
    void aHierarchyIsClassWeightsTimesWithinClassWeights() {
        Sleeve a = new Sleeve("a", new int[]{0, 1}, new Spread());
        Sleeve b = new Sleeve("b", new int[]{2, 3, 4}, new Spread());
        BacktestResult r = BACKTESTER.run("h", new Blend("h", Policies.mix(new double[]{0.4, 0.6}), 1, List.of(a, b), List.of("a", "b")),
                MARKET, 50, 250, 1);
        for (int t = 0; t < r.periods(); t++) {
            assertEquals(0.2, r.weight(t, 0), 1e-12);
            assertEquals(0.2, r.weight(t, 1), 1e-12);
            assertEquals(0.2, r.weight(t, 2), 1e-12);
            assertEquals(0.2, r.weight(t, 4), 1e-12);
        }
    }
}
