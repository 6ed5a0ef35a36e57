package dev.strat.runtime.report;

import java.util.Objects;

/**
 * One strategy's training curves for the report: reward per training episode and the validation
 * metric per epoch (across seeds, the mean at each index).
 *
 * @param strategy       the strategy's name, as in the table
 * @param episodeRewards reward sum of each training episode
 * @param validation     the validation metric after each epoch
 * @param metricName     the validation metric's name
 */
public record TrainingCurves(String strategy, double[] episodeRewards, double[] validation, String metricName) {

    public TrainingCurves {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(metricName, "metricName");
        episodeRewards = episodeRewards.clone();
        validation = validation.clone();
    }

    @Override
    public double[] episodeRewards() { return episodeRewards.clone(); }

    @Override
    public double[] validation() { return validation.clone(); }
}
