package dev.strat.runtime.report;

import dev.strat.runtime.metrics.MetricId;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportChartsTest {

    private final ReportCharts charts = new ReportCharts(Palette.forStrategies(List.of("a", "b")));

    @Test
    void equityUsesLogAxisOnlyForWideRanges() {
        long[] t = Synthetic.days(4);
        SeriesSet narrow = SeriesSet.withoutWeights("a", t, new double[] {100, 150, 120, 250});
        SeriesSet wide = SeriesSet.withoutWeights("b", t, new double[] {100, 150, 200, 400});
        assertInstanceOf(NumberAxis.class, charts.equity(List.of(narrow)).getXYPlot().getRangeAxis());
        assertInstanceOf(LogAxis.class, charts.equity(List.of(narrow, wide)).getXYPlot().getRangeAxis());
    }

    @Test
    void logTicksAreRoundNumbers() {
        assertEquals(List.of(1.0, 3.0, 10.0, 30.0, 100.0, 300.0), NiceLogAxis.tickValues(0.5, 512));
        assertEquals(List.of(0.8, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0), NiceLogAxis.tickValues(0.75, 3.5));
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0), NiceLogAxis.tickValues(0.9, 25));
    }

    @Test
    void linearTickStepsAreRound() {
        assertEquals(0.2, ReportCharts.niceStep(0.75), 1e-12);
        assertEquals(0.1, ReportCharts.niceStep(0.45), 1e-12);
        assertEquals(2.5, ReportCharts.niceStep(13), 1e-12);
        assertEquals(0.01, ReportCharts.niceStep(0.06), 1e-12);
        assertEquals("1.25", ReportCharts.numberFormat(0.25).format(1.25));
        assertEquals("1.2", ReportCharts.numberFormat(0.2).format(1.2));
        assertEquals("10", ReportCharts.numberFormat(5).format(10));
        assertEquals("-2.5%", ReportCharts.percentFormat(0.005).format(-0.025));
        assertEquals("-40%", ReportCharts.percentFormat(0.1).format(-0.4));
    }

    @Test
    void curvesAreNormalisedAndThinned() {
        SeriesSet s = SeriesSet.withoutWeights("a", Synthetic.days(5000), Synthetic.wealth(5000, 0, 0.01, 1));
        XYDataset d = charts.equity(List.of(s)).getXYPlot().getDataset();
        assertTrue(d.getItemCount(0) <= ReportCharts.MAX_CURVE_POINTS);
        assertEquals(1.0, d.getYValue(0, 0), 1e-12);
        assertEquals(Synthetic.START * 1000.0, d.getXValue(0, 0));
        assertEquals((Synthetic.START + 4999 * Synthetic.DAY) * 1000.0, d.getXValue(0, d.getItemCount(0) - 1));
        XYDataset dd = charts.drawdown(List.of(s)).getXYPlot().getDataset();
        double worst = 0;
        for (int i = 0; i < dd.getItemCount(0); i++) worst = Math.min(worst, dd.getYValue(0, i));
        assertEquals(-SeriesMath.maxDrawdown(s.wealth()), worst, 1e-12, "thinned drawdown keeps the maximum drawdown");
    }

    @Test
    void weightsGroupSmallAssetsAndStackToOne() {
        int assets = 30, rows = 400;
        double[] w = Synthetic.weights(rows, assets, 9);
        SeriesSet s = new SeriesSet("a", Synthetic.days(rows + 1), Synthetic.wealth(rows + 1, 0, 0.01, 2),
                Synthetic.columns(assets), w);
        ReportCharts.WeightLayers layers = ReportCharts.WeightLayers.of(s, 10).orElseThrow();
        assertEquals(12, layers.names().size(), "10 assets, other, cash");
        assertEquals("other", layers.names().get(10));
        assertEquals("cash", layers.names().get(11));
        assertEquals("other (20 assets)", layers.legendLabel(10));
        for (int r = 0; r < rows; r += 37) {
            double sum = 0;
            for (int c = 0; c < 12; c++) sum += layers.matrix()[r * 12 + c];
            assertEquals(1.0, sum, 1e-12);
            assertEquals(w[r * 31 + 30], layers.matrix()[r * 12 + 11], 0, "cash unchanged");
        }
        JFreeChart chart = charts.weights(s, Palette.forAssets(s.columns())).orElseThrow();
        XYPlot plot = chart.getXYPlot();
        XYDataset d = plot.getDataset();
        assertEquals(12, d.getSeriesCount());
        int last = d.getItemCount(11) - 1;
        assertEquals(1.0, d.getYValue(11, 0), 1e-9, "top of the stack is 100 %");
        assertEquals(1.0, d.getYValue(11, last), 1e-9);
        assertEquals((Synthetic.START + rows * Synthetic.DAY) * 1000.0, d.getXValue(11, last), "stack reaches the end");
        assertEquals("cash", plot.getFixedLegendItems().get(0).getLabel(), "legend lists the top layer first");
        assertFalse(charts.weights(SeriesSet.withoutWeights("a", Synthetic.days(3), new double[] {1, 2, 3}),
                Palette.forAssets(List.of())).isPresent());
    }

    @Test
    void fewAssetsAreAllNamed() {
        SeriesSet s = new SeriesSet("a", Synthetic.days(11), Synthetic.wealth(11, 0, 0.01, 2),
                Synthetic.columns(11), Synthetic.weights(11, 11, 4));
        ReportCharts.WeightLayers layers = ReportCharts.WeightLayers.of(s, 10).orElseThrow();
        assertEquals(12, layers.names().size(), "grouping one asset as other would hide its name");
        assertFalse(layers.names().contains("other"));
    }

    @Test
    void headlineIsSharpeWhenPresent() {
        assertEquals(1, ReportWriter.headlineColumn(List.of(MetricColumn.of(MetricId.ANNUAL_RETURN),
                MetricColumn.of(MetricId.SHARPE))).orElseThrow());
        assertEquals(0, ReportWriter.headlineColumn(List.of(MetricColumn.of(MetricId.MAX_DRAWDOWN))).orElseThrow());
        assertTrue(ReportWriter.headlineColumn(List.of()).isEmpty());
    }

    @Test
    void svgIdsArePrefixedAndNumbersCompact() {
        SeriesSet s = SeriesSet.withoutWeights("a", Synthetic.days(50), Synthetic.wealth(50, 0, 0.01, 2));
        String svg = ReportCharts.svg(charts.equity(List.of(s)), 600, 300, "eq");
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains("id='eq'"));
        assertTrue(svg.contains("url(#eq-"), "clip paths prefixed, so inlined charts do not collide");
        assertEquals("12.3", SvgCharts.tenths(12.34));
        assertEquals("-0.5", SvgCharts.tenths(-0.46));
        assertEquals("7", SvgCharts.tenths(7.01));
        assertEquals("0", SvgCharts.tenths(-0.01));
    }
}
