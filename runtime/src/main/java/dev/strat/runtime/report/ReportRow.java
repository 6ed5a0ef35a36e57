package dev.strat.runtime.report;

import java.util.List;
import java.util.Objects;

/**
 * One strategy's line in the metrics table. Cells are shown as given; the raw numbers only decide
 * which cell of each column is the best and feed the headline bar chart.
 *
 * @param strategy the strategy's name, e.g. {@code fast}; also picks its colour in every chart
 * @param label    the pipeline as text, e.g. {@code olmar(window=5) | constrain(max_weight=0.4)}
 * @param cells    one formatted cell per {@link ReportData#metricColumns() metric column},
 *                 e.g. {@code "0.84 ± 0.05"}
 * @param means    one raw value per metric column (mean across seeds), {@code NaN} where unknown;
 *                 owned by the row, not copied
 * @param stds     one standard deviation across seeds per metric column, {@code NaN} where not
 *                 given (a single seed); owned by the row, not copied
 */
public record ReportRow(String strategy, String label, List<String> cells, double[] means, double[] stds) {

    public ReportRow {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(stds, "stds");
        cells = List.copyOf(cells);
        if (means.length != cells.size() || stds.length != cells.size()) {
            throw new IllegalArgumentException("row '" + strategy + "' has " + cells.size() + " cells, "
                    + means.length + " means and " + stds.length + " stds; they must match");
        }
    }
}
