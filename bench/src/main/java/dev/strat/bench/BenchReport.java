package dev.strat.bench;

import dev.strat.runtime.data.MarketData;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link BacktestSuite.Result} as an aligned text table (targets and PASS/MISS beside
 * each figure that has one) and as JSON.
 */
public final class BenchReport {

    /** The machine the numbers came from: they mean little without it. */
    public record Machine(String jvm, int processors, double loadAverage) {
        public static Machine current() {
            return new Machine(System.getProperty("java.vm.name") + " " + Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private record Row(String name, String value, String spread, String target, String verdict) {}

    private BenchReport() {
    }

    /** The text table, with a header naming the data and the machine. */
    public static String table(BacktestSuite.Result r, Machine machine) {
        BacktestSuite.Plan p = r.plan();
        MarketData m = p.market();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "backtest benchmark: %s, %d assets, %d decisions (%s .. %s)%n", m.name(), m.assets(),
                p.lastBar() - p.firstBar(), m.date(p.firstBar()), m.date(p.lastBar())));
        out.append(String.format(Locale.ROOT, "machine: %s, %d cores, load average %s%n%n", machine.jvm(), machine.processors(),
                machine.loadAverage() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", machine.loadAverage())));
        List<Row> rows = new ArrayList<>();
        rows.add(throughputRow("crp throughput, 1 core", r.crp(), true));
        rows.add(throughputRow("olmar throughput, 1 core", r.olmar(), false));
        ComparisonBench.Timing c = r.comparison();
        String runs = c.runs() + " backtests";
        rows.add(new Row("comparison, first run (cold, " + Runtime.getRuntime().availableProcessors() + " threads)", millis(c.coldNanos() * 1e-6), runs, "< 1000 ms",
                r.coldPasses() ? "PASS" : "MISS"));
        rows.add(new Row("comparison done, since JVM start", c.uptimeMillisAfterCold() + " ms", "data loading included", "< 1000 ms",
                r.sinceStartPasses() ? "PASS" : "MISS"));
        long[] warm = c.warmNanos();
        if (warm.length > 0) {
            rows.add(new Row("comparison, warm (median of " + warm.length + ")", millis(c.warmMedianNanos() * 1e-6),
                    millis(warm[0] * 1e-6) + " .. " + millis(warm[warm.length - 1] * 1e-6), "", ""));
        }
        appendTable(out, List.of("measure", "value", "spread", "target", ""), rows, 1);
        out.append(String.format(Locale.ROOT, "%ncomparison by strategy (backtest only; metrics are computed after the last one; cold per strategy only on one thread):%n"));
        List<Row> split = new ArrayList<>();
        double[] cold = perStrategyMillis(c.coldByRun(), p);
        double[] warmRun = perStrategyMillis(c.warmByRun(), p);
        for (int s = 0; s < p.comparison().size(); s++) {
            split.add(new Row(p.comparison().get(s).name(), cold.length > 0 ? millis(cold[s]) : "-",
                    warmRun.length > 0 ? millis(warmRun[s]) : "", "", ""));
        }
        appendTable(out, List.of("strategy", "cold", "warm", "", ""), split, 2);
        out.append(String.format(Locale.ROOT, "%nloading the data took %s; ", millis(p.loadNanos() * 1e-6)));
        out.append(String.format(Locale.ROOT, "throughput is the median of %d rounds timed on the %s clock, %s; JVM uptime at the end: %d ms%n",
                r.crp().rounds(), r.crp().cpuClock() ? "thread CPU" : "wall",
                p.fork().isPresent() ? "each stage in a fresh JVM" : "in this JVM after the comparison", r.uptimeMillisAtEnd()));
        return out.toString();
    }

    private static Row throughputRow(String name, Throughput t, boolean target) {
        String value = String.format(Locale.ROOT, "%.1f M/s", t.median() / 1e6);
        String spread = String.format(Locale.ROOT, "%.1f .. %.1f M/s", t.min() / 1e6, t.max() / 1e6);
        if (!target) return new Row(name, value, spread, "", "");
        return new Row(name, value, spread, String.format(Locale.ROOT, ">= %.0f M/s", BacktestSuite.CRP_TARGET / 1e6),
                t.median() >= BacktestSuite.CRP_TARGET ? "PASS" : "MISS");
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    }

    /** Milliseconds per strategy, summed over its seeds ({@code byRun} is strategy-major). */
    private static double[] perStrategyMillis(long[] byRun, BacktestSuite.Plan p) {
        int strategies = p.comparison().size();
        if (byRun.length == 0) return new double[0];
        int seeds = byRun.length / strategies;
        double[] ms = new double[strategies];
        for (int k = 0; k < byRun.length; k++) ms[Math.min(strategies - 1, k / seeds)] += byRun[k] * 1e-6;
        return ms;
    }

    /** Columns {@code 1..rightAligned} are right-aligned (figures), the others left-aligned. */
    private static void appendTable(StringBuilder out, List<String> header, List<Row> rows, int rightAligned) {
        int[] width = new int[5];
        List<String[]> cells = new ArrayList<>();
        cells.add(header.toArray(String[]::new));
        for (Row r : rows) cells.add(new String[]{r.name(), r.value(), r.spread(), r.target(), r.verdict()});
        for (String[] c : cells) for (int k = 0; k < 5; k++) width[k] = Math.max(width[k], c[k].length());
        for (String[] c : cells) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < 5; k++) {
                if (width[k] == 0) continue;
                if (line.length() > 0) line.append("  ");
                // numbers right-aligned, words left-aligned
                String fmt = k >= 1 && k <= rightAligned ? "%" + width[k] + "s" : "%-" + width[k] + "s";
                line.append(String.format(Locale.ROOT, fmt, c[k]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** The result as a JSON object (numbers in base units: asset-steps per second, milliseconds). */
    public static String json(BacktestSuite.Result r, Machine machine) {
        BacktestSuite.Plan p = r.plan();
        MarketData m = p.market();
        ComparisonBench.Timing c = r.comparison();
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"market\": {\"name\": ").append(quote(m.name())).append(", \"assets\": ").append(m.assets())
                .append(", \"symbols\": ").append(strings(m.symbols())).append(", \"decisions\": ").append(p.lastBar() - p.firstBar())
                .append(", \"first\": ").append(quote(m.date(p.firstBar()).toString())).append(", \"last\": ")
                .append(quote(m.date(p.lastBar()).toString())).append("},\n");
        j.append("  \"machine\": {\"jvm\": ").append(quote(machine.jvm())).append(", \"processors\": ").append(machine.processors())
                .append(", \"load_average\": ").append(number(machine.loadAverage())).append("},\n");
        j.append("  \"throughput\": {\n    \"fresh_jvm\": ").append(p.fork().isPresent()).append(",\n");
        j.append("    \"crp\": ").append(throughput(r.crp(), BacktestSuite.CRP_TARGET, r.crpPasses())).append(",\n");
        j.append("    \"olmar\": ").append(throughput(r.olmar(), Double.NaN, true)).append("\n  },\n");
        j.append("  \"comparison\": {\"strategies\": ").append(strings(p.comparison().stream().map(s -> s.name()).toList()))
                .append(", \"backtests\": ").append(c.runs())
                .append(", \"cold_ms\": ").append(number(c.coldNanos() * 1e-6))
                .append(", \"uptime_after_cold_ms\": ").append(c.uptimeMillisAfterCold())
                .append(", \"target_ms\": ").append(number(BacktestSuite.COMPARISON_TARGET_SECONDS * 1e3))
                .append(", \"cold_pass\": ").append(r.coldPasses())
                .append(", \"since_start_pass\": ").append(r.sinceStartPasses())
                .append(", \"warm_median_ms\": ").append(number(c.warmMedianNanos() * 1e-6))
                .append(", \"warm_ms\": [");
        long[] warm = c.warmNanos();
        for (int k = 0; k < warm.length; k++) j.append(k > 0 ? ", " : "").append(number(warm[k] * 1e-6));
        j.append("],\n    \"per_strategy_ms\": {");
        double[] cold = perStrategyMillis(c.coldByRun(), p);
        double[] warmRun = perStrategyMillis(c.warmByRun(), p);
        for (int k = 0; k < p.comparison().size(); k++) {
            j.append(k > 0 ? ", " : "").append(quote(p.comparison().get(k).name())).append(": {\"cold\": ")
                    .append(cold.length > 0 ? number(cold[k]) : "null")
                    .append(", \"warm\": ").append(warmRun.length > 0 ? number(warmRun[k]) : "null").append('}');
        }
        j.append("}},\n  \"data_load_ms\": ").append(number(p.loadNanos() * 1e-6));
        j.append(",\n  \"uptime_at_end_ms\": ").append(r.uptimeMillisAtEnd()).append("\n}\n");
        return j.toString();
    }

    private static String throughput(Throughput t, double target, boolean pass) {
        return "{\"asset_steps_per_second\": {\"median\": " + number(t.median()) + ", \"min\": " + number(t.min()) + ", \"max\": "
                + number(t.max()) + "}, \"rounds\": " + t.rounds() + ", \"backtests_per_round\": " + t.iterations()
                + ", \"clock\": " + quote(t.cpuClock() ? "thread-cpu" : "wall")
                + (Double.isNaN(target) ? "" : ", \"target\": " + number(target) + ", \"pass\": " + pass) + "}";
    }

    static String number(double v) {
        if (!Double.isFinite(v)) return "null";
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String strings(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < items.size(); k++) b.append(k > 0 ? ", " : "").append(quote(items.get(k)));
        return b.append(']').toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
