package dev.strat.runtime.metrics;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
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

    /**
     * The metric-by-metric mean of several runs' values, e.g. the HADAPS convention of averaging
     * each metric over the monthly test windows of a rolling experiment. NaN where any run's value
     * is NaN.
     */
    public static MetricValues mean(List<MetricValues> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no values to average");
        double[] sum = new double[IDS.length];
        for (MetricValues r : runs) for (int k = 0; k < sum.length; k++) sum[k] += r.values[k];
        for (int k = 0; k < sum.length; k++) sum[k] /= runs.size();
        return new MetricValues(sum);
    }

    /** One metric's value in each of {@code runs}, in their order (a column of a seeds x metrics table). */
    public static double[] column(List<MetricValues> runs, MetricId id) {
        double[] v = new double[runs.size()];
        for (int k = 0; k < v.length; k++) v[k] = runs.get(k).get(id);
        return v;
    }

    /** These values with {@code id} set to {@code value}: metrics that need every run (DSR) are filled in afterwards. */
    public MetricValues with(MetricId id, double value) {
        double[] v = values.clone();
        v[id.ordinal()] = value;
        return new MetricValues(v);
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
