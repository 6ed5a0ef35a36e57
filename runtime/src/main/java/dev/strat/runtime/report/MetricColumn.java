package dev.strat.runtime.report;

import dev.strat.runtime.metrics.MetricId;

import java.util.Objects;

/**
 * One metric column of the report's table.
 *
 * @param name           short header, e.g. {@code "sharpe"}
 * @param description    longer text shown as the header's tooltip, e.g. {@code "Sharpe ratio"} (may be empty)
 * @param higherIsBetter which end of the column is the best value, highlighted in the table
 * @param ranked         false for a column whose values describe rather than score (beta), which
 *                       has no best value to highlight
 */
public record MetricColumn(String name, String description, boolean higherIsBetter, boolean ranked) {

    /** A ranked column. */
    public MetricColumn(String name, String description, boolean higherIsBetter) {
        this(name, description, higherIsBetter, true);
    }

    public MetricColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) throw new IllegalArgumentException("metric column name is blank");
    }

    /** The column of a standard metric: its key, description and direction. */
    public static MetricColumn of(MetricId metric) {
        return new MetricColumn(metric.key(), metric.description(), metric.higherIsBetter(), metric.ranked());
    }
}
