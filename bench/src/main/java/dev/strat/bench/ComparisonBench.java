package dev.strat.bench;

import dev.strat.runtime.experiment.ExperimentResult;
import dev.strat.runtime.experiment.ExperimentRunner;
import dev.strat.runtime.experiment.ExperimentSpec;
import dev.strat.runtime.experiment.StrategyResult;
import dev.strat.runtime.pipeline.ProgressListener;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Times a whole experiment (every strategy, every seed, every metric) through
 * {@link ExperimentRunner}: once as the first call, which is cold when nothing
 * else has run in the JVM, and then as the median of repeated warm runs.
 *
 * <p>Times are wall clock: the cold figure answers "how long until the user sees the comparison",
 * and JIT compilation on other threads is part of that answer. The JVM uptime read right after the
 * first run adds start-up, class loading and whatever the caller did before (loading data).
 */
public final class ComparisonBench {

    /** Untimed runs between the cold run and the timed warm runs, so the JIT reaches its steady state. */
    static final int SETTLE_RUNS = 2;

    private ComparisonBench() {
    }

    /**
     * The timings of one experiment.
     *
     * @param coldNanos          wall time of the first run
     * @param uptimeMillisAfterCold JVM uptime when the first run returned
     * @param warmNanos          wall time of each timed warm run, sorted
     * @param result             the first run's result (every run gives the same numbers)
     * @param coldByRun          wall time of each backtest of the first run, in the runner's order
     *                           (strategy-major); the metrics, computed after the last backtest, are
     *                           in none of them
     * @param warmByRun          the same for the last timed warm run (empty without warm runs)
     */
    public record Timing(long coldNanos, long uptimeMillisAfterCold, long[] warmNanos, ExperimentResult result,
                         long[] coldByRun, long[] warmByRun) {

        public Timing {
            warmNanos = warmNanos.clone();
            Arrays.sort(warmNanos);
            coldByRun = coldByRun.clone();
            warmByRun = warmByRun.clone();
        }

        @Override
        public long[] coldByRun() {
            return coldByRun.clone();
        }

        @Override
        public long[] warmByRun() {
            return warmByRun.clone();
        }

        /** Median warm run in nanoseconds, or NaN when no warm run was timed. */
        public double warmMedianNanos() {
            int k = warmNanos.length;
            if (k == 0) return Double.NaN;
            return k % 2 == 1 ? warmNanos[k / 2] : 0.5 * (warmNanos[k / 2 - 1] + warmNanos[k / 2]);
        }

        @Override
        public long[] warmNanos() {
            return warmNanos.clone();
        }

        /** Backtests the experiment ran (strategies times seeds). */
        public int runs() {
            return result.spec().strategies().size() * result.spec().seeds().size();
        }
    }

    /**
     * Runs {@code spec} once (timed as the cold run), then {@value #SETTLE_RUNS} untimed runs and
     * {@code warmRepeats} timed runs. Each run's final wealth must agree with the first's: a run
     * that depended on anything but its spec and seed would make the timing meaningless.
     */
    public static Timing time(ExperimentSpec spec, int warmRepeats) {
        return time(spec, warmRepeats, 1);
    }

    /**
     * As {@link #time(ExperimentSpec, int)}, with the cold run spread over {@code coldThreads}
     * threads the way {@code strat run} spreads an experiment over the machine's cores. Per-backtest
     * cold laps are only kept for one thread, where they mean something; warm runs stay on one
     * thread so their per-strategy split is exact.
     */
    public static Timing time(ExperimentSpec spec, int warmRepeats, int coldThreads) {
        if (warmRepeats < 0) throw new IllegalArgumentException("warm repeats must be >= 0");
        ExperimentRunner runner = new ExperimentRunner(1);
        int runs = spec.strategies().size() * spec.seeds().size();
        Stopwatch coldClock = new Stopwatch(runs);
        long start = System.nanoTime();
        ExperimentResult first = (coldThreads > 1 ? new ExperimentRunner(coldThreads) : runner).run(spec, coldClock);
        long cold = System.nanoTime() - start;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        if (warmRepeats > 0) {
            for (int k = 0; k < SETTLE_RUNS; k++) check(first, runner.run(spec));
        }
        long[] warm = new long[warmRepeats];
        Stopwatch warmClock = new Stopwatch(runs);
        for (int k = 0; k < warmRepeats; k++) {
            long t0 = System.nanoTime();
            ExperimentResult again = runner.run(spec, warmClock);
            warm[k] = System.nanoTime() - t0;
            check(first, again);
        }
        return new Timing(cold, uptime, warm, first, coldThreads > 1 ? new long[0] : coldClock.laps(),
                warmRepeats > 0 ? warmClock.laps() : new long[0]);
    }

    private static void check(ExperimentResult expected, ExperimentResult actual) {
        for (int s = 0; s < expected.strategies().size(); s++) {
            StrategyResult e = expected.strategies().get(s);
            StrategyResult a = actual.strategies().get(s);
            for (int k = 0; k < e.runs().size(); k++) {
                double we = e.runs().get(k).finalWealth(), wa = a.runs().get(k).finalWealth();
                if (Double.doubleToLongBits(we) != Double.doubleToLongBits(wa)) {
                    throw new IllegalStateException("strategy " + e.name() + " is not deterministic: final wealth " + we + " then " + wa);
                }
            }
        }
    }

    /** Times each backtest by the progress the runner reports after it (one unit per backtest). */
    private static final class Stopwatch implements ProgressListener {
        private final long[] stamps;

        Stopwatch(int runs) {
            stamps = new long[runs + 1];
        }

        @Override
        public void start(String name, long total) {
            stamps[0] = System.nanoTime();
        }

        @Override
        public void progress(long done, String message) {
            if (done > 0 && done < stamps.length) stamps[(int) done] = System.nanoTime();
        }

        long[] laps() {
            long[] laps = new long[stamps.length - 1];
            for (int k = 0; k < laps.length; k++) laps[k] = stamps[k + 1] - stamps[k];
            return laps;
        }
    }
}
