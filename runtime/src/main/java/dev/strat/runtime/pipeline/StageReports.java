package dev.strat.runtime.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ReportSink} a backtest owns: collects series of {@code periods} values and counters,
 * in the order stages first write them, and hands them on as a {@link StageReport}.
 */
public final class StageReports implements ReportSink {

    private final int periods;
    private final Map<String, double[]> series = new LinkedHashMap<>();
    private final Map<String, List<String>> categories = new LinkedHashMap<>();
    // one mutable cell per counter: a count every bar must not box a new Long each time
    private final Map<String, long[]> counters = new LinkedHashMap<>();

    public StageReports(int periods) {
        if (periods < 0) throw new IllegalArgumentException("periods must be >= 0");
        this.periods = periods;
    }

    @Override
    public void series(String name, int step, double value) {
        if (step < 0 || step >= periods) {
            throw new IndexOutOfBoundsException("series '" + name + "': step " + step + " outside 0.." + (periods - 1));
        }
        series.computeIfAbsent(name, k -> {
            double[] values = new double[periods];
            Arrays.fill(values, Double.NaN);
            return values;
        })[step] = value;
    }

    @Override
    public void count(String name, long delta) {
        counters.computeIfAbsent(name, k -> new long[1])[0] += delta;
    }

    @Override
    public void categories(String name, List<String> labels) {
        categories.put(name, List.copyOf(labels));
    }

    /** What was reported so far. */
    public StageReport snapshot() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, v.clone()));
        Map<String, List<String>> cats = new LinkedHashMap<>(categories);
        cats.keySet().retainAll(copy.keySet());
        Map<String, Long> counts = new LinkedHashMap<>();
        counters.forEach((k, v) -> counts.put(k, v[0]));
        return new StageReport(copy, cats, counts);
    }
}
