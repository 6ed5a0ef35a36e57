package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * Long-only time-series momentum after Moskowitz, Ooi and Pedersen, "Time Series Momentum",
 * Journal of Financial Economics 104(2), 2012. Each asset's own trailing return
 * {@code p_{t-skip} / p_{t-skip-lookback} - 1} is its signal; the paper goes long positive and
 * short negative signals, and the long-only version keeps the long leg: equal weight over the
 * assets with a positive signal, the rest of the book in cash when none is positive (the short leg
 * becomes "stay out"). {@code skip} leaves out the most recent bars, the usual guard against
 * one-month reversal.
 */
public final class TimeSeriesMomentum implements Stage {

    private final String label;
    private final int lookback;
    private final int skip;
    private boolean[] chosen;

    public TimeSeriesMomentum(String label, int lookback, int skip) {
        if (lookback < 1) throw new IllegalArgumentException("TSM lookback must be >= 1");
        if (skip < 0) throw new IllegalArgumentException("TSM skip must be >= 0");
        this.label = label;
        this.lookback = lookback;
        this.skip = skip;
    }

    @Override public String label() { return label; }

    @Override public int warmup() { return lookback + skip + 1; }

    @Override
    public void reset(RunSetup setup) {
        chosen = new boolean[setup.assets()];
    }

    @Override
    public void propose(Decision decision, double[] out) {
        History h = decision.history();
        if (h.available() < warmup()) {
            Weights.cash(out);
            return;
        }
        for (int i = 0; i < chosen.length; i++) chosen[i] = h.close(skip, i) > h.close(skip + lookback, i);
        Weights.equalOver(chosen, out);
    }
}
