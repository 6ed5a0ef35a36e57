package dev.strat.runtime.report;

import java.util.List;

/** Finds the best value of each metric column, the cells the table highlights. */
final class BestCells {

    private BestCells() {
    }

    /**
     * {@code [row][column]} true where the row's mean is the column's best (ties all marked).
     * A column is marked only when at least two rows have a finite value: a lone value is not "best".
     */
    static boolean[][] mark(List<MetricColumn> cols, List<ReportRow> rows) {
        boolean[][] best = new boolean[rows.size()][cols.size()];
        double[] column = new double[rows.size()];
        for (int c = 0; c < cols.size(); c++) {
            for (int r = 0; r < rows.size(); r++) column[r] = rows.get(r).means()[c];
            if (!cols.get(c).ranked()) continue;
            boolean[] marked = best(column, cols.get(c).higherIsBetter());
            for (int r = 0; r < rows.size(); r++) best[r][c] = marked[r];
        }
        return best;
    }

    /**
     * True where {@code values} holds the best of them (ties all marked), by the same rule as
     * {@link #mark}: nothing is marked unless at least two values are finite. The per-window table
     * marks each window's best strategy with it.
     */
    static boolean[] best(double[] values, boolean higherIsBetter) {
        boolean[] best = new boolean[values.length];
        double target = Double.NaN;
        int finite = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            finite++;
            if (Double.isNaN(target) || (higherIsBetter ? v > target : v < target)) target = v;
        }
        if (finite < 2) return best;
        for (int i = 0; i < values.length; i++) best[i] = values[i] == target;
        return best;
    }
}
