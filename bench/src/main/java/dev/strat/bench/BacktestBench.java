package dev.strat.bench;


import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Throughput of the backtest loop in asset-steps per second (decisions times assets), the figure
 * {@code strat bench} prints. It runs full backtests over the whole market with realistic costs
 * (0.25 % fee, 0..0.1 % slippage, so the random slippage draw is included) and reports the median
 * of several timed rounds after a warm-up that lets the JIT compile the loop.
 *
 * <p>Rounds are timed on the calling thread's CPU clock where the JVM offers one (wall clock
 * otherwise), so that other processes competing for the cores do not understate the loop's
 * throughput; the (small) work of GC threads is not counted. This is a quick in-process
 * measurement, not a JMH benchmark: it guards against dead-code elimination by folding every run's
 * final wealth into a result that is checked, and the median damps outliers.
 *
 * <p>Measured on a 2-core shared development VM (JDK 25, load average about 1.5): the uniform
 * rebalanced portfolio on 20 US large caps x 2,519 decisions runs at 180-250 million asset-steps
 * per second in a JVM that has run nothing else (0.2-0.28 ms per backtest), OLMAR at about 33-37
 * million. {@code strat bench}
 * ({@link BacktestSuite}) prints these next to the targets.
 */
public final class BacktestBench {

    private static final int ROUNDS = 7;
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final BacktestConfig COSTS = new BacktestConfig(1_000_000, 0.0025, 0, 0.001);

    private BacktestBench() {
    }

    /**
     * Runs at least {@code iterations} backtests of {@code stage} over all bars of {@code market}
     * (and at least two seconds' worth) to warm up, then {@value #ROUNDS} timed rounds of {@code iterations} backtests each, and returns the
     * median round's asset-steps per second.
     */
    public static double assetStepsPerSecond(Stage stage, MarketData market, int iterations) {
        if (market.bars() < 2) throw new IllegalArgumentException("the market needs at least two bars");
        return measure(stage, market, 0, market.bars() - 1, iterations, ROUNDS, WARMUP_NANOS).median();
    }

    /**
     * Measures the throughput of backtests of {@code stage} with decisions at bars
     * {@code firstBar .. lastBar - 1} of {@code market} (earlier bars are visible history): at least
     * {@code iterations} runs, and at least {@code warmupNanos} of them, to warm up, then
     * {@code rounds} timed rounds of {@code iterations} runs each.
     */
    public static Throughput measure(Stage stage, MarketData market, int firstBar, int lastBar, int iterations, int rounds,
                                     long warmupNanos) {
        if (iterations < 1) throw new IllegalArgumentException("iterations must be positive");
        if (rounds < 1) throw new IllegalArgumentException("rounds must be positive");
        if (firstBar < 0 || lastBar <= firstBar || lastBar >= market.bars()) {
            throw new IllegalArgumentException("bars " + firstBar + ".." + lastBar + " do not fit a market of " + market.bars() + " bars");
        }
        Backtester backtester = new Backtester(COSTS);
        long assetStepsPerRun = (long) (lastBar - firstBar) * market.assets();
        double assetSteps = (double) assetStepsPerRun * iterations;
        double sink = 0;
        // The loop body is one long method: C2 needs many runs (and OSR) before it is fully compiled,
        // so warm up for at least warmupNanos however few iterations were asked for.
        long warmupStart = System.nanoTime();
        for (int k = 0; k < iterations || System.nanoTime() - warmupStart < warmupNanos; k++) {
            sink += backtester.run("bench", stage, market, firstBar, lastBar, k).finalWealth();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            for (int k = 0; k < iterations; k++) sink += backtester.run("bench", stage, market, firstBar, lastBar, k).finalWealth();
            long end = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            rates[round] = assetSteps / (Math.max(1, end - start) * 1e-9);
        }
        if (!(sink > 0)) throw new IllegalStateException("benchmark runs produced non-positive wealth");
        return Throughput.of(stage.label(), market.assets(), lastBar - firstBar, iterations, cpuClock, rates);
    }

    /**
     * A synthetic daily market of {@code assets} geometric random walks (1 % daily volatility, a
     * little drift) over {@code bars} bars from 2010-01-01, deterministic in {@code seed}.
     */
    public static MarketData randomWalkMarket(int assets, int bars, long seed) {
        return SyntheticMarkets.randomWalk(assets, bars, seed);
    }

    /** The uniform constant-rebalanced portfolio over the assets (no cash): the benchmark's stage. */
    public static Stage uniformRebalance() {
        return new Stage() {
            private double[] weights;

            @Override
            public String label() {
                return "ucrp";
            }

            @Override
            public void reset(RunSetup setup) {
                int n = setup.assets();
                weights = new double[n + 1];
                Arrays.fill(weights, 0, n, 1.0 / n);
            }

            @Override
            public void propose(Decision decision, double[] out) {
                System.arraycopy(weights, 0, out, 0, weights.length);
            }
        };
    }

    /** Prints the throughput of the uniform rebalanced portfolio on a 20-asset x 2500-bar market. */
    public static void main(String[] args) {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : 2500;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        MarketData market = randomWalkMarket(assets, bars, 42);
        double rate = assetStepsPerSecond(uniformRebalance(), market, iterations);
        System.out.printf("constant-weight backtest, %d assets x %d bars: %.1f million asset-steps/s (%.3f ms per run)%n",
                assets, bars, rate / 1e6, (bars - 1.0) * assets / rate * 1e3);
    }
}
