package dev.strat.runtime.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;

/**
 * The report's look: white background, light solid grid, no plot border, sans-serif text sized
 * for a laptop screen. Applied per chart rather than through a global theme, so nothing else in
 * the process changes.
 */
final class ChartStyle {

    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x666666);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color AXIS = new Color(0xB0B0B0);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {
    }

    /** Styles the chart's titles, legend, plot and axes in place, and returns it. */
    static JFreeChart apply(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
            title.setPaint(TEXT);
            title.setHorizontalAlignment(HorizontalAlignment.LEFT);
            title.setPadding(new RectangleInsets(2, 4, 2, 4));
        }
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(MUTED);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setPadding(new RectangleInsets(0, 4, 6, 4));
            chart.addSubtitle(0, sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setItemPaint(TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 10));
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        BasicStroke grid = new BasicStroke(0.8f);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(grid);
            xy.setRangeGridlineStroke(grid);
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
            styleAxis(xy.getDomainAxis());
            styleAxis(xy.getRangeAxis());
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
            cat.setRangeGridlineStroke(grid);
            cat.setDomainGridlinesVisible(false);
            cat.setAxisOffset(RectangleInsets.ZERO_INSETS);
            styleAxis(cat.getDomainAxis());
            styleAxis(cat.getRangeAxis());
        }
        return chart;
    }

    private static void styleAxis(Axis axis) {
        if (axis == null) return;
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(MUTED);
        axis.setAxisLinePaint(AXIS);
        axis.setTickMarkPaint(AXIS);
        if (axis instanceof ValueAxis v) v.setMinorTickMarksVisible(false);
    }
}
