package dev.strat.runtime.experiment;

import java.util.Objects;

/**
 * The learning curves of one trained run: what the experiment report draws for a strategy that
 * was trained before its test. Plain arrays, so the experiment layer stays free of the training
 * classes.
 *
 * @param episodeRewards reward sum of each training episode, in order
 * @param validation     the validation metric after each epoch, epoch 1 first
 * @param metricName     the validation metric's name, e.g. {@code sharpe}
 */
public record TrainingLog(double[] episodeRewards, double[] validation, String metricName) {

    public TrainingLog {
        episodeRewards = episodeRewards.clone();
        validation = validation.clone();
        Objects.requireNonNull(metricName, "metricName");
    }

    @Override
    public double[] episodeRewards() { return episodeRewards.clone(); }

    @Override
    public double[] validation() { return validation.clone(); }
}
