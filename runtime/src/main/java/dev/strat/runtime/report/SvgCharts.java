package dev.strat.runtime.report;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Font;
import java.awt.Rectangle;

/** Renders charts to SVG with JFreeSVG, compactly enough to inline many of them in one page. */
final class SvgCharts {

    private SvgCharts() {
    }

    /**
     * The chart as an {@code <svg>} element with a view box (so CSS can scale it). {@code id}
     * becomes the element id and prefixes its clip-path ids, which must be unique in a page that
     * inlines several charts.
     */
    static String render(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        // A tenth of a pixel is invisible on screen and keeps coordinates to a few characters.
        g2.setGeomDoubleConverter(SvgCharts::tenths);
        // Layout was measured with Java's sans-serif (DejaVu Sans on most systems); Verdana has
        // nearly the same metrics, so labels keep their spacing where DejaVu is not installed.
        g2.setFontFunction(f -> Font.SANS_SERIF.equals(f) || "Dialog".equals(f)
                ? "DejaVu Sans, Verdana, Geneva, sans-serif" : f);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    /** A standalone SVG document for {@code element}. */
    static String document(String element) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n";
    }

    /** {@code d} rounded to one decimal, without a trailing ".0". */
    static String tenths(double d) {
        if (!Double.isFinite(d) || Math.abs(d) > 1e12) return Double.toString(d);
        long t = Math.round(d * 10);
        if (t == 0) return "0";
        StringBuilder sb = new StringBuilder(12);
        if (t < 0) {
            sb.append('-');
            t = -t;
        }
        sb.append(t / 10);
        long frac = t % 10;
        if (frac != 0) sb.append('.').append(frac);
        return sb.toString();
    }
}
