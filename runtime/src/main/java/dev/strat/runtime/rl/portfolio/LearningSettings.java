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
 * @param device   {@code cpu} or {@code gpu}
 */
public record LearningSettings(int epochs, String select, int patience, String device) {

    public static final List<String> SELECT = List.of("wealth", "sharpe", "sortino", "calmar", "ar", "last");

    public LearningSettings {
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(device, "device");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0");
        if (!SELECT.contains(select)) throw new IllegalArgumentException("unknown validation metric '" + select + "'; use one of " + SELECT);
    }
}
