package dev.strat.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.nn.Compute;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * strat's single-thread float32 matrix-product rate through DJL and PyTorch, at the shapes of the
 * paper-size networks' forward pass on a batch of 100 ({@code 100x641 @ 641x400} and
 * {@code 100x400 @ 400x300}, as the peer's {@code run.sh matmul} measures them), in a fresh JVM
 * with one intra-op thread: the ceiling the paper size's arithmetic ({@link RlFlops}) runs into.
 */
public final class GemmProbe {

    /** The products of the paper size's forward pass, {m, k, n}. */
    public static final List<int[]> PAPER_SHAPES = List.of(new int[] {100, 641, 400}, new int[] {100, 400, 300});
    private static final String PREFIX = "GEMM ";
    /** Each shape is timed for at least this long, after a warm-up of {@link #WARMUP} products. */
    private static final long MIN_NANOS = 1_000_000_000L;
    private static final int WARMUP = 200;

    private GemmProbe() {
    }

    /**
     * One shape's rate.
     *
     * @param m         rows of the left operand
     * @param k         inner dimension
     * @param n         columns of the right operand
     * @param wallNanos wall time per product
     * @param cpuNanos  the thread's CPU time per product, or NaN without a CPU clock
     */
    public record Shape3(int m, int k, int n, double wallNanos, double cpuNanos) {
        public double flops() {
            return 2.0 * m * k * n;
        }

        public String label() {
            return m + "x" + k + "@" + k + "x" + n;
        }
    }

    /**
     * The rates at {@link #PAPER_SHAPES}, combined as one forward pass does them: total FLOPs over
     * total time, by the thread's CPU clock where there is one (other load on the machine does not
     * lower it, so the ceiling is not understated).
     */
    public record Result(List<Shape3> shapes) {
        public Result {
            if (shapes.isEmpty()) throw new IllegalArgumentException("no shapes");
            shapes = List.copyOf(shapes);
        }

        public double gflops() {
            double flops = 0;
            double nanos = 0;
            for (Shape3 s : shapes) {
                flops += s.flops();
                nanos += Double.isNaN(s.cpuNanos()) ? s.wallNanos() : s.cpuNanos();
            }
            return flops / nanos;
        }
    }

    /** Measures in this JVM (the caller pins PyTorch's threads; {@link Compute#engine()} defaults them to one). */
    public static Result measure() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        SplittableRandom random = new SplittableRandom(1);
        List<Shape3> out = new ArrayList<>();
        try (NDManager manager = Compute.engine().newBaseManager(Compute.cpu().device())) {
            for (int[] s : PAPER_SHAPES) {
                NDArray a = manager.create(gaussian(random, s[0] * s[1]), new Shape(s[0], s[1]));
                NDArray b = manager.create(gaussian(random, s[1] * s[2]), new Shape(s[1], s[2]));
                for (int i = 0; i < WARMUP; i++) a.matMul(b).close();
                long reps = 0;
                long cpu0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
                long wall0 = System.nanoTime();
                long wall;
                do {
                    for (int i = 0; i < 50; i++) a.matMul(b).close();
                    reps += 50;
                    wall = System.nanoTime() - wall0;
                } while (wall < MIN_NANOS);
                double cpu = cpuClock ? (double) (threads.getCurrentThreadCpuTime() - cpu0) / reps : Double.NaN;
                out.add(new Shape3(s[0], s[1], s[2], (double) wall / reps, cpu));
            }
        }
        return new Result(out);
    }

    /** Measures in a fresh JVM started by {@code java} ({@link RlBench#pinned}). */
    public static Result measureForked(List<String> java) {
        List<String> lines = ChildJvm.run(java, GemmProbe.class, List.of(), "the GEMM rate", RlBench.PINNED_ENV, line -> { });
        List<Shape3> shapes = new ArrayList<>();
        for (String line : lines) if (line.startsWith(PREFIX)) shapes.add(parse(line.substring(PREFIX.length())));
        if (shapes.isEmpty()) throw new IllegalStateException("the GEMM probe printed no result: " + String.join("\n", lines).strip());
        return new Result(shapes);
    }

    static Shape3 parse(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 5) throw new IllegalStateException("bad GEMM line: " + line);
        return new Shape3(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]));
    }

    /** The child: prints {@code GEMM m k n wallNanosPerProduct cpuNanosPerProduct} per shape. */
    public static void main(String[] args) {
        for (Shape3 s : measure().shapes()) {
            System.out.println(PREFIX + s.m() + " " + s.k() + " " + s.n() + " " + String.format(Locale.ROOT, "%.1f %.1f", s.wallNanos(), s.cpuNanos()));
        }
    }

    private static float[] gaussian(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) dev.strat.runtime.util.Gaussian.next(random);
        return v;
    }
}
