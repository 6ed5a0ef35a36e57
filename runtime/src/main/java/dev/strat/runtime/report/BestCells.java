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
        for (int c = 0; c < cols.size(); c++) {
            boolean higher = cols.get(c).higherIsBetter();
            double target = Double.NaN;
            int finite = 0;
            for (ReportRow row : rows) {
                double v = row.means()[c];
                if (!Double.isFinite(v)) continue;
                finite++;
                if (Double.isNaN(target) || (higher ? v > target : v < target)) target = v;
            }
            if (finite < 2) continue;
            for (int r = 0; r < rows.size(); r++) best[r][c] = rows.get(r).means()[c] == target;
        }
        return best;
    }
}
