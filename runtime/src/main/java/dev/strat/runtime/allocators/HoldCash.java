package dev.strat.runtime.allocators;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/** Holds everything in cash: the do-nothing baseline and the safe arm of a switcher. */
public final class HoldCash implements Stage {

    private final String label;

    public HoldCash(String label) {
        this.label = label;
    }

    @Override public String label() { return label; }

    @Override public void reset(RunSetup setup) { }

    @Override
    public void propose(Decision decision, double[] out) {
        Weights.cash(out);
    }
}
