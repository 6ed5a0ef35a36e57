package dev.strat.bench;

import dev.strat.runtime.allocators.ConstantRebalanced;
import dev.strat.runtime.allocators.Olmar;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures one stage's throughput in a fresh JVM, as JMH forks do. Inside the JVM that has just
 * run the baseline comparison the backtest loop has seen eleven stage classes, so its call to
 * {@link Stage#propose} is megamorphic: C2 no longer inlines it, and without inlining escape
 * analysis no longer removes the per-step {@code Decision} and {@code Outcome} records. CRP then
 * measures half (sometimes a tenth) of its speed, a figure of that JVM's history rather than of
 * the loop. A forked JVM sees one stage only.
 *
 * <p>The child is this class's {@link #main}: it loads the same data and prints one line,
 * {@code THROUGHPUT <clock> <rate>...}, which {@link #measure} parses.
 */
public final class ForkedThroughput {

    private static final String PREFIX = "THROUGHPUT ";

    private ForkedThroughput() {
    }

    /**
     * How to start a child JVM and what it measures on.
     *
     * @param java     the command line up to the class name: java binary, JVM options, class path
     * @param dataFile the CSV file {@link BenchData#load} reads
     * @param assets   assets taken from {@link BenchData#SYMBOLS}
     * @param bars     bars of the run, the file's last ones
     */
    public record Fork(List<String> java, Path dataFile, int assets, int bars) {
        public Fork {
            java = List.copyOf(java);
        }

        /** The current JVM's binary, options and class path, or null when the JVM does not say. */
        public static List<String> currentJava() {
            return ChildJvm.currentJava();
        }
    }

    /**
     * Runs {@code stage} ({@code ucrp}, or {@code olmar:WINDOW:EPS}) in a child JVM and returns its
     * throughput; the child's standard error is passed through.
     */
    public static Throughput measure(Fork fork, String stage, int iterations, int rounds, long warmupNanos) {
        List<String> args = List.of(fork.dataFile().toString(), Integer.toString(fork.assets()), Integer.toString(fork.bars()), stage,
                Integer.toString(iterations), Integer.toString(rounds), Long.toString(warmupNanos));
        List<String> out = ChildJvm.run(fork.java(), ForkedThroughput.class, args, stage, line -> { });
        return parse(stage, fork, iterations, ChildJvm.line(out, PREFIX, stage));
    }

    private static Throughput parse(String stage, Fork fork, int iterations, String line) {
        String[] f = line.trim().split(" ");
        double[] rates = new double[f.length - 1];
        for (int k = 1; k < f.length; k++) rates[k - 1] = Double.parseDouble(f[k]);
        return Throughput.of(stageLabel(stage), fork.assets(), fork.bars() - 1, iterations, f[0].equals("cpu"), rates);
    }

    private static String stageLabel(String stage) {
        return stage.startsWith("olmar") ? "olmar" : stage;
    }

    /** Builds the stage a spec names: {@code ucrp} or {@code olmar:WINDOW:EPS}. */
    static Stage stage(String spec) {
        if (spec.equals("ucrp")) return ConstantRebalanced.uniform("ucrp");
        String[] p = spec.split(":");
        if (p.length == 3 && p[0].equals("olmar")) return new Olmar("olmar", Integer.parseInt(p[1]), Double.parseDouble(p[2]));
        throw new IllegalArgumentException("unknown stage spec " + spec);
    }

    /** The child: {@code FILE ASSETS BARS STAGE ITERATIONS ROUNDS WARMUP_NANOS}. */
    public static void main(String[] args) {
        if (args.length != 7) {
            System.err.println("usage: ForkedThroughput FILE ASSETS BARS STAGE ITERATIONS ROUNDS WARMUP_NANOS");
            System.exit(2);
        }
        MarketData market = BenchData.load(Path.of(args[0]), Integer.parseInt(args[1])).data();
        int bars = Integer.parseInt(args[2]);
        Throughput t = BacktestBench.measure(stage(args[3]), market, market.bars() - bars, market.bars() - 1,
                Integer.parseInt(args[4]), Integer.parseInt(args[5]), Long.parseLong(args[6]));
        StringBuilder line = new StringBuilder(PREFIX).append(t.cpuClock() ? "cpu" : "wall");
        for (double r : t.rates()) line.append(' ').append(String.format(Locale.ROOT, "%.6e", r));
        System.out.println(line);
    }
}
