package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.stats.StationaryBootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an experiment as an aligned plain-text table: one row per strategy, one column per
 * shown metric, each cell the mean across seeds {@code ± } the sample standard deviation
 * ({@code 12.34% ± 0.56%} for fractions, {@code 0.71 ± 0.03} for ratios; only the mean with a
 * single seed; {@code n/a} when undefined). The best mean of each column (highest or lowest, by
 * the metric's direction) is marked with {@value #BEST}. A header names the experiment, the
 * market, the dates, periods and seeds; a footer lists significance tests.
 */
public final class TableRenderer {

    /** Marks the best value of a column. */
    public static final String BEST = "*";

    private static final String GAP = "  ";

    public String render(ExperimentResult result) {
        ExperimentSpec spec = result.spec();
        MarketData market = spec.market();
        StringBuilder out = new StringBuilder();
        // a one-off backtest is named by its own command ("backtest s on m"), which already says what it is
        if (spec.name().startsWith("backtest ")) out.append(spec.name()).append(": ").append(market.name());
        else out.append("experiment ").append(spec.name()).append(" on ").append(market.name());
        if (spec.scenario()) out.append(" (").append(spec.paths().size()).append(" scenario paths, seed k on path k)");
        out.append('\n');
        out.append("test ").append(barTime(market, spec.firstBar())).append(" .. ").append(barTime(market, spec.lastBar()))
                .append(" (").append(spec.periods()).append(" periods, ").append(market.frequency().label()).append("), ")
                .append(spec.seeds().size() == 1 ? "seed " : "seeds ").append(seeds(spec.seeds())).append('\n');
        if (spec.protocol() instanceof Protocol.WalkForward wf) out.append(describe(wf)).append('\n');
        out.append(costs(spec.config())).append('\n');
        out.append('\n');

        List<MetricId> metrics = spec.metrics();
        List<StrategyResult> rows = result.strategies();
        String[][] cells = new String[rows.size() + 1][metrics.size() + 1];
        cells[0][0] = "strategy";
        for (int c = 0; c < metrics.size(); c++) cells[0][c + 1] = metrics.get(c).key();
        for (int r = 0; r < rows.size(); r++) {
            String name = rows.get(r).name();
            cells[r + 1][0] = spec.benchmark().map(name::equals).orElse(false) ? name + " (benchmark)" : name;
        }
        List<java.util.Map<MetricId, StationaryBootstrap.Interval>> intervals = new ArrayList<>();
        for (StrategyResult row : rows) intervals.add(MetricIntervals.of(spec, row));
        for (int c = 0; c < metrics.size(); c++) {
            MetricId id = metrics.get(c);
            double[] means = new double[rows.size()];
            double best = Double.NaN;
            int defined = 0;
            for (int r = 0; r < rows.size(); r++) {
                means[r] = rows.get(r).summary(id).mean();
                if (Double.isNaN(means[r])) continue;
                defined++;
                if (Double.isNaN(best) || (id.higherIsBetter() ? means[r] > best : means[r] < best)) best = means[r];
            }
            for (int r = 0; r < rows.size(); r++) {
                MetricSummary s = rows.get(r).summary(id);
                boolean isBest = defined > 1 && id.ranked() && means[r] == best;
                cells[r + 1][c + 1] = (isBest ? BEST : " ") + cell(id, s, intervals.get(r).get(id));
            }
        }
        int[] width = new int[metrics.size() + 1];
        for (String[] row : cells) for (int c = 0; c < row.length; c++) width[c] = Math.max(width[c], row[c].length());
        for (int r = 0; r < cells.length; r++) {
            StringBuilder line = new StringBuilder();
            line.append(pad(cells[r][0], width[0], false));
            for (int c = 1; c < cells[r].length; c++) line.append(GAP).append(pad(cells[r][c], width[c], true));
            out.append(strip(line)).append('\n');
        }
        if (rows.size() > 1) out.append(BEST).append(" best in column\n");
        for (String note : notes(result)) out.append(note).append('\n');
        if (spec.walkForward()) windows(out, result);

        if (!result.significance().isEmpty()) significance(out, result);
        return out.toString();
    }

    /** The significance sections ({@link SignificanceSections}), each its header, its rows, its notes and any PSR/DSR table. */
    private static void significance(StringBuilder out, ExperimentResult result) {
        for (SignificanceSections.Section section : SignificanceSections.of(result)) {
            out.append('\n').append(section.header()).append('\n');
            List<String[]> lines = new ArrayList<>();
            for (SignificanceSections.Row r : section.rows()) {
                lines.add(new String[]{r.metric(), r.other(), r.p(), r.verdict(), r.note().isEmpty() ? "" : "(" + r.note() + ")"});
            }
            table(out, lines);
            for (String note : section.notes()) out.append("  note: ").append(note).append('\n');
            if (section.confidence().isEmpty()) continue;
            out.append('\n').append(section.confidenceHeader()).append('\n');
            List<String[]> rows = new ArrayList<>();
            for (SignificanceSections.Confidence c : section.confidence()) {
                rows.add(new String[]{c.strategy(), "Sharpe " + c.sharpe(), "PSR " + c.psr(), "DSR " + c.dsr()});
            }
            table(out, rows);
        }
    }

    /** Indented, left-aligned columns. */
    private static void table(StringBuilder out, List<String[]> lines) {
        if (lines.isEmpty()) return;
        int cols = lines.get(0).length;
        int[] w = new int[cols];
        for (String[] l : lines) for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], l[c].length());
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < cols; c++) line.append(pad(l[c], w[c], false)).append(c < cols - 1 ? GAP : "");
            out.append(strip(line)).append('\n');
        }
    }

    /** The walk-forward in one line: windows, their lengths, retraining. */
    public static String describe(Protocol.WalkForward wf) {
        Protocol.Window first = wf.windows().get(0);
        StringBuilder sb = new StringBuilder("walk-forward: ").append(wf.windows().size())
                .append(wf.windows().size() == 1 ? " window" : " windows").append(", train ")
                .append(first.train().orElseThrow().bars()).append(" bars");
        first.valid().ifPresent(v -> sb.append(" + valid ").append(v.bars()));
        sb.append(", test ").append(first.test().bars()).append(" bars, retrain ")
                .append(wf.retrain().name().toLowerCase(Locale.ROOT));
        return sb.toString();
    }

    /**
     * The metric a per-window table shows: Sharpe when the experiment shows it, else its first metric.
     */
    public static MetricId headline(List<MetricId> metrics) {
        return metrics.contains(MetricId.SHARPE) ? MetricId.SHARPE : metrics.get(0);
    }

    /** One row per window (index and test dates), one column per strategy: the headline metric's mean over seeds. */
    private static void windows(StringBuilder out, ExperimentResult result) {
        ExperimentSpec spec = result.spec();
        MetricId id = headline(spec.metrics());
        List<Protocol.Window> windows = spec.protocol().windows();
        List<StrategyResult> strategies = result.strategies();
        String[][] cells = new String[windows.size() + 1][strategies.size() + 2];
        cells[0][0] = "window";
        cells[0][1] = "test";
        for (int c = 0; c < strategies.size(); c++) cells[0][c + 2] = strategies.get(c).name();
        for (int r = 0; r < windows.size(); r++) {
            Protocol.Window w = windows.get(r);
            cells[r + 1][0] = Integer.toString(w.index());
            cells[r + 1][1] = barTime(spec.market(), w.test().from()) + " .. " + barTime(spec.market(), w.test().to());
            double best = Double.NaN;
            double[] means = new double[strategies.size()];
            for (int c = 0; c < strategies.size(); c++) {
                means[c] = strategies.get(c).windows().get(r).summary(id).mean();
                if (!Double.isNaN(means[c]) && (Double.isNaN(best) || (id.higherIsBetter() ? means[c] > best : means[c] < best))) {
                    best = means[c];
                }
            }
            for (int c = 0; c < strategies.size(); c++) {
                boolean isBest = strategies.size() > 1 && means[c] == best;
                cells[r + 1][c + 2] = (isBest ? BEST : " ") + cell(id, means[c], Double.NaN);
            }
        }
        out.append('\n').append("per window: ").append(id.key()).append(" (mean over seeds)\n");
        int[] width = new int[cells[0].length];
        for (String[] row : cells) for (int c = 0; c < row.length; c++) width[c] = Math.max(width[c], row[c].length());
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            line.append(pad(row[0], width[0], false)).append(GAP).append(pad(row[1], width[1], false));
            for (int c = 2; c < row.length; c++) line.append(GAP).append(pad(row[c], width[c], true));
            out.append(strip(line)).append('\n');
        }
    }

    /**
     * What the table's columns mean where a reader could take them otherwise: the bootstrap
     * intervals, a test too short to annualise (or annualised anyway), the turnover convention and
     * the trials DSR deflates for. The report lists the same lines.
     */
    public static List<String> notes(ExperimentResult result) {
        ExperimentSpec spec = result.spec();
        List<MetricId> shown = spec.metrics();
        List<String> notes = new ArrayList<>();
        var options = spec.options();
        if (options.hasCi() && shown.stream().anyMatch(MetricIntervals.BOOTSTRAPPED::contains)) {
            notes.add("[lo, hi]: " + plainPercent(options.ciLevel()) + " stationary-bootstrap interval on seed " + spec.seeds().get(0)
                    + "'s returns (" + MetricIntervals.RESAMPLES + " resamples, mean block " + MetricIntervals.meanBlock(spec.periods())
                    + " periods)");
        }
        double perYear = spec.market().frequency().periodsPerYear();
        boolean compounds = shown.contains(MetricId.ANNUAL_RETURN) || shown.contains(MetricId.CALMAR);
        if (compounds && !MetricOptions.coversAYear(spec.periods(), perYear)) {
            notes.add(options.annualises(spec.periods(), perYear)
                    ? "! ar and calmar are annualised from " + spec.periods() + " periods, less than a year (annualise always)"
                    : "ar and calmar: n/a, the test is shorter than a year (" + spec.periods() + " periods); "
                    + "'annualise always' extrapolates it");
        }
        if (shown.contains(MetricId.TURNOVER) || shown.contains(MetricId.TURNOVER_ANNUAL)) {
            notes.add("turnover: two-way, sum over assets and cash of |w_new - w_drifted| (twice the share of wealth traded); "
                    + (shown.contains(MetricId.TURNOVER) ? "turnover per decision" : "")
                    + (shown.contains(MetricId.TURNOVER) && shown.contains(MetricId.TURNOVER_ANNUAL) ? ", " : "")
                    + (shown.contains(MetricId.TURNOVER_ANNUAL) ? "turnover_yr per year" : ""));
        }
        if (spec.benchmark().isPresent() && shown.stream().anyMatch(MetricId.RELATIVE::contains)) {
            notes.add("alpha, beta, te, ir: against " + spec.benchmark().get() + ", same seed, period by period"
                    + (options.riskFree() != 0 ? "; alpha and beta on returns in excess of rf" : ""));
        }
        if (shown.contains(MetricId.PSR) || shown.contains(MetricId.DSR)) {
            int trials = ExperimentRunner.dsrTrials(spec);
            notes.add("psr: P(true Sharpe > 0); dsr: the same against the best Sharpe " + trials + " trial"
                    + (trials == 1 ? "" : "s") + " (" + spec.strategiesTried() + (spec.strategiesTried() == 1 ? " strategy x " : " strategies x ")
                    + spec.seeds().size() + (spec.seeds().size() == 1 ? " seed" : " seeds") + ") would show by luck"
                    + (spec.symbolBenchmark() ? "; the benchmark " + spec.benchmark().get() + " is not a trial" : ""));
        }
        return notes;
    }

    /** One cell without the best marker, with its bootstrap interval {@code [lo, hi]} when given (may be null). */
    public static String cell(MetricId id, MetricSummary s, StationaryBootstrap.Interval ci) {
        String text = cell(id, s.mean(), s.std());
        if (ci == null || Double.isNaN(s.mean()) || Double.isNaN(ci.lower())) return text;
        // the interval in the cell's unit, without repeating the % sign
        double scale = id.percent() ? 100 : 1;
        return text + String.format(Locale.ROOT, " [%.2f, %.2f]", scale * ci.lower(), scale * ci.upper());
    }

    /** One cell without the best marker: mean ± std, mean alone for one seed, n/a when undefined. */
    public static String cell(MetricId id, double mean, double std) {
        if (Double.isNaN(mean)) return "n/a";
        if (Double.isInfinite(mean)) return mean > 0 ? "inf" : "-inf";
        String m = id.percent() ? percent(mean) : ratio(mean);
        if (Double.isNaN(std)) return m;
        return m + " ± " + (id.percent() ? percent(std) : ratio(std));
    }

    /** The date of a bar (daily data) or its instant (intraday data), as ISO text. */
    public static String barTime(MarketData market, int bar) {
        return market.frequency().intraday() ? market.instant(bar).toString() : market.date(bar).toString();
    }

    static String seeds(List<Long> seeds) {
        boolean consecutive = seeds.size() > 2;
        for (int k = 1; k < seeds.size() && consecutive; k++) consecutive = seeds.get(k) == seeds.get(k - 1) + 1;
        if (consecutive) return seeds.get(0) + ".." + seeds.get(seeds.size() - 1);
        StringBuilder sb = new StringBuilder();
        for (long s : seeds) sb.append(sb.isEmpty() ? "" : ", ").append(s);
        return sb.toString();
    }

    private static String costs(BacktestConfig config) {
        // the model says what it charges, so a flat per-step cost is not shown as a zero fee
        StringBuilder sb = new StringBuilder("costs: ").append(config.costModel().describe());
        sb.append("; capital ").append(String.format(Locale.ROOT, "%,.0f", config.capital()).replace(',', '_'));
        if (config.riskFree() != 0) sb.append("; cash earns ").append(plainPercent(config.riskFree())).append("/yr");
        return sb.toString();
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String plainPercent(double v) {
        return plain(100 * v) + "%";
    }

    static String plain(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private static String strip(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') end--;
        return line.substring(0, end);
    }
}
