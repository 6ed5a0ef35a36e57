package dev.strat.runtime.rl.train;

import java.time.Instant;
import java.util.Objects;

/**
 * The {@code meta.json} of a {@link Checkpoint}: what the model is and where training stood.
 *
 * @param format          {@link Checkpoint#FORMAT}, checked on read
 * @param algorithm       the agent's algorithm ({@code td3}, {@code ppo}, ...)
 * @param seed            the training run's seed
 * @param observationSize floats per observation the agent was built for
 * @param action          the action space as text, e.g. {@code Continuous[dim=11]}
 * @param epoch           epochs finished when written
 * @param episodes        episodes finished
 * @param steps           environment steps done
 * @param metricName      the validation metric's name
 * @param metric          the metric of {@code epoch} (NaN before the first validation)
 * @param bestEpoch       the best epoch so far (0 if none)
 * @param bestMetric      its metric
 * @param complete        true when training had ended and {@code agent.bin} is the kept (final) model
 * @param created         when the file was written
 */
public record CheckpointMeta(int format, String algorithm, long seed, int observationSize, String action, int epoch,
                             long episodes, long steps, String metricName, double metric, int bestEpoch, double bestMetric,
                             boolean complete, Instant created) {

    public CheckpointMeta {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(metricName, "metricName");
        Objects.requireNonNull(created, "created");
    }
}
