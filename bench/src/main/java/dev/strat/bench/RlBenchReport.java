package dev.strat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link RlBench} results and an {@link RlMemoryCheck} as aligned text tables (SB3's
 * figure, the ratio, the target and PASS/MISS beside each of strat's) and as JSON.
 */
public final class RlBenchReport {

    private RlBenchReport() {
    }

    /** The throughput table; the verdict and ratio use {@code clock}, the other clock is shown beside it. */
    public static String table(List<RlBench.Result> results, RlBench.Clock clock, BenchReport.Machine machine) {
        StringBuilder out = new StringBuilder();
        out.append("RL training benchmark: synthetic portfolio environment (10 assets + cash), one compute thread, "
                + "environment steps per second with updates\n");
        out.append(machineLine(machine)).append('\n');
        RlBench.Clock other = clock == RlBench.Clock.CPU ? RlBench.Clock.WALL : RlBench.Clock.CPU;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"algorithm", "size", "strat/s (" + clock.label() + ")", "strat/s (" + other.label() + ")", "spread ("
                + clock.label() + ")", "SB3/s", "ratio", "target", "", "steps", "runs"});
        for (RlBench.Result r : results) {
            RlCase c = r.rlCase();
            double[] rates = r.runs().stream().mapToDouble(run -> clock == RlBench.Clock.CPU && !Double.isNaN(run.cpuRate())
                    ? run.cpuRate() : run.wallRate()).sorted().toArray();
            boolean hasTarget = !Double.isNaN(c.target());
            rows.add(new String[]{c.algorithm().label(), c.size().label(), rate(r.median(clock)), rate(r.median(other)),
                    rate(rates[0]) + " .. " + rate(rates[rates.length - 1]), rate(c.sb3()),
                    Double.isNaN(r.ratio(clock)) ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratio(clock)),
                    hasTarget ? ">= " + rate(c.target()) : "-", hasTarget ? (r.passes(clock) ? "PASS" : "MISS") : "",
                    String.format(Locale.ROOT, "%,d", r.runs().getFirst().steps()), Integer.toString(r.runs().size())});
        }
        appendTable(out, rows, new boolean[]{false, false, true, true, true, true, true, true, false, true, true});
        out.append('\n');
        out.append("Each run is a fresh JVM: off-policy agents take 1,000 random steps before learning starts, then are timed for 5,000;\n"
                + "PPO runs one 2,048-step rollout with its update untimed, then is timed for 3 rollouts with updates; A2C runs 2,000\n"
                + "untimed steps, then is timed for 20,000 (5-step rollouts). Figures are medians over the runs; the verdict uses the "
                + clock.label() + " clock\n"
                + "(thread CPU: unaffected by other processes on the cores). SB3 2.4.1 on PyTorch 1.13, one thread, was measured by wall clock.\n");
        List<String> scaled = results.stream().filter(r -> r.scale() != 1).map(r -> r.rlCase().label() + " x" + r.scale()).toList();
        if (!scaled.isEmpty()) out.append("Shortened (--steps-scale): ").append(String.join(", ", scaled)).append(".\n");
        return out.toString();
    }

    /** The memory check's table: one row per sample, then the growth after warm-up and the verdict. */
    public static String memoryTable(RlMemoryCheck.Result r, BenchReport.Machine machine) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "RL native-memory check: %s, %,d steps, replay buffer capacity %,d (grows by doubling as it fills), "
                        + "direct buffers capped at %s%n", r.rlCase().label(), r.steps(), RlBench.BUFFER,
                r.maxDirectMb() > 0 ? r.maxDirectMb() + " MiB" : "the heap size (JVM default)"));
        out.append(machineLine(machine)).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"step", "resident MiB", "heap used MiB", "JVM committed MiB", "direct buffers MiB",
                "resident outside JVM MiB", "NDArrays"});
        for (RlMemoryCheck.Sample s : r.samples()) {
            rows.add(new String[]{String.format(Locale.ROOT, "%,d", s.step()), mib(s.rssKb()), mib(s.heapUsedKb()), mib(s.jvmKb()),
                    mib(s.directKb()), mib(s.outsideJvmKb()), s.arrays() < 0 ? "-" : String.format(Locale.ROOT, "%,d", s.arrays())});
        }
        appendTable(out, rows, new boolean[]{true, true, true, true, true, true, true});
        out.append('\n');
        if (r.measured()) {
            RlMemoryCheck.Sample w = r.atWarmup();
            RlMemoryCheck.Sample l = r.last();
            long steps = l.step() - w.step();
            out.append(String.format(Locale.ROOT, "resident growth from step %,d to %,d: %+.1f MiB between the two samples, %+.1f MiB "
                            + "by the trend (%+.1f bytes per step); live NDArrays %+,d%n",
                    w.step(), l.step(), r.growthKb() / 1024.0, r.trendKb() / 1024.0, steps > 0 ? r.trendKb() * 1024.0 / steps : 0.0,
                    r.arrayGrowth()));
            out.append(String.format(Locale.ROOT, "verdict (trend < %d MiB and no NDArrays accumulating): %s%n", RlMemoryCheck.BOUND_KB / 1024,
                    r.passes() ? "PASS" : "MISS"));
            if (w.jvmKb() >= 0 && l.jvmKb() >= 0) {
                out.append(String.format(Locale.ROOT, "  of which the JVM's committed memory %+.1f MiB, resident memory outside the JVM (PyTorch, malloc) %+.1f MiB%n",
                        (l.jvmKb() - w.jvmKb()) / 1024.0, (l.outsideJvmKb() - w.outsideJvmKb()) / 1024.0));
            }
        } else {
            out.append("resident memory could not be read (no /proc/self/status): no verdict\n");
        }
        out.append(String.format(Locale.ROOT, "The child JVM has a fixed, pre-touched heap of %d MiB (-Xms = -Xmx, -XX:+AlwaysPreTouch), so the%n"
                + "replay buffer's growing Java arrays show in the heap column and not in the resident one: resident growth after%n"
                + "warm-up is memory outside the heap (PyTorch tensors, DJL handles, JIT code, metaspace). Heap used includes garbage.%n"
                + "JVM committed is the JVM's native memory tracking total (heap, metaspace, code cache, GC, compiler arenas, its own%n"
                + "mallocs); direct buffers (NMT's Other) are part of it: DJL copies each array it creates from Java into a new direct%n"
                + "buffer, freed only when a GC finds it unreachable, so they swing with the GC's timing. Resident outside JVM is the%n"
                + "rest (PyTorch and other native libraries, and what malloc keeps after free). NDArrays counts the live ones.%n",
                r.heapMb()));
        return out.toString();
    }

    /** The throughput results as JSON (steps per second; nanoseconds per run). */
    public static String json(List<RlBench.Result> results, RlBench.Clock clock, BenchReport.Machine machine) {
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"benchmark\": \"rl\",\n").append(machineJson(machine)).append(",\n");
        j.append("  \"clock\": ").append(BenchReport.quote(clock.label())).append(",\n  \"results\": [");
        for (int k = 0; k < results.size(); k++) {
            RlBench.Result r = results.get(k);
            RlCase c = r.rlCase();
            j.append(k > 0 ? "," : "").append("\n    {\"algorithm\": ").append(BenchReport.quote(c.algorithm().label()))
                    .append(", \"size\": ").append(BenchReport.quote(c.size().label()))
                    .append(", \"scale\": ").append(BenchReport.number(r.scale()))
                    .append(", \"steps_per_second\": {\"wall\": ").append(BenchReport.number(r.medianWall()))
                    .append(", \"cpu\": ").append(BenchReport.number(r.medianCpu())).append('}')
                    .append(", \"sb3\": ").append(BenchReport.number(c.sb3()))
                    .append(", \"ratio\": ").append(BenchReport.number(r.ratio(clock)))
                    .append(", \"target\": ").append(BenchReport.number(c.target()))
                    .append(", \"pass\": ").append(Double.isNaN(c.target()) ? "null" : Boolean.toString(r.passes(clock)))
                    .append(", \"runs\": [");
            for (int i = 0; i < r.runs().size(); i++) {
                RlBench.Run run = r.runs().get(i);
                j.append(i > 0 ? ", " : "").append("{\"steps\": ").append(run.steps()).append(", \"updates\": ").append(run.updates())
                        .append(", \"wall_ns\": ").append(run.wallNanos()).append(", \"cpu_ns\": ").append(run.cpuNanos() < 0 ? "null" : run.cpuNanos())
                        .append('}');
            }
            j.append("]}");
        }
        return j.append("\n  ]\n}\n").toString();
    }

    /** The memory check as JSON (KiB). */
    public static String memoryJson(RlMemoryCheck.Result r, BenchReport.Machine machine) {
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"benchmark\": \"rl-memory\",\n").append(machineJson(machine)).append(",\n");
        j.append("  \"algorithm\": ").append(BenchReport.quote(r.rlCase().algorithm().label())).append(", \"size\": ")
                .append(BenchReport.quote(r.rlCase().size().label())).append(", \"steps\": ").append(r.steps())
                .append(", \"warmup\": ").append(r.warmup()).append(", \"buffer\": ").append(RlBench.BUFFER)
                .append(", \"heap_mb\": ").append(r.heapMb())
                .append(", \"max_direct_mb\": ").append(r.maxDirectMb() > 0 ? Integer.toString(r.maxDirectMb()) : "null").append(",\n  \"samples\": [");
        for (int k = 0; k < r.samples().size(); k++) {
            RlMemoryCheck.Sample s = r.samples().get(k);
            j.append(k > 0 ? ", " : "").append("{\"step\": ").append(s.step()).append(", \"rss_kb\": ").append(s.rssKb())
                    .append(", \"heap_used_kb\": ").append(s.heapUsedKb())
                    .append(", \"jvm_committed_kb\": ").append(s.jvmKb() < 0 ? "null" : Long.toString(s.jvmKb()))
                    .append(", \"direct_kb\": ").append(s.directKb() < 0 ? "null" : Long.toString(s.directKb()))
                    .append(", \"ndarrays\": ").append(s.arrays()).append('}');
        }
        j.append("],\n  \"growth_kb\": ").append(r.measured() ? Long.toString(r.growthKb()) : "null")
                .append(", \"trend_kb\": ").append(r.measured() ? BenchReport.number(Math.round(r.trendKb())) : "null")
                .append(", \"ndarray_growth\": ").append(r.measured() ? Long.toString(r.arrayGrowth()) : "null")
                .append(", \"bound_kb\": ").append(RlMemoryCheck.BOUND_KB)
                .append(", \"pass\": ").append(r.measured() ? Boolean.toString(r.passes()) : "null").append("\n}\n");
        return j.toString();
    }

    private static String machineLine(BenchReport.Machine m) {
        return String.format(Locale.ROOT, "machine: %s, %d cores, load average %s%n", m.jvm(), m.processors(),
                m.loadAverage() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", m.loadAverage()));
    }

    private static String machineJson(BenchReport.Machine m) {
        return "  \"machine\": {\"jvm\": " + BenchReport.quote(m.jvm()) + ", \"processors\": " + m.processors()
                + ", \"load_average\": " + BenchReport.number(m.loadAverage()) + "}";
    }

    private static String rate(double v) {
        if (Double.isNaN(v)) return "-";
        return String.format(Locale.ROOT, v < 100 ? "%,.1f" : "%,.0f", v);
    }

    private static String mib(long kb) {
        return kb < 0 ? "-" : String.format(Locale.ROOT, "%,.1f", kb / 1024.0);
    }

    /** Aligned columns: figures right-aligned where {@code right} says so, words left-aligned. */
    private static void appendTable(StringBuilder out, List<String[]> rows, boolean[] right) {
        int[] width = new int[right.length];
        for (String[] r : rows) for (int k = 0; k < right.length; k++) width[k] = Math.max(width[k], r[k].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < right.length; k++) {
                if (width[k] == 0) continue;
                if (k > 0) line.append("  ");
                line.append(String.format(Locale.ROOT, right[k] ? "%" + width[k] + "s" : "%-" + width[k] + "s", r[k]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
