package dev.strat.runtime.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stages of one run reported through their {@link ReportSink}: series of one value per
 * period (NaN where a stage wrote nothing), the category labels of categorical series, and
 * counters. Immutable; the arrays are owned by the report and must not be modified.
 */
public record StageReport(Map<String, double[]> series, Map<String, List<String>> categories, Map<String, Long> counters) {

    public static final StageReport EMPTY = new StageReport(Map.of(), Map.of(), Map.of());

    public StageReport {
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        Map<String, List<String>> c = new LinkedHashMap<>();
        categories.forEach((k, v) -> c.put(k, List.copyOf(v)));
        categories = Collections.unmodifiableMap(c);
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }

    public boolean isEmpty() {
        return series.isEmpty() && counters.isEmpty();
    }

    /** The labels of a categorical series, or an empty list for a numeric one. */
    public List<String> categoriesOf(String name) {
        return categories.getOrDefault(name, List.of());
    }
}
