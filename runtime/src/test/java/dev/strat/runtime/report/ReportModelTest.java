package dev.strat.runtime.report;

import dev.strat.runtime.metrics.MetricId;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportModelTest {

    @Test
    void seriesRejectsInconsistentShapes() {
        long[] t = Synthetic.days(3);
        var e = assertThrows(IllegalArgumentException.class,
                () -> SeriesSet.withoutWeights("x", t, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("3 times but 2 wealth"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SeriesSet.withoutWeights("x", new long[] {3, 2, 1}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> SeriesSet.withoutWeights("x", t, new double[] {0, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> new SeriesSet("x", t, new double[] {1, 2, 3}, List.of("A", "cash"), new double[5]));
        // One row per decision (T) or per time (T + 1) are both accepted.
        assertEquals(2, new SeriesSet("x", t, new double[] {1, 2, 3}, List.of("A", "cash"), new double[4]).weightRows());
        assertEquals(3, new SeriesSet("x", t, new double[] {1, 2, 3}, List.of("A", "cash"), new double[6]).weightRows());
    }

    @Test
    void seriesFromBacktestResult() {
        long[] t = Synthetic.days(4);
        double[] w = {0.5, 0.2, 0.3, 0.1, 0.1, 0.8, 0.0, 0.0, 1.0};
        var r = new dev.strat.runtime.backtest.BacktestResult("fast", "olmar(window=5)", 1, List.of("A", "B"), t,
                new double[] {100, 101, 99, 103}, w, new double[3], new double[3], 252);
        SeriesSet s = SeriesSet.of(r);
        assertEquals(List.of("A", "B", "cash"), s.columns());
        assertEquals(3, s.weightRows());
        assertEquals("fast", s.strategy());
    }

    @Test
    void rowAndDataCheckColumnCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReportRow("s", "l", List.of("1"), new double[] {1, 2}, new double[] {0, 0}));
        ReportRow row = new ReportRow("s", "l", List.of("1"), new double[] {1}, new double[] {Double.NaN});
        var cols = List.of(MetricColumn.of(MetricId.SHARPE), MetricColumn.of(MetricId.VOLATILITY));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ReportData("t", "", Map.of(), cols, List.of(row), List.of(), 252, List.of()));
        assertTrue(e.getMessage().contains("1 cells for 2 metric columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ReportData("t", "", Map.of(), List.of(), List.of(), List.of(), 0, List.of()));
        SeriesSet s = SeriesSet.withoutWeights("a", Synthetic.days(3), new double[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class,
                () -> new ReportData("t", "", Map.of(), List.of(), List.of(), List.of(s, s), 252, List.of()));
    }

    @Test
    void settingsKeepTheirOrder() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : List.of("z", "a", "m", "b")) m.put(k, k);
        ReportData d = new ReportData("t", "", m, List.of(), List.of(), List.of(), 252, List.of());
        assertEquals(List.of("z", "a", "m", "b"), List.copyOf(d.settings().keySet()));
    }

    @Test
    void bestCellsFollowEachColumnsDirection() {
        var cols = List.of(MetricColumn.of(MetricId.SHARPE), MetricColumn.of(MetricId.MAX_DRAWDOWN),
                new MetricColumn("single", "", true));
        var rows = List.of(
                new ReportRow("a", "", List.of("", "", ""), new double[] {0.5, 0.30, Double.NaN}, new double[3]),
                new ReportRow("b", "", List.of("", "", ""), new double[] {0.9, 0.10, 4}, new double[3]),
                new ReportRow("c", "", List.of("", "", ""), new double[] {0.9, Double.NaN, Double.NaN}, new double[3]));
        boolean[][] best = BestCells.mark(cols, rows);
        assertArrayEquals(new boolean[] {false, false, false}, best[0]);
        assertArrayEquals(new boolean[] {true, true, false}, best[1], "lower drawdown is best; one value is not 'best'");
        assertArrayEquals(new boolean[] {true, false, false}, best[2], "ties are all marked");
    }

    @Test
    void htmlEscapesMarkup() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; | e", Html.escape("a <b> & \"c\" 'd' | e"));
        assertEquals("ab", Html.escape("a\u0000b"));
    }
}
