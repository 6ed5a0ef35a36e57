package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricValues;
import dev.strat.runtime.metrics.Metrics;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every strategy of an {@link ExperimentSpec} with every seed, computes every metric of each
 * run, and tests significance when asked.
 *
 * <p>Each (strategy, seed) run gets a fresh stage from {@link NamedStrategy#build()} or, for a
 * learning strategy, from its {@link TrainStep} (train on the bars before the test split,
 * validate, then test the trained stage; the curves go into {@link StrategyResult#training()}),
 * and depends on nothing else, so results are identical whether runs go one after another or in parallel.
 * Deterministic strategies (CRP, buy-and-hold, ...) give the same numbers for every seed unless
 * the costs include random slippage; they are run for every seed anyway, which is cheap and keeps
 * every strategy's row built the same way.
 *
 * <p>{@link MetricId#GOAL_PROBABILITY} is 1 or 0 per run (goal reached or not, see
 * {@link dev.strat.runtime.metrics.MetricOptions#goal()}), so its mean across seeds is the share
 * of runs that reached the goal.
 *
 * <p>A run that fails (a stage bug, a look-ahead) stops the experiment with an
 * {@link ExperimentFailure} naming the strategy and seed; the cause is kept.
 */
public final class ExperimentRunner {

    private final int parallelism;

    /** A runner that executes runs one after another on the calling thread. */
    public ExperimentRunner() {
        this(1);
    }

    /**
     * A runner using up to {@code parallelism} threads. Only use more than one when every
     * strategy's factory builds stages that share no mutable state.
     */
    public ExperimentRunner(int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
        this.parallelism = parallelism;
    }

    public ExperimentResult run(ExperimentSpec spec) {
        return run(spec, ProgressListener.NONE);
    }

    /** Runs the experiment, reporting one unit of progress per finished (strategy, seed) run. */
    public ExperimentResult run(ExperimentSpec spec, ProgressListener progress) {
        Backtester backtester = new Backtester(spec.config());
        List<NamedStrategy> strategies = spec.strategies();
        List<Long> seeds = spec.seeds();
        int total = strategies.size() * seeds.size();
        ProgressListener safe = new SynchronizedProgress(progress);
        safe.start("experiment " + spec.name(), total);
        int[] done = {0};
        Run[] runs = new Run[total];
        if (parallelism == 1) {
            for (int k = 0; k < total; k++) runs[k] = runOne(backtester, spec, k, safe, done);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, total), r -> {
                Thread t = new Thread(r, "strat-experiment");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Run>> futures = new ArrayList<>(total);
                for (int k = 0; k < total; k++) {
                    int job = k;
                    futures.add(pool.submit(() -> runOne(backtester, spec, job, safe, done)));
                }
                for (int k = 0; k < total; k++) runs[k] = await(futures.get(k));
            } finally {
                pool.shutdownNow();
            }
        }
        safe.finish();

        List<StrategyResult> results = new ArrayList<>(strategies.size());
        for (int s = 0; s < strategies.size(); s++) {
            List<BacktestResult> own = new ArrayList<>(seeds.size());
            List<MetricValues> values = new ArrayList<>(seeds.size());
            List<TrainingLog> logs = new ArrayList<>();
            for (int k = 0; k < seeds.size(); k++) {
                Run r = runs[s * seeds.size() + k];
                own.add(r.result());
                values.add(Metrics.compute(r.result(), spec.options()));
                if (r.log() != null) logs.add(r.log());
            }
            NamedStrategy ns = strategies.get(s);
            results.add(new StrategyResult(ns.name(), ns.label(), own, values, logs));
        }
        return new ExperimentResult(spec, results, significance(spec, results));
    }

    /** One finished run: its backtest and, for a trained strategy, its training curves (else null). */
    private record Run(BacktestResult result, TrainingLog log) {
    }

    private static Run runOne(Backtester backtester, ExperimentSpec spec, int job, ProgressListener progress, int[] done) {
        int seedCount = spec.seeds().size();
        NamedStrategy strategy = spec.strategies().get(job / seedCount);
        int run = job % seedCount;
        long seed = spec.seeds().get(run);
        BacktestResult result;
        TrainingLog log = null;
        Stage stage = null;
        try {
            if (strategy.training().isPresent()) {
                TrainStep.Trained trained = strategy.training().get().train(seed, spec.marketFor(run));
                stage = trained.stage();
                log = trained.log();
            } else {
                stage = strategy.build().apply(seed);
            }
            result = backtester.run(strategy.name(), stage, spec.marketFor(run), spec.firstBar(), spec.lastBar(), seed);
        } catch (RuntimeException e) {
            throw new ExperimentFailure(strategy.name(), seed, e);
        } finally {
            // learning stages hold native memory (network weights); free it as soon as the run is done
            if (stage instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // a failure to free memory must not hide the run's own result or failure
                }
            }
        }
        synchronized (done) {
            done[0]++;
            progress.progress(done[0], strategy.name() + " seed " + seed);
        }
        return new Run(result, log);
    }

    private static Run await(Future<Run> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("experiment interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static List<SignificanceResult> significance(ExperimentSpec spec, List<StrategyResult> results) {
        if (spec.significance().isEmpty()) return List.of();
        SignificanceSpec sig = spec.significance().get();
        List<MetricId> metrics = sig.metrics().isEmpty() ? spec.metrics() : sig.metrics();
        StrategyResult reference = null;
        for (StrategyResult r : results) if (r.name().equals(sig.reference())) reference = r;
        List<SignificanceResult> tests = new ArrayList<>();
        for (MetricId metric : metrics) {
            double[] ref = reference.values(metric);
            for (StrategyResult other : results) {
                if (other == reference) continue;
                tests.add(Wilcoxon.test(metric, reference.name(), ref, other.name(), other.values(metric), sig.alpha()));
            }
        }
        return tests;
    }

    /** Serialises calls into a listener that need not be thread-safe. */
    private record SynchronizedProgress(ProgressListener delegate) implements ProgressListener {
        @Override
        public synchronized void start(String name, long total) { delegate.start(name, total); }

        @Override
        public synchronized void progress(long done, String message) { delegate.progress(done, message); }

        @Override
        public synchronized void finish() { delegate.finish(); }

        @Override
        public synchronized void warn(String message) { delegate.warn(message); }
    }
}
