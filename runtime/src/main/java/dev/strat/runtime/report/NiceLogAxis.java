package dev.strat.runtime.report;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A vertical log axis whose ticks are round numbers (1, 2, 5, 10 ... or 1, 1.5, 2, 3 ... on
 * narrower ranges) instead of powers of the base, which read as 1.41 or 2.83 on a wealth chart.
 */
final class NiceLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    /** Mantissa sets from sparse to dense; the densest that fits {@link #MAX_TICKS} wins. */
    private static final double[][] STEPS = {
            {1},
            {1, 3},
            {1, 2, 5},
            {1, 1.5, 2, 3, 5, 7},
            {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8},
            {1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2, 2.25, 2.5, 2.75, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9}};
    private static final int MAX_TICKS = 8;

    NiceLogAxis(String label) {
        super(label);
        setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.US)));
    }

    /** Tick values within {@code [lo, hi]}: the densest set of round numbers with at most MAX_TICKS. */
    static List<Double> tickValues(double lo, double hi) {
        List<Double> best = List.of();
        for (double[] mantissas : STEPS) {
            List<Double> ticks = new ArrayList<>();
            int from = (int) Math.floor(Math.log10(lo)) - 1;
            int to = (int) Math.ceil(Math.log10(hi)) + 1;
            for (int e = from; e <= to && ticks.size() <= MAX_TICKS; e++) {
                for (double m : mantissas) {
                    // Round away float noise: 0.1 * 3 is 0.30000000000000004.
                    double v = Double.parseDouble(String.format(Locale.ROOT, "%.6g", m * Math.pow(10, e)));
                    if (v >= lo && v <= hi) ticks.add(v);
                }
            }
            if (ticks.size() > MAX_TICKS) break;
            best = ticks;
        }
        return best;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        if (!RectangleEdge.isLeftOrRight(edge)) return super.refreshTicks(g2, state, dataArea, edge);
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        List<NumberTick> ticks = new ArrayList<>();
        for (double v : tickValues(getLowerBound(), getUpperBound())) {
            ticks.add(new NumberTick(v, getNumberFormatOverride().format(v), anchor, TextAnchor.CENTER, 0));
        }
        return ticks;
    }
}
