package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * Long-only cross-sectional momentum after Jegadeesh and Titman, "Returns to Buying Winners and
 * Selling Losers: Implications for Stock Market Efficiency", Journal of Finance 48(1), 1993: rank
 * the assets by trailing return {@code p_t / p_{t-lookback} - 1} and hold the {@code top} winners
 * in equal weight (the paper's loser short leg is dropped). Ties go to the asset listed first, so
 * the choice is deterministic. Winners are held even when their return is negative: the strategy
 * is relative, not absolute (that is {@link TimeSeriesMomentum}).
 */
public final class CrossSectionalMomentum implements Stage {

    private final String label;
    private final int lookback;
    private final int top;
    private double[] score;
    private boolean[] chosen;

    public CrossSectionalMomentum(String label, int lookback, int top) {
        if (lookback < 1) throw new IllegalArgumentException("CSM lookback must be >= 1");
        if (top < 1) throw new IllegalArgumentException("CSM top must be >= 1");
        this.label = label;
        this.lookback = lookback;
        this.top = top;
    }

    @Override public String label() { return label; }

    @Override public int warmup() { return lookback + 1; }

    @Override
    public void reset(RunSetup setup) {
        score = new double[setup.assets()];
        chosen = new boolean[setup.assets()];
    }

    @Override
    public void propose(Decision decision, double[] out) {
        History h = decision.history();
        if (h.available() < warmup()) {
            Weights.cash(out);
            return;
        }
        int n = score.length;
        for (int i = 0; i < n; i++) {
            score[i] = h.close(0, i) / h.close(lookback, i) - 1.0;
            chosen[i] = false;
        }
        // selection by repeated arg-max: top is small, and this needs no sorting buffer
        int picks = Math.min(top, n);
        for (int p = 0; p < picks; p++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!chosen[i] && (best < 0 || score[i] > score[best])) best = i;
            }
            chosen[best] = true;
        }
        Weights.equalOver(chosen, out);
    }
}
