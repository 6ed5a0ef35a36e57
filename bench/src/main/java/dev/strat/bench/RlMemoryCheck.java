package dev.strat.bench;

import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.nn.Compute;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The native-memory check behind {@code strat bench rl --memory}: a long TD3 run (100,000 steps by
 * default) that samples the process's resident memory (VmRSS), the JVM's used heap, the JVM's own
 * committed memory and the number of live NDArrays every 10,000 steps, and passes when no NDArrays
 * accumulate and the resident memory's trend (least squares) from the end of the warm-up (step
 * 20,000) to the end grows it by less than {@link #BOUND_KB}. A leak of native tensors (a handle not closed,
 * an NDArray attached to a long-lived manager) grows it by kilobytes per step, i.e. by hundreds of
 * megabytes over the run.
 *
 * <p>The replay buffer keeps SB3's capacity of 1e6, so its Java arrays keep doubling as it fills.
 * So that this shows in the heap figure and not in the resident one, the child JVM runs with a
 * fixed heap whose pages are all touched at start ({@code -Xms = -Xmx}, {@code -XX:+AlwaysPreTouch}):
 * the heap is resident from the first sample on, and resident growth after warm-up is memory
 * outside the heap (PyTorch's allocations, DJL's handles, JIT code, metaspace).
 *
 * <p>The run keeps its updates on PyTorch ({@code -Dstrat.rl.kernels=torch}): that is where native
 * tensors could leak, and at the small size the Java kernels would bypass it.
 */
public final class RlMemoryCheck {

    /** Largest resident growth after warm-up that passes (20 MiB). */
    public static final long BOUND_KB = 20 * 1024;
    public static final int STEPS = 100_000;
    public static final int EVERY = 10_000;
    public static final int WARMUP = 20_000;
    private static final String PREFIX = "RLMEM ";

    private RlMemoryCheck() {
    }

    /**
     * One sample.
     *
     * @param step       environment steps done
     * @param rssKb      the process's resident memory, KiB (-1 where /proc/self/status is missing)
     * @param heapUsedKb the JVM's used heap, KiB (garbage included: no GC is forced)
     * @param jvmKb      memory the JVM itself has committed (heap, metaspace, code, its own mallocs), by its
     *                   native memory tracking, KiB; -1 where tracking is off
     * @param directKb   of {@code jvmKb}, NMT's "Other": direct byte buffers. DJL copies every
     *                   {@code create(float[])} into a fresh direct buffer, freed only when a GC finds it
     *                   unreachable, so this swings by tens of MiB with the GC's timing; -1 where unknown
     * @param arrays     live DJL NDArrays of the process (under PyTorch's system manager); a per-step leak of
     *                   native tensors makes this grow with the steps
     */
    public record Sample(long step, long rssKb, long heapUsedKb, long jvmKb, long directKb, long arrays) {
        /** Resident memory the JVM does not account for (PyTorch's and other libraries' allocations), KiB; -1 if unknown. */
        public long outsideJvmKb() {
            return rssKb < 0 || jvmKb < 0 ? -1 : rssKb - jvmKb;
        }
    }

    /**
     * A finished check.
     *
     * @param rlCase  the algorithm and size run
     * @param steps   steps of the run
     * @param warmup  the step from which growth counts
     * @param heapMb  the child's fixed, pre-touched heap
     * @param maxDirectMb the child's {@code -XX:MaxDirectMemorySize} in MiB, 0 for the JVM's default (the heap size)
     * @param samples every {@link #EVERY} steps, from step 0
     */
    public record Result(RlCase rlCase, int steps, int warmup, int heapMb, int maxDirectMb, List<Sample> samples) {
        public Result {
            samples = List.copyOf(samples);
        }

        /** The sample at or just after {@code warmup}. */
        public Sample atWarmup() {
            for (Sample s : samples) if (s.step() >= warmup) return s;
            return samples.getLast();
        }

        public Sample last() {
            return samples.getLast();
        }

        /** Resident growth from the warm-up sample to the last one, KiB. */
        public long growthKb() {
            return last().rssKb() - atWarmup().rssKb();
        }

        /**
         * Resident growth from warm-up to the end by the least-squares line through the samples
         * since warm-up, KiB: a leak grows memory linearly with the steps, while the allocators'
         * give and take moves single samples by tens of MiB either way, which two end points would
         * take for growth or hide.
         */
        public double trendKb() {
            List<Sample> since = samples.stream().filter(s -> s.step() >= atWarmup().step()).toList();
            double mx = since.stream().mapToDouble(Sample::step).average().orElse(0);
            double my = since.stream().mapToDouble(Sample::rssKb).average().orElse(0);
            double sxy = 0;
            double sxx = 0;
            for (Sample s : since) {
                sxy += (s.step() - mx) * (s.rssKb() - my);
                sxx += (s.step() - mx) * (s.step() - mx);
            }
            return sxx == 0 ? 0 : sxy / sxx * (last().step() - atWarmup().step());
        }

        /** Growth of the live NDArray count after warm-up; 0 would mean no tensor outlives its step. */
        public long arrayGrowth() {
            return last().arrays() - atWarmup().arrays();
        }

        public boolean measured() {
            return samples.size() >= 2 && samples.stream().allMatch(s -> s.rssKb() >= 0) && last().step() > atWarmup().step();
        }

