package dev.strat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link RlMemoryCheck} as an aligned text table and as JSON (the throughput
 * comparison is {@link RlSideBySideReport}'s).
 */
public final class RlBenchReport {

    private RlBenchReport() {
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
        TextTable.append(out, rows, new boolean[]{true, true, true, true, true, true, true});
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

    private static String mib(long kb) {
        return kb < 0 ? "-" : String.format(Locale.ROOT, "%,.1f", kb / 1024.0);
    }
}
