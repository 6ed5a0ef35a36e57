package dev.strat.runtime.rl.train;

import java.time.Duration;

/**
 * How a training run ended.
 *
 * @param bestEpoch  the epoch with the best validation metric (1-based), 0 if none was validated
 * @param bestMetric its metric
 * @param epochs     epochs finished (a resumed run counts the earlier ones too)
 * @param steps      environment steps in all
 * @param updates    the agent's gradient updates in all
 * @param wallTime   time spent in this call (not counting an earlier run it resumed)
 * @param stopReason why training stopped: {@code "epochs"}, {@code "steps"}, or a listener's reason
 * @param history    everything recorded
 */
public record TrainingResult(int bestEpoch, double bestMetric, int epochs, long steps, long updates, Duration wallTime,
                             String stopReason, TrainingHistory history) {
}
