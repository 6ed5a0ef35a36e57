package dev.strat.runtime.allocators;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * Equal-weight buy and hold: buys 1/N of every asset at its first decision, then proposes the
 * drifted holdings ({@link Decision#current()}) so it never trades again. Its wealth is the
 * average of the assets' price paths, the "market" benchmark of the OLPS literature.
 */
public final class BuyAndHold implements Stage {

    private final String label;
    private boolean bought;

    public BuyAndHold(String label) {
        this.label = label;
    }

    @Override public String label() { return label; }

    @Override
    public void reset(RunSetup setup) {
        bought = false;
    }

    @Override
    public void propose(Decision decision, double[] out) {
        if (!bought) {
            Weights.uniform(out);
            bought = true;
            return;
        }
        System.arraycopy(decision.current(), 0, out, 0, out.length);
    }
}
