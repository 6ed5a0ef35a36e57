package dev.strat.runtime.report;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A walk-forward's results window by window: one metric (the headline) per window and strategy,
 * shown as the report's per-window table and chart, with the windows' boundaries marked on the
 * equity chart.
 *
 * @param metric     the metric shown, e.g. Sharpe
 * @param strategies the table's strategy columns in display order; their names pick their colours
 * @param rows       one row per window, in time order
 */
public record WindowTable(MetricColumn metric, List<String> strategies, List<WindowTable.Row> rows) {

    /**
     * One window.
     *
     * @param index     the window's 0-based number, as on the terminal and in results.json
     * @param train     its training dates, e.g. {@code "2015-01-02 .. 2016-12-30"} (empty when it trains on nothing)
     * @param valid     its validation dates (empty when it has none)
     * @param testFrom  the date of its first test decision, e.g. {@code "2017-01-03"}
     * @param testTo    the date of the bar valuing its final wealth (the next window's first decision)
     * @param testStart epoch seconds (UTC) of its first test decision, where it begins on a time axis
     * @param cells     the metric formatted, one cell per strategy, e.g. {@code "0.84"}
     * @param values    the metric's mean over seeds, one per strategy, {@code NaN} where unknown;
     *                  owned by the row, not copied
     */
    public record Row(int index, String train, String valid, String testFrom, String testTo, long testStart,
                      List<String> cells, double[] values) {

        public Row {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(valid, "valid");
            Objects.requireNonNull(testFrom, "testFrom");
            Objects.requireNonNull(testTo, "testTo");
            Objects.requireNonNull(values, "values");
            cells = List.copyOf(cells);
            if (values.length != cells.size()) {
                throw new IllegalArgumentException("window " + index + " has " + cells.size() + " cells and "
                        + values.length + " values; they must match");
            }
        }

        /** The test dates as one text, e.g. {@code "2017-01-03 .. 2017-07-03"}. */
        public String test() {
            return testFrom + " .. " + testTo;
        }
    }

    public WindowTable {
        Objects.requireNonNull(metric, "metric");
        strategies = List.copyOf(strategies);
        rows = List.copyOf(rows);
        if (new HashSet<>(strategies).size() != strategies.size()) {
            throw new IllegalArgumentException("a strategy appears twice in the window table: " + strategies);
        }
        Set<Integer> seen = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (!seen.add(row.index())) throw new IllegalArgumentException("window " + row.index() + " appears twice");
            if (row.cells().size() != strategies.size()) {
                throw new IllegalArgumentException("window " + row.index() + " has " + row.cells().size() + " cells for "
                        + strategies.size() + " strategies");
            }
            // the charts place windows on a time axis
            if (r > 0 && row.testStart() <= rows.get(r - 1).testStart()) {
                throw new IllegalArgumentException("windows must be in time order: window " + row.index()
                        + " starts before the one listed ahead of it");
            }
        }
    }

    /** True when some training window has validation dates, so the table shows that column. */
    public boolean hasValid() {
        return rows.stream().anyMatch(r -> !r.valid().isEmpty());
    }

    /** True when some window has training dates. */
    public boolean hasTrain() {
        return rows.stream().anyMatch(r -> !r.train().isEmpty());
    }

    /** The windows' boundaries: the test start of every window but the first, epoch seconds. */
    public long[] boundaries() {
        return rows.stream().skip(1).mapToLong(Row::testStart).toArray();
    }
}
