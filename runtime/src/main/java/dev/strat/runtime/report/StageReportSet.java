package dev.strat.runtime.report;

import dev.strat.runtime.pipeline.StageReport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one strategy's stages reported besides weights, as the report shows it: the series of the
 * drawn run (usually the first seed's) and counters averaged over seeds. Arrays are not copied.
 *
 * @param strategy     the strategy's name; matches {@link ReportRow#strategy()} so colours agree
 * @param epochSeconds time of each period's decision, one per entry of every series
 * @param report       the drawn run's series and category labels (its counters are not used)
 * @param counters     each counter's mean over seeds, in the order stages first counted
 */
public record StageReportSet(String strategy, long[] epochSeconds, StageReport report, Map<String, Double> counters) {

    public StageReportSet {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(epochSeconds, "epochSeconds");
        Objects.requireNonNull(report, "report");
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        for (Map.Entry<String, double[]> e : report.series().entrySet()) {
            if (e.getValue().length != epochSeconds.length) {
                throw new IllegalArgumentException("stage series '" + e.getKey() + "' of '" + strategy + "' has "
                        + e.getValue().length + " values for " + epochSeconds.length + " periods");
            }
        }
    }

    /** True when there is neither a series nor a counter to show. */
    public boolean isEmpty() {
        return report.series().isEmpty() && counters.isEmpty();
    }
}
