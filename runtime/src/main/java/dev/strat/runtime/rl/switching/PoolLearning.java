package dev.strat.runtime.rl.switching;

import java.util.Objects;

/**
 * How a learned switch or blend trains.
 *
 * @param lookback  steps of every member's record in the state
 * @param holdBonus added to a decision's reward when it chose no_trade and every asset fell
 *                  (times the no_trade weight in a blend); 0 turns it off
 * @param timesteps high-level decisions to train for, in all (episodes replay the train split)
 * @param device    {@code cpu} or {@code gpu}
 */
public record PoolLearning(int lookback, double holdBonus, long timesteps, String device) {

    public PoolLearning {
        Objects.requireNonNull(device, "device");
        if (lookback < 1) throw new IllegalArgumentException("lookback must be at least 1 step, got " + lookback);
        if (!Double.isFinite(holdBonus)) throw new IllegalArgumentException("hold_bonus must be finite, got " + holdBonus);
        if (timesteps < 1) throw new IllegalArgumentException("timesteps must be at least 1, got " + timesteps);
    }
}
