package dev.strat.runtime.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The benchmark's equity line is dashed, every strategy's solid. */
class BenchmarkLineTest {

    @Test
    void benchmarkLineIsDashedAndOthersAreNot() {
        List<SeriesSet> series = List.of(
                new SeriesSet("mine", Synthetic.days(50), Synthetic.wealth(50, 0.001, 0.01, 1), Synthetic.columns(2), Synthetic.weights(49, 2, 1)),
                new SeriesSet("SPY", Synthetic.days(50), Synthetic.wealth(50, 0.0005, 0.01, 2), Synthetic.columns(2), Synthetic.weights(49, 2, 2)));
        Palette palette = Palette.forStrategies(List.of("mine", "SPY"));
        JFreeChart chart = new ReportCharts(palette, Optional.of("SPY")).equity(series);
        var renderer = ((XYPlot) chart.getPlot()).getRenderer();
        assertNotNull(((BasicStroke) renderer.getSeriesStroke(1)).getDashArray(), "benchmark dashed");
        assertNull(((BasicStroke) renderer.getSeriesStroke(0)).getDashArray(), "strategy solid");
        JFreeChart plain = new ReportCharts(palette).equity(series);
        assertNull(((BasicStroke) ((XYPlot) plain.getPlot()).getRenderer().getSeriesStroke(1)).getDashArray());
    }
}