        /** The resident trend after warm-up stays below the bound and no NDArrays accumulate. */
        public boolean passes() {
            return measured() && trendKb() < BOUND_KB && arrayGrowth() <= 0;
        }
    }

    /** The heap the child gets: room for the replay buffer's arrays at {@code steps}, doubled while it grows. */
    static int heapMb(RlCase rlCase, int steps) {
        var spec = rlCase.env().spec();
        long floatsPerTransition = 2L * spec.observationSize() + spec.action().width() + 2;
        long allocated = Long.highestOneBit(Math.max(1, Math.min(steps, RlBench.BUFFER)) - 1L) * 2;
        long bufferMb = allocated * floatsPerTransition * 4 / (1 << 20);
        return (int) Math.max(512, 256 + 3 * bufferMb);
    }

    /**
     * Runs the check in a fresh JVM started by {@code java}; {@code progress} hears of each sample as
     * it comes. {@code maxDirectMb > 0} caps the direct buffers: reaching the cap makes the JVM
     * collect, which frees the dead ones, so they no longer pile up between collections.
     */
    public static Result runForked(List<String> java, RlCase rlCase, double scale, int maxDirectMb, Consumer<String> progress) {
        int steps = (int) Math.max(2L * EVERY, Math.round(STEPS * scale / EVERY) * EVERY);
        int warmup = (int) Math.min(steps - EVERY, Math.max(EVERY, Math.round(WARMUP * scale / EVERY) * EVERY));
        int heap = heapMb(rlCase, steps);
        List<String> cmd = new ArrayList<>(java);
        // later options win over the parent's
        cmd.addAll(List.of("-Xms" + heap + "m", "-Xmx" + heap + "m", "-XX:+AlwaysPreTouch", "-XX:NativeMemoryTracking=summary",
                // the PyTorch path, where native tensors could leak: at the small size the Java kernels would bypass it
                "-D" + dev.strat.runtime.rl.nn.HostKernels.KERNELS_PROPERTY + "=torch"));
        if (maxDirectMb > 0) cmd.add("-XX:MaxDirectMemorySize=" + maxDirectMb + "m");
        List<Sample> samples = new ArrayList<>();
        ChildJvm.run(cmd, RlMemoryCheck.class, List.of(rlCase.algorithm().label(), rlCase.size().label(), Integer.toString(steps)),
                rlCase.label() + " memory", line -> {
                    if (!line.startsWith(PREFIX)) return;
                    String[] f = line.substring(PREFIX.length()).trim().split(" ");
                    Sample s = new Sample(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                            Long.parseLong(f[4]), Long.parseLong(f[5]));
                    samples.add(s);
                    progress.accept(String.format(Locale.ROOT, "%s step %,d: resident %,d MiB, heap used %,d MiB, JVM committed %,d MiB "
                            + "(direct buffers %,d MiB), %,d NDArrays", rlCase.label(), s.step(), s.rssKb() / 1024, s.heapUsedKb() / 1024,
                            s.jvmKb() / 1024, s.directKb() / 1024, s.arrays()));
                });
        return new Result(rlCase, steps, warmup, heap, maxDirectMb, samples);
    }

    /** The process's resident set size in KiB (Linux), or -1. */
    public static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern NMT_OTHER = Pattern.compile("- +Other \\(reserved=\\d+KB, committed=(\\d+)KB");

    /**
     * The JVM's native memory tracking summary, as {@code jcmd PID VM.native_memory summary} prints
     * it, asked of this JVM's diagnostic-command bean; empty where tracking is off.
     */
    static String nativeMemorySummary() {
        try {
            return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmNativeMemory", new Object[]{new String[]{"summary"}}, new String[]{String[].class.getName()}));
        } catch (JMException | RuntimeException e) {
            return "";
        }
    }

    /** The committed KiB {@code pattern}'s group 1 finds in {@code summary}, or -1. */
    static long committedKb(Pattern pattern, String summary) {
        Matcher m = pattern.matcher(summary);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The child: {@code ALGORITHM SIZE STEPS}; prints {@code RLMEM step rssKb heapUsedKb jvmKb directKb arrays} every {@link #EVERY} steps. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: RlMemoryCheck ALGORITHM SIZE STEPS");
            System.exit(2);
        }
        RlCase rlCase = new RlCase(RlCase.Algorithm.parse(args[0]), RlCase.Size.parse(args[1]));
        int steps = Integer.parseInt(args[2]);
        Compute.engine();
        var env = rlCase.env();
        var memory = ManagementFactory.getMemoryMXBean();
        NDManager system;
        try (NDManager probe = Compute.engine().newBaseManager()) {
            system = probe.getParentManager();
        }
        try (Agent agent = rlCase.agent(env, 1, Compute.cpu(), RlBench.BUFFER)) {
            RlBench.Driver driver = new RlBench.Driver(env, agent, 1);
            while (true) {
                String nmt = nativeMemorySummary();
                System.out.println(PREFIX + driver.steps() + " " + residentKb() + " " + memory.getHeapMemoryUsage().getUsed() / 1024 + " "
                        + committedKb(NMT_TOTAL, nmt) + " " + committedKb(NMT_OTHER, nmt) + " " + system.getManagedArrays().size());
                System.out.flush();
                if (driver.steps() >= steps) break;
                driver.steps((int) Math.min(EVERY, steps - driver.steps()));
            }
        }
    }
}
