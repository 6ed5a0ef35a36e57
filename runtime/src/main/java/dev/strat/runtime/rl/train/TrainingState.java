package dev.strat.runtime.rl.train;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link Trainer} needs to continue a run where it stopped: the counters, the best
 * epoch so far, the history, the agent's saved state and, when it differs, the best epoch's.
 * A {@link Checkpoint} stores one of these.
 *
 * @param epoch      epochs finished
 * @param episodes   episodes finished
 * @param steps      environment steps done
 * @param bestEpoch  the epoch with the best metric (1-based), or 0 before any validation
 * @param bestMetric its metric (negative infinity before any)
 * @param history    what was recorded so far
 * @param agent      {@link dev.strat.runtime.rl.algo.Agent#save} output after epoch {@code epoch}
 * @param bestAgent  the best epoch's saved agent when it is not {@code agent} (keep-best runs only)
 */
public record TrainingState(int epoch, long episodes, long steps, int bestEpoch, double bestMetric,
                            TrainingHistory history, byte[] agent, Optional<byte[]> bestAgent) {

    public TrainingState {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(bestAgent, "bestAgent");
        if (epoch < 0 || episodes < 0 || steps < 0 || bestEpoch < 0 || bestEpoch > epoch) {
            throw new IllegalArgumentException("inconsistent training state: epoch " + epoch + ", best epoch " + bestEpoch
                    + ", " + episodes + " episodes, " + steps + " steps");
        }
    }
}
