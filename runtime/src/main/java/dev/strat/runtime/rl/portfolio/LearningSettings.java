package dev.strat.runtime.rl.portfolio;

import java.util.List;
import java.util.Objects;

/**
 * How a learning stage trains.
 *
 * @param epochs   training episodes over the whole train split
 * @param select   the validation metric that picks the best epoch: {@code wealth} (final wealth),
 *                 {@code sharpe}, {@code sortino}, {@code calmar}, {@code ar}, or {@code last}
 *                 to keep the final model
 * @param patience epochs without a better validation metric before training stops (0: never)
 * @param device    {@code cpu} or {@code gpu}
 * @param trainWith {@code pipeline} (the default): train and validate with the stages that follow the
 *                  agent in its pipeline; {@code alone}: with the agent's own weights only (an
 *                  ablation), whatever the training context offers
 */
public record LearningSettings(int epochs, String select, int patience, String device, String trainWith) {

    public static final List<String> SELECT = List.of("wealth", "sharpe", "sortino", "calmar", "ar", "last");
    public static final List<String> TRAIN_WITH = List.of("pipeline", "alone");

    /** Settings that train with the pipeline. */
    public LearningSettings(int epochs, String select, int patience, String device) {
        this(epochs, select, patience, device, "pipeline");
    }

    public LearningSettings {
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(trainWith, "trainWith");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0");
        if (!SELECT.contains(select)) throw new IllegalArgumentException("unknown validation metric '" + select + "'; use one of " + SELECT);
        if (!TRAIN_WITH.contains(trainWith)) throw new IllegalArgumentException("unknown train_with '" + trainWith + "'; use one of " + TRAIN_WITH);
    }

    /** True when the agent trains without the stages after it. */
    public boolean alone() {
        return trainWith.equals("alone");
    }
}
