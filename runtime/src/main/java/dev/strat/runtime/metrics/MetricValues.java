package dev.strat.runtime.metrics;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The value of every {@link MetricId} for one run. A metric that is undefined for the run (a Sharpe
 * ratio with zero volatility, a Calmar ratio without drawdown, a goal probability without a goal)
 * is NaN; tables show it as {@code n/a} and JSON as {@code null}.
 */
public final class MetricValues {

    private static final MetricId[] IDS = MetricId.values();

    private final double[] values;

    private MetricValues(double[] values) {
        this.values = values;
    }

    /** Values indexed by {@link MetricId#ordinal()}; the array is copied. */
    public static MetricValues of(double[] byOrdinal) {
        if (byOrdinal.length != IDS.length) {
            throw new IllegalArgumentException("expected " + IDS.length + " metric values, got " + byOrdinal.length);
        }
        return new MetricValues(byOrdinal.clone());
    }

    public double get(MetricId id) {
        return values[id.ordinal()];
    }

    /** All values, in {@link MetricId} order. */
    public Map<MetricId, Double> asMap() {
        Map<MetricId, Double> map = new EnumMap<>(MetricId.class);
        for (MetricId id : IDS) map.put(id, values[id.ordinal()]);
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricValues other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (MetricId id : IDS) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(id.key()).append('=').append(values[id.ordinal()]);
        }
        return sb.append('}').toString();
    }
}
