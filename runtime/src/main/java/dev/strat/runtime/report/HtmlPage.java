package dev.strat.runtime.report;

import java.util.List;
import java.util.Map;

/**
 * The report's HTML page: embedded CSS, the interactive charts' data as one JSON element drawn by
 * the inlined uPlot library ({@link InteractiveCharts}), and the other charts as the SVG files
 * written beside the page (never inlined a second time). Nothing is fetched from the network, so
 * the report folder opens offline and from a CI artefact store.
 */
final class HtmlPage {

    /**
     * One chart on the page.
     *
     * @param anchor  id of the figure element
     * @param body    the chart's markup: an interactive chart's placeholder or an {@code <img>} of its file
     * @param caption text under the chart (plain text, escaped here)
     * @param files   names of the chart's image files next to the page, linked under it
     */
    record Figure(String anchor, String body, String caption, List<String> files) {
    }

    /**
     * Figures grouped under a heading, after an optional block of ready-made HTML (a table).
     *
     * @param html markup shown before the figures (already escaped), empty for none
     */
    record Section(String anchor, String heading, List<Figure> figures, String html) {

        Section(String anchor, String heading, List<Figure> figures) {
            this(anchor, heading, figures, "");
        }

        boolean isEmpty() {
            return figures.isEmpty() && html.isEmpty();
        }
    }

    private static final String CSS = """
            :root{color-scheme:light}
            *{box-sizing:border-box}
            body{margin:0;background:#f4f4f2;color:#222;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            main{max-width:1320px;margin:0 auto;padding:28px 32px 56px;background:#fff;min-height:100vh}
            header h1{font-size:1.6rem;margin:0 0 .15rem;font-weight:650}
            header .sub{color:#555;margin:0}
            nav{margin:.9rem 0 0;font-size:.9rem}
            nav a{color:#3b6aa0;text-decoration:none;margin-right:1.1rem}
            nav a:hover{text-decoration:underline}
            p.test{margin:1.1rem 0 .4rem;font-weight:600;color:#333}
            h2{font-size:1.15rem;margin:2.2rem 0 .7rem;padding-bottom:.3rem;border-bottom:1px solid #e3e3e3;font-weight:650}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-size:.9rem;font-variant-numeric:tabular-nums lining-nums}
            th,td{padding:.4rem .65rem;text-align:left;vertical-align:top;border-bottom:1px solid #ececec}
            thead th{border-bottom:2px solid #cfcfcf;font-weight:600;white-space:nowrap}
            th .dir{color:#888;font-weight:400;margin-left:.2rem}
            .num{text-align:right;white-space:nowrap}
            td.best{font-weight:700;background:#e8f2e3}
            td.name{font-weight:600;min-width:14rem;max-width:26rem}
            td.dates{white-space:nowrap;color:#444}
            td.name .label{font-weight:400;margin:.15rem 0 0 1.3em}
            td.name .label code{font:.78rem/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#666;overflow-wrap:anywhere}
            tbody tr:hover{background:#fafaf7}
            .swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.5em;vertical-align:-.05em}
            .hint{color:#666;font-size:.85rem;margin:.5rem 0 0}
            figure{margin:0 0 1.8rem}
            figure svg,figure img{display:block;width:100%;height:auto}
            figcaption{color:#555;font-size:.86rem;margin:.25rem 0 0}
            figcaption a{color:#3b6aa0;margin-left:.5rem}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.4rem;margin:0;font-size:.9rem}
            dt{font-weight:600;color:#333}
            dd{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;white-space:pre-wrap;overflow-wrap:anywhere}
            h3{font-size:1rem;margin:1.3rem 0 .4rem;font-weight:600}
            summary{cursor:pointer}
            summary h3{display:inline-block;margin:.9rem 0 .4rem}
            table.returns{width:auto;font-size:.82rem}
            table.returns th,table.returns td{padding:.22rem .5rem;border-bottom:1px solid #fff}
            table.returns tbody th{font-weight:600;text-align:left}
            table.returns td.year{border-left:2px solid #fff;font-weight:600}
            table.returns td.na{color:#999}
            ul.notes{margin:0;padding-left:1.2rem;font-size:.9rem}
            ul.notes li{margin:.2rem 0}
            @media print{body{background:#fff}main{padding:0}figure{break-inside:avoid}}
            """;

    private HtmlPage() {
    }

    static String render(ReportData data, Palette strategies, List<Section> sections) {
        return render(data, strategies, sections, List.of());
    }

