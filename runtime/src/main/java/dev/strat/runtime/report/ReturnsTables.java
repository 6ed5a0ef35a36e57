package dev.strat.runtime.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report's calendar returns: a heat-coloured table per strategy (years by months, with the
 * year's return last), a yearly table across strategies (years by strategies), and the same
 * numbers as {@value #CSV}. Cells are tinted green for gains and red for losses on white, darker
 * the larger the move relative to the table's typical move, so the text stays readable.
 */
final class ReturnsTables {

    /** File name of the CSV written beside the page. */
    static final String CSV = "monthly.csv";

    private static final int[] GAIN = {0x1a, 0x98, 0x50};
    private static final int[] LOSS = {0xd7, 0x30, 0x27};
    /** The strongest tint: a 55% mix keeps #222 text above 4.5:1 contrast on either colour. */
    private static final double MAX_TINT = 0.55;

    /** With more strategies than this, their monthly tables start folded. */
    static final int OPEN_UP_TO = 4;

    private ReturnsTables() {
    }

    /** The section's markup: the yearly table, then one monthly table per strategy; empty without periods. */
    static String html(List<PeriodReturns> returns, Palette strategies) {
        if (returns.stream().allMatch(r -> r.months().isEmpty())) return "";
        double monthScale = scale(returns.stream().flatMap(r -> r.months().stream()).mapToDouble(PeriodReturns.Period::value).toArray());
        double yearScale = scale(returns.stream().flatMap(r -> r.years().stream()).mapToDouble(PeriodReturns.Period::value).toArray());
        StringBuilder h = new StringBuilder();
        yearly(h, returns, strategies, yearScale);
        for (PeriodReturns r : returns) {
            if (!r.months().isEmpty()) monthly(h, r, strategies, monthScale, yearScale, returns.size() <= OPEN_UP_TO);
        }
        h.append("<p class=\"hint\">Returns compounded within each calendar month and year (UTC dates of the bars) "
                + "of each strategy's drawn path (click a strategy's name to unfold or fold its months), the first seed's, as in the equity chart; each period is measured "
                + "from the last bar before it, the first from the run's start. <b>*</b> marks a partial period: the "
                + "run covers only part of it. A dash: no return, the strategy had nothing left to invest. Green "
                + "gains, red losses, darker for larger moves.</p>\n");
        return h.toString();
    }

    private static void yearly(StringBuilder h, List<PeriodReturns> returns, Palette strategies, double scale) {
        TreeSet<Integer> years = new TreeSet<>();
        returns.forEach(r -> r.years().forEach(p -> years.add(p.year())));
        h.append("<h3>Yearly returns</h3>\n<div class=\"scroll\"><table class=\"returns\" id=\"yearly-returns\">\n<thead><tr><th>Year</th>");
        for (PeriodReturns r : returns) {
            h.append("<th class=\"num\"><span class=\"swatch\" style=\"background:").append(Palette.hex(strategies.color(r.strategy())))
                    .append("\"></span>").append(Html.escape(r.strategy())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int year : years) {
            h.append("<tr><th>").append(year).append("</th>");
            for (PeriodReturns r : returns) {
                cell(h, r.years().stream().filter(p -> p.year() == year).findFirst().orElse(null), scale);
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
    }

    private static void monthly(StringBuilder h, PeriodReturns r, Palette strategies, double monthScale, double yearScale,
                                boolean open) {
        Map<Integer, PeriodReturns.Period[]> byYear = new TreeMap<>();
        for (PeriodReturns.Period p : r.months()) byYear.computeIfAbsent(p.year(), y -> new PeriodReturns.Period[12])[p.month() - 1] = p;
        // folded but for a few strategies, so a long comparison keeps the page short; no script needed
        h.append(open ? "<details open>" : "<details>").append("<summary><h3><span class=\"swatch\" style=\"background:")
                .append(Palette.hex(strategies.color(r.strategy()))).append("\"></span>").append(Html.escape(r.strategy()))
                .append(" by month</h3></summary>\n<div class=\"scroll\"><table class=\"returns\" id=\"monthly-")
                .append(Html.escape(ReportWriter.slug(r.strategy()))).append("\">\n<thead><tr><th>Year</th>");
        for (int m = 1; m <= 12; m++) {
            h.append("<th class=\"num\">").append(java.time.Month.of(m).getDisplayName(TextStyle.SHORT, Locale.ROOT)).append("</th>");
        }
        h.append("<th class=\"num year\" title=\"the year's return, compounded\">Total</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<Integer, PeriodReturns.Period[]> e : byYear.entrySet()) {
            h.append("<tr><th>").append(e.getKey()).append("</th>");
            for (PeriodReturns.Period p : e.getValue()) cell(h, p, monthScale);
            int year = e.getKey();
            cell(h, r.years().stream().filter(p -> p.year() == year).findFirst().orElse(null), yearScale, " year");
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</details>\n");
    }

    private static void cell(StringBuilder h, PeriodReturns.Period p, double scale) {
        cell(h, p, scale, "");
    }

    private static void cell(StringBuilder h, PeriodReturns.Period p, double scale, String cls) {
        if (p == null) {
            h.append("<td class=\"num").append(cls).append("\"></td>");
            return;
        }
        String span = date(p.from()) + " .. " + date(p.to());
        if (!Double.isFinite(p.value())) {
            h.append("<td class=\"num na").append(cls).append("\" title=\"no return: nothing left to invest (")
                    .append(span).append(")\">&#8211;</td>");
            return;
        }
        h.append("<td class=\"num").append(cls).append("\" style=\"background:").append(tint(p.value(), scale)).append('"');
        // only a partial period says which bars it spans: the page stays small with many strategies
        if (p.partial()) h.append(" title=\"partial: ").append(span).append('"');
        h.append('>').append(percent(p.value())).append(p.partial() ? "*" : "").append("</td>");
    }

    /** {@code 0.0123} as {@code 1.2%}, {@code -0.0123} as {@code -1.2%}; never {@code -0.0%}. */
    static String percent(double r) {
        String s = String.format(Locale.ROOT, "%.1f%%", r * 100);
        return s.equals("-0.0%") ? "0.0%" : s;
    }

    /** The background for return {@code r}: white at 0, the full tint at {@code |r| >= scale}. */
    static String tint(double r, double scale) {
        double k = MAX_TINT * Math.min(1, Math.abs(r) / scale);
        int[] c = r >= 0 ? GAIN : LOSS;
        return String.format("#%02x%02x%02x", mix(c[0], k), mix(c[1], k), mix(c[2], k));
    }

    private static int mix(int channel, double k) {
        return (int) Math.round(255 * (1 - k) + channel * k);
    }

    /**
     * The move that gets the full tint: the 90th percentile of the absolute finite returns, so one
     * extreme month does not wash out the rest; at least 1% so a near-flat table stays near white.
     */
    static double scale(double[] values) {
        double[] abs = Arrays.stream(values).filter(Double::isFinite).map(Math::abs).sorted().toArray();
        if (abs.length == 0) return 0.01;
        return Math.max(0.01, abs[(int) Math.floor(0.9 * (abs.length - 1))]);
    }

    /**
     * The CSV: one row per strategy and period, months then years of each strategy;
     * {@code period} is {@code 2019-01} for a month and {@code 2019} for a year, {@code from} and
     * {@code to} the dates of the bars the return runs between, {@code return} at full precision
     * (empty when undefined), {@code partial} true or false.
     */
    static String csv(List<PeriodReturns> returns) {
        StringBuilder sb = new StringBuilder("strategy,period,from,to,return,partial\n");
        for (PeriodReturns r : returns) {
            for (PeriodReturns.Period p : r.months()) row(sb, r.strategy(), String.format(Locale.ROOT, "%d-%02d", p.year(), p.month()), p);
            for (PeriodReturns.Period p : r.years()) row(sb, r.strategy(), Integer.toString(p.year()), p);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String strategy, String period, PeriodReturns.Period p) {
        sb.append(quoted(strategy)).append(',').append(period).append(',').append(date(p.from())).append(',').append(date(p.to()))
                .append(',').append(Double.isFinite(p.value()) ? Double.toString(p.value()) : "").append(',').append(p.partial())
                .append('\n');
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. */
    private static String quoted(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The bar's date, or its instant when it is not at midnight UTC (intraday bars). */
    private static String date(long epochSeconds) {
        Instant at = Instant.ofEpochSecond(epochSeconds);
        return Math.floorMod(epochSeconds, 86_400L) == 0 ? LocalDate.ofInstant(at, ZoneOffset.UTC).toString() : at.toString();
    }
}
