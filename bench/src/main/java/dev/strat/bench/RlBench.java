package dev.strat.bench;

import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.nn.Compute;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RL training benchmark behind {@code strat bench rl}: environment steps per second of one
 * {@link RlCase}, updates included, on one compute thread, each run in a fresh JVM
 * ({@link ChildJvm}) so that no run inherits another's JIT profile, heap or native allocations.
 *
 * <p>Each run is timed by the wall clock and by the measuring thread's CPU clock. With one
 * PyTorch intra-op thread the operators run on the calling thread, so its CPU time covers the
 * whole step; on a shared machine the CPU figure is the one that does not drop when other
 * processes take the cores (GC and JIT threads are not counted; both are small here).
 */
public final class RlBench {

    /** Replay capacity of the off-policy agents in the benchmark (SB3's default). */
    public static final int BUFFER = 1_000_000;
    private static final String PREFIX = "RLBENCH ";

    private RlBench() {
    }

    /**
     * One timed run.
     *
     * @param steps     timed environment steps
     * @param updates   gradient updates made during them
     * @param wallNanos wall-clock time of the timed steps
     * @param cpuNanos  the measuring thread's CPU time over them, or -1 where the JVM has no such clock
     */
    public record Run(long steps, long updates, long wallNanos, long cpuNanos) {
        public double wallRate() {
            return steps / (Math.max(1, wallNanos) * 1e-9);
        }

        /** Steps per thread-CPU second, NaN without a CPU clock. */
        public double cpuRate() {
            return cpuNanos < 0 ? Double.NaN : steps / (Math.max(1, cpuNanos) * 1e-9);
        }
    }

    /** Which clock the verdict uses. */
    public enum Clock {
        CPU, WALL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Clock parse(String name) {
            for (Clock c : values()) if (c.label().equals(name.trim().toLowerCase(Locale.ROOT))) return c;
            throw new IllegalArgumentException("unknown clock '" + name + "'; use cpu or wall");
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
    }

    /**
     * Measures {@code rlCase} in this JVM: {@link RlCase#warmupSteps()} untimed steps, then
     * {@link RlCase#measuredSteps(double)} timed ones.
     */
    public static Run measure(RlCase rlCase, double scale, long seed) {
        int measured = rlCase.measuredSteps(scale);
        Compute.engine();
        var env = rlCase.env();
        try (Agent agent = rlCase.agent(env, seed, Compute.cpu(), BUFFER)) {
            Driver driver = new Driver(env, agent, seed);
            driver.steps(rlCase.warmupSteps());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            boolean cpuClock = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
            long updates0 = agent.updates();
            long cpu0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
            long wall0 = System.nanoTime();
            driver.steps(measured);
            long wall = System.nanoTime() - wall0;
            long cpu = cpuClock ? threads.getCurrentThreadCpuTime() - cpu0 : -1;
            return new Run(measured, agent.updates() - updates0, wall, cpu);
        }
    }

    /**
     * Environment of every benchmark child: one OpenMP/MKL/OpenBLAS thread, and no
     * {@code STRAT_TORCH_THREADS} override, as the peer's {@code run.sh} pins Python's.
     */
    static final Map<String, String> PINNED_ENV = Map.of("OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1",
            "STRAT_TORCH_THREADS", "1");

    /**
     * {@code java} with PyTorch pinned to one intra-op and one inter-op thread: the system
     * properties {@link Compute#engine()} reads, appended after the inherited options so that
     * they win over any the parent was started with.
     */
    public static List<String> pinned(List<String> java) {
        List<String> cmd = new ArrayList<>(java);
        int cp = cmd.indexOf("-cp");
        int at = cp < 0 ? cmd.size() : cp;
        cmd.add(at, "-Dai.djl.pytorch.num_interop_threads=1");
        cmd.add(at, "-Dai.djl.pytorch.num_threads=1");
        return cmd;
    }

    /** One run of {@code rlCase} with {@code seed} in a fresh JVM started by {@code java} ({@link #pinned} is applied). */
    public static Run measureForked(List<String> java, RlCase rlCase, double scale, long seed) {
        List<String> args = List.of(rlCase.algorithm().label(), rlCase.size().label(), Double.toString(scale), Long.toString(seed));
        List<String> out = ChildJvm.run(pinned(java), RlBench.class, args, rlCase.label(), PINNED_ENV, line -> { });
        return parse(ChildJvm.line(out, PREFIX, rlCase.label()));
    }

    static Run parse(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 4) throw new IllegalStateException("bad benchmark line: " + line);
        return new Run(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
    }

    /** The child: {@code ALGORITHM SIZE SCALE SEED}; prints {@code RLBENCH steps updates wallNanos cpuNanos}. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: RlBench ALGORITHM SIZE SCALE SEED");
            System.exit(2);
        }
        RlCase rlCase = new RlCase(RlCase.Algorithm.parse(args[0]), RlCase.Size.parse(args[1]));
        Run r = measure(rlCase, Double.parseDouble(args[2]), Long.parseLong(args[3]));
        System.out.println(PREFIX + r.steps() + " " + r.updates() + " " + r.wallNanos() + " " + r.cpuNanos());
    }

    /** Steps an agent through episodes of an environment; plain arrays, nothing allocated per step. */
    static final class Driver {
        private final Env env;
        private final Agent agent;
        private final float[] obs;
        private final float[] next;
        private final float[] action;
        private long episode;
        private long steps;

        Driver(Env env, Agent agent, long seed) {
            this.env = env;
            this.agent = agent;
            this.obs = new float[env.spec().observationSize()];
            this.next = new float[obs.length];
            this.action = new float[env.spec().action().width()];
            this.episode = seed * 1_000_003L;
            env.reset(episode, obs);
        }

        void steps(int n) {
            for (int i = 0; i < n; i++) {
                agent.act(obs, true, action);
                Env.Step s = env.step(action, next);
                agent.observe(obs, action, s.reward(), next, s.terminal(), s.truncated());
                if (s.done()) env.reset(++episode, obs);
                else System.arraycopy(next, 0, obs, 0, obs.length);
            }
            steps += n;
        }

        long steps() {
            return steps;
        }
    }
}