    /** The page, drawing {@code charts} (placeholders of which are among the sections' figures) with uPlot. */
    static String render(ReportData data, Palette strategies, List<Section> sections, List<InteractiveCharts.Chart> charts) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(data.title())).append("</title>\n")
                .append("<style>\n").append(CSS);
        if (!charts.isEmpty()) h.append(InteractiveCharts.css());
        h.append("</style>\n</head>\n<body>\n<main>\n");
        header(h, data, sections);
        metrics(h, data, strategies);
        for (Section s : sections) {
            if (s.isEmpty()) continue;
            h.append("<section id=\"").append(s.anchor()).append("\">\n<h2>").append(Html.escape(s.heading()))
                    .append("</h2>\n").append(s.html());
            for (Figure f : s.figures()) figure(h, f);
            h.append("</section>\n");
        }
        reproduce(h, data.settings());
        notes(h, data.notes());
        h.append("</main>\n");
        if (!charts.isEmpty()) h.append(InteractiveCharts.dataElement(charts)).append(InteractiveCharts.script());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, ReportData data, List<Section> sections) {
        h.append("<header>\n<h1>").append(Html.escape(data.title())).append("</h1>\n");
        if (!data.subtitle().isEmpty()) {
            h.append("<p class=\"sub\">").append(Html.escape(data.subtitle())).append("</p>\n");
        }
        h.append("<nav><a href=\"#metrics\">Metrics</a>");
        for (Section s : sections) {
            if (s.isEmpty()) continue;
            h.append("<a href=\"#").append(s.anchor()).append("\">").append(Html.escape(s.heading())).append("</a>");
        }
        h.append("<a href=\"#reproduce\">Reproduce</a>");
        if (!data.notes().isEmpty()) h.append("<a href=\"#notes\">Notes (").append(data.notes().size()).append(")</a>");
        h.append("</nav>\n</header>\n");
    }

    private static void metrics(StringBuilder h, ReportData data, Palette strategies) {
        List<MetricColumn> cols = data.metricColumns();
        List<ReportRow> rows = data.table();
        boolean[][] best = BestCells.mark(cols, rows);
        h.append("<section id=\"metrics\">\n<h2>Metrics</h2>\n");
        if (rows.isEmpty()) {
            h.append("<p class=\"hint\">No strategies were evaluated.</p>\n</section>\n");
            return;
        }
        h.append("<div class=\"scroll\"><table>\n<thead><tr><th>Strategy</th>");
        for (MetricColumn c : cols) {
            h.append("<th class=\"num\"");
            if (!c.description().isEmpty()) h.append(" title=\"").append(Html.escape(c.description())).append('"');
            h.append('>').append(Html.escape(c.name()))
                    .append("<span class=\"dir\">").append(c.higherIsBetter() ? "&#8593;" : "&#8595;").append("</span></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            ReportRow row = rows.get(r);
            h.append("<tr><td class=\"name\"><span class=\"swatch\" style=\"background:")
                    .append(Palette.hex(strategies.color(row.strategy()))).append("\"></span>")
                    .append(Html.escape(row.strategy()));
            // the pipeline goes under the name, small, only when it says more than the name
            if (!row.label().equals(row.strategy())) {
                h.append("<div class=\"label\"><code>").append(Html.escape(row.label())).append("</code></div>");
            }
            h.append("</td>");
            for (int c = 0; c < cols.size(); c++) {
                h.append(best[r][c] ? "<td class=\"num best\">" : "<td class=\"num\">")
                        .append(Html.escape(row.cells().get(c))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n<p class=\"hint\">Best value per column in bold "
                + "(&#8593; higher is better, &#8595; lower is better).</p>\n</section>\n");
    }

    /**
     * The counters of every strategy whose stages counted something: one row per strategy, one
     * column per counter name (first counted first), each cell the mean over seeds; empty text when
     * nothing was counted.
     */
    static String counterTable(List<StageReportSet> reports, Palette strategies) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (StageReportSet r : reports) names.addAll(r.counters().keySet());
        if (names.isEmpty()) return "";
        StringBuilder h = new StringBuilder("<div class=\"scroll\"><table id=\"counters\">\n<thead><tr><th>Strategy</th>");
        for (String n : names) h.append("<th class=\"num\">").append(Html.escape(n)).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        for (StageReportSet r : reports) {
            if (r.counters().isEmpty()) continue;
            h.append("<tr><td class=\"name\"><span class=\"swatch\" style=\"background:")
                    .append(Palette.hex(strategies.color(r.strategy()))).append("\"></span>")
                    .append(Html.escape(r.strategy())).append("</td>");
            for (String n : names) {
                Double v = r.counters().get(n);
                h.append("<td class=\"num\">").append(v == null ? "" : count(v)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n<p class=\"hint\">Counters the stages kept during the test, mean over seeds.</p>\n");
        return h.toString();
    }

    /**
     * The significance tests, one table per request in the order the program asks (its header
     * naming the test, reference, alpha and pairing), significant comparisons in bold, the caveats
     * under it, and the PSR/DSR table where a Sharpe difference test brought one; empty text
     * when the experiment asked for no test.
     */
    static String significanceTables(List<dev.strat.runtime.experiment.SignificanceSections.Section> sections) {
        StringBuilder h = new StringBuilder();
        int n = 0;
        for (var section : sections) {
            n++;
            h.append("<p class=\"test\">").append(Html.escape(section.header())).append("</p>\n")
                    .append("<div class=\"scroll\"><table id=\"significance-").append(n).append("\">\n<thead><tr><th>Metric</th>")
                    .append("<th>Strategy</th><th class=\"num\">p</th><th>Verdict</th><th>Note</th></tr></thead>\n<tbody>\n");
            for (var r : section.rows()) {
                h.append("<tr><td>").append(Html.escape(r.metric())).append("</td><td class=\"name\">").append(Html.escape(r.other()))
                        .append("</td><td class=\"num\">").append(Html.escape(r.p().replace("p = ", ""))).append("</td>")
                        .append(r.significant() ? "<td class=\"best\">" : "<td>").append(Html.escape(r.verdict())).append("</td><td>")
                        .append(Html.escape(r.note())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
            for (String note : section.notes()) h.append("<p class=\"hint\">").append(Html.escape(note)).append("</p>\n");
            if (section.confidence().isEmpty()) continue;
            h.append("<p class=\"test\">").append(Html.escape(section.confidenceHeader())).append("</p>\n")
                    .append("<div class=\"scroll\"><table id=\"sharpe-confidence\">\n<thead><tr><th>Strategy</th>")
                    .append("<th class=\"num\">Sharpe</th><th class=\"num\">PSR</th><th class=\"num\">DSR</th></tr></thead>\n<tbody>\n");
            for (var c : section.confidence()) {
                h.append("<tr><td class=\"name\">").append(Html.escape(c.strategy())).append("</td><td class=\"num\">")
                        .append(Html.escape(c.sharpe())).append("</td><td class=\"num\">").append(Html.escape(c.psr()))
                        .append("</td><td class=\"num\">").append(Html.escape(c.dsr())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
        }
        return h.toString();
    }

    /**
     * A walk-forward's windows: one row per window with its train, validation (when any window has
     * one) and test dates, one column per strategy with the metric's mean over seeds, each window's
     * best marked as the metrics table marks a column's best.
     */
    static String windowTable(WindowTable t, Palette strategies) {
        MetricColumn metric = t.metric();
        boolean train = t.hasTrain(), valid = t.hasValid();
        StringBuilder h = new StringBuilder("<div class=\"scroll\"><table id=\"window-table\">\n<thead><tr><th>Window</th>");
        if (train) h.append("<th>Train</th>");
        if (valid) h.append("<th>Valid</th>");
        h.append("<th>Test</th>");
        for (String s : t.strategies()) {
            h.append("<th class=\"num\"><span class=\"swatch\" style=\"background:")
                    .append(Palette.hex(strategies.color(s))).append("\"></span>").append(Html.escape(s)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (WindowTable.Row row : t.rows()) {
            boolean[] best = BestCells.best(row.values(), metric.higherIsBetter());
            h.append("<tr><td class=\"num\">").append(row.index()).append("</td>");
            if (train) h.append("<td class=\"dates\">").append(Html.escape(row.train())).append("</td>");
            if (valid) h.append("<td class=\"dates\">").append(Html.escape(row.valid())).append("</td>");
            h.append("<td class=\"dates\">").append(Html.escape(row.test())).append("</td>");
            for (int c = 0; c < row.cells().size(); c++) {
                h.append(best[c] ? "<td class=\"num best\">" : "<td class=\"num\">")
                        .append(Html.escape(row.cells().get(c))).append("</td>");
            }
            h.append("</tr>\n");
        }
        String what = metric.description().isEmpty() ? metric.name() : metric.description() + " (" + metric.name() + ")";
        h.append("</tbody>\n</table></div>\n<p class=\"hint\">").append(Html.escape(capitalised(what)))
                .append(" of each window's test, mean over seeds; best per window in bold (")
                .append(metric.higherIsBetter() ? "&#8593; higher" : "&#8595; lower")
                .append(" is better). Each window's test starts from the configured capital; the Metrics table "
                        + "covers the windows' tests back to back.</p>\n");
        return h.toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String count(double v) {
        return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v)
                : String.format(java.util.Locale.ROOT, "%,.2f", v);
    }

    private static void figure(StringBuilder h, Figure f) {
        h.append("<figure id=\"").append(f.anchor()).append("\">\n").append(f.body()).append("\n<figcaption>")
                .append(Html.escape(f.caption()));
        for (String file : f.files()) {
            h.append("<a href=\"").append(Html.escape(file)).append("\">").append(Html.escape(file)).append("</a>");
        }
        h.append("</figcaption>\n</figure>\n");
    }

    private static void reproduce(StringBuilder h, Map<String, String> settings) {
        h.append("<section id=\"reproduce\">\n<h2>Reproduce</h2>\n");
        if (settings.isEmpty()) {
            h.append("<p class=\"hint\">No settings were recorded.</p>\n");
        } else {
            h.append("<dl>\n");
            settings.forEach((k, v) -> h.append("<dt>").append(Html.escape(k)).append("</dt><dd>")
                    .append(Html.escape(v)).append("</dd>\n"));
            h.append("</dl>\n");
        }
        h.append("</section>\n");
    }

    private static void notes(StringBuilder h, List<String> notes) {
        if (notes.isEmpty()) return;
        h.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul class=\"notes\">\n");
        for (String n : notes) h.append("<li>").append(Html.escape(n)).append("</li>\n");
        h.append("</ul>\n</section>\n");
    }
}
