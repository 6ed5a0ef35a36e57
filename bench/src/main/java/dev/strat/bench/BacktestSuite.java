package dev.strat.bench;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.ExperimentSpec;
import dev.strat.runtime.experiment.NamedStrategy;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.Stage;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The benchmark the project promises: throughput of the backtest loop for CRP and OLMAR, and the
 * time of a full baseline comparison, on one market. The comparison runs first so that its first
 * run is cold (nothing else has been compiled yet); the throughput figures follow, each in a fresh
 * JVM when the plan says how to start one ({@link ForkedThroughput} explains why).
 *
 * <p>Measured on the 2-core shared development VM (JDK 25, load average 1.2-2, 20 US large caps x
 * 2,519 decisions, {@code ./strat bench}): CRP 180-250 million asset-steps per second (median of
 * seven rounds in a fresh JVM), OLMAR 33-37 million; the comparison 0.38-0.56 s cold and
 * 115-170 ms warm, CORN being about 105 ms of the warm run; done 0.83-1.08 s after JVM start, of
 * which about 0.3 s is JVM and command-line start-up and 0.19-0.25 s reading the CSV file.
 */
public final class BacktestSuite {

    /** Targets: asset-steps per second for CRP on one core, and the comparison's time after JVM start. */
    public static final double CRP_TARGET = 100e6;
    public static final double COMPARISON_TARGET_SECONDS = 1.0;

    /** The comparison's costs: those of the quickstart example. */
    public static final BacktestConfig COSTS = new BacktestConfig(1_000_000, 0.001, 0, 0.0005);

    /**
     * What to run.
     *
     * @param market       the market; decisions run over bars {@code firstBar .. lastBar - 1}
     * @param comparison   the strategies of the baseline comparison
     * @param crp          builds the CRP stage whose throughput is measured
     * @param olmar        builds the OLMAR stage whose throughput is measured
     * @param rounds       timed throughput rounds
     * @param iterations   backtests per throughput round
     * @param warmupNanos  minimum warm-up time of each throughput measurement
     * @param warmRepeats  timed warm comparison runs
     * @param loadNanos    how long loading the market took (reported, not measured here)
     * @param fork         when present, each throughput is measured in a fresh JVM started this
     *                     way (see {@link ForkedThroughput}); when empty, in this JVM
     * @param olmarSpec    the OLMAR stage as the forked JVM builds it, {@code olmar:WINDOW:EPS}
     */
    public record Plan(MarketData market, int firstBar, int lastBar, List<NamedStrategy> comparison, Supplier<Stage> crp,
                       Supplier<Stage> olmar, int rounds, int iterations, long warmupNanos, int warmRepeats, long loadNanos,
                       Optional<ForkedThroughput.Fork> fork, String olmarSpec) {
        public Plan {
            Objects.requireNonNull(market, "market");
            comparison = List.copyOf(comparison);
            Objects.requireNonNull(crp, "crp");
            Objects.requireNonNull(olmar, "olmar");
            Objects.requireNonNull(fork, "fork");
            Objects.requireNonNull(olmarSpec, "olmarSpec");
            if (rounds < 1 || iterations < 1 || warmRepeats < 0 || warmupNanos < 0) {
                throw new IllegalArgumentException("rounds and iterations must be positive, repeats and warm-up non-negative");
            }
        }
    }

    /** Everything measured. */
    public record Result(Plan plan, ComparisonBench.Timing comparison, Throughput crp,
                         Throughput olmar, long uptimeMillisAtEnd) {

        public boolean crpPasses() {
            return crp.median() >= CRP_TARGET;
        }

        /** The comparison's first (cold) run took less than the target. */
        public boolean coldPasses() {
            return comparison.coldNanos() * 1e-9 < COMPARISON_TARGET_SECONDS;
        }

        /** The comparison, counted from JVM start (start-up and data loading included), finished within the target. */
        public boolean sinceStartPasses() {
            return comparison.uptimeMillisAfterCold() < COMPARISON_TARGET_SECONDS * 1e3;
        }
    }

    private BacktestSuite() {
    }

    /** Runs the plan; {@code log} hears about each phase (may be {@link ProgressListener#NONE}). */
    public static Result run(Plan plan, ProgressListener log) {
        ExperimentSpec spec = spec(plan);
        log.start("baseline comparison", 3);
        // the cold run uses the cores as `strat run` does; throughput below stays on one core
        ComparisonBench.Timing timing = ComparisonBench.time(spec, plan.warmRepeats(), Runtime.getRuntime().availableProcessors());
        log.progress(1, "baseline comparison");
        Throughput crp = throughput(plan, plan.crp(), "ucrp", plan.iterations());
        log.progress(2, "crp throughput");
        Throughput olmar = throughput(plan, plan.olmar(), plan.olmarSpec(), Math.max(1, plan.iterations() / 4));
        log.progress(3, "olmar throughput");
        log.finish();
        return new Result(plan, timing, crp, olmar, ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private static Throughput throughput(Plan plan, Supplier<Stage> stage, String spec, int iterations) {
        if (plan.fork().isPresent()) {
            return ForkedThroughput.measure(plan.fork().get(), spec, iterations, plan.rounds(), plan.warmupNanos());
        }
        return BacktestBench.measure(stage.get(), plan.market(), plan.firstBar(), plan.lastBar(), iterations, plan.rounds(),
                plan.warmupNanos());
    }

    /** The comparison as an experiment: one seed, all metrics computed, no report. */
    public static ExperimentSpec spec(Plan plan) {
        return new ExperimentSpec("baseline comparison", plan.market(), plan.firstBar(), plan.lastBar(), plan.comparison(),
                List.of(1L), COSTS, List.of(MetricId.values()), MetricOptions.DEFAULT, Optional.empty());
    }
}
