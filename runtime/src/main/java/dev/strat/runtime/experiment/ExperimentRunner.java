package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.backtest.Holdings;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricValues;
import dev.strat.runtime.metrics.Metrics;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.Stage;

import dev.strat.runtime.data.MarketData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every strategy of an {@link ExperimentSpec} with every seed under its {@link Protocol},
 * computes every metric of each run, and tests significance when asked.
 *
 * <p>The spec is expanded into {@link RunSpec runs} ({@link RunPlan}), which a {@link RunExecutor}
 * executes. Each run gets a fresh stage from {@link NamedStrategy#build()} or, for a learning
 * strategy, from its {@link TrainStep} (trained for the run's window, then tested on the window's
 * test range; the curves go into {@link StrategyResult#training()}). A run depends only on its spec
 * and, under {@link Protocol.Retrain#CONTINUE}, on the model of its chain's previous window, so
 * results are identical whether runs go one after another or in parallel.
 * Deterministic strategies (CRP, buy-and-hold, ...) give the same numbers for every seed unless
 * the costs include random slippage; they are run for every seed anyway, which is cheap and keeps
 * every strategy's row built the same way.
 *
 * <p>Under a walk-forward, a learning strategy's windows are chained into one run per seed
 * ({@link RunChaining#concat}), a non-learning strategy's single run is cut into windows
 * ({@link RunChaining#slice}); both give {@link StrategyResult#windows()} and a concatenated run.
 * A learner's windows are the legs of one account: window {@code w > 0} is tested starting from
 * the weights and wealth window {@code w - 1}'s test ended with ({@link Backtester.Leg}), so only
 * the model changes at a window boundary and the learner does not pay to buy its portfolio again
 * from cash at every window, which a strategy running continuously never pays. Under
 * {@code SCRATCH} the windows still train in parallel (training is the expensive part): their
 * tests, which are cheap, run once the training is done, in window order, each trained stage
 * kept until its test ({@link RunPlan#accountsAcrossChains()}). Under {@code CONTINUE} the
 * windows of a (strategy, seed) are one chain, which tests each window before training the next.
 * Window {@code w > 0} is tested with its costs' random streams seeded from the run's seed and
 * {@code w} ({@link WindowCosts}), so windows do not repeat one another's slippage; window 0, and
 * so every fixed split, uses the run's seed.
 *
 * <p>{@link MetricId#GOAL_PROBABILITY} is 1 or 0 per run (goal reached or not, see
 * {@link dev.strat.runtime.metrics.MetricOptions#goal()}), so its mean across seeds is the share
 * of runs that reached the goal.
 *
 * <p>A run that fails (a stage bug, a look-ahead) stops the experiment with an
 * {@link ExperimentFailure} naming the strategy, seed and window; the cause is kept.
 */
public final class ExperimentRunner {

    private final RunExecutor executor;

    /** A runner that executes runs one after another on the calling thread. */
    public ExperimentRunner() {
        this(1);
    }

    /**
     * A runner using up to {@code parallelism} threads. Only use more than one when every
     * strategy's factory builds stages that share no mutable state.
     */
    public ExperimentRunner(int parallelism) {
        this(new LocalExecutor(parallelism));
    }

    /** A runner whose runs go through {@code executor}. */
    public ExperimentRunner(RunExecutor executor) {
        this.executor = java.util.Objects.requireNonNull(executor, "executor");
    }

    public ExperimentResult run(ExperimentSpec spec) {
        return run(spec, ProgressListener.NONE);
    }

    /**
     * Runs the experiment, reporting one unit of progress per finished run (per window for a
     * learner; a {@code SCRATCH} window counts when trained, its test following later).
     */
    public ExperimentResult run(ExperimentSpec spec, ProgressListener progress) {
        Backtester backtester = new Backtester(spec.config());
        RunPlan plan = RunPlan.of(spec);
        List<List<RunSpec>> accountsAfter = plan.accountsAcrossChains();
        Set<RunSpec> testLater = new HashSet<>();
        accountsAfter.forEach(testLater::addAll);
        // trained stages waiting for their test; whatever is left when the experiment stops is freed
        Map<RunSpec, TrainStep.Trained> waiting = new ConcurrentHashMap<>();
        ProgressListener safe = new SynchronizedProgress(progress);
        safe.start("experiment " + spec.name(), plan.size());
        int[] done = {0};
        try {
            List<Run> runs = executor.<Run, Carry>execute(plan,
                    (run, previous) -> runOne(backtester, spec, run, previous, testLater.contains(run) ? waiting : null, safe, done));
            if (!accountsAfter.isEmpty()) {
                List<Run> tested = executor.<Run, Holdings>execute(new RunPlan(accountsAfter),
                        (run, previous) -> testTrained(backtester, spec, run, waiting, previous));
                Map<RunSpec, BacktestResult> results = new HashMap<>();
                for (Run r : tested) results.put(r.spec(), r.result());
                runs = runs.stream().map(r -> r.result() != null ? r : new Run(r.spec(), results.get(r.spec()), r.log())).toList();
            }
            safe.finish();
            return assemble(spec, runs);
        } finally {
            // a test still running on another thread after a failure removes its stage itself: whoever
            // removes a stage from the map frees it, so each is freed exactly once
            for (RunSpec key : List.copyOf(waiting.keySet())) {
                TrainStep.Trained left = waiting.remove(key);
                if (left != null) close(left.stage());
            }
        }
    }

    /** One finished run: its backtest (null while a trained stage waits for its test) and, for a trained strategy, its training curves (else null). */
    private record Run(RunSpec spec, BacktestResult result, TrainingLog log) {
    }

    /**
     * What a run hands to the next of its chain: under {@code CONTINUE} the trained model (else
     * null) and, always, the holdings its test ended with (null when it was not tested yet).
     */
    private record Carry(TrainStep.Trained model, Holdings end) {
    }

    private static ExperimentResult assemble(ExperimentSpec spec, List<Run> runs) {
        // index the runs by (strategy, seed) in plan order, which is window order within each
        Map<String, List<Run>> byKey = new HashMap<>();
        for (Run r : runs) byKey.computeIfAbsent(r.spec().strategy() + '\u0000' + r.spec().seed(), k -> new ArrayList<>()).add(r);
        List<Protocol.Window> windows = spec.protocol().windows();
        List<StrategyResult> results = new ArrayList<>(spec.strategies().size());
        for (NamedStrategy ns : spec.strategies()) {
            List<BacktestResult> own = new ArrayList<>();
            List<MetricValues> values = new ArrayList<>();
            List<TrainingLog> logs = new ArrayList<>();
            List<List<BacktestResult>> perWindow = new ArrayList<>();
            for (int w = 0; w < windows.size(); w++) perWindow.add(new ArrayList<>());
            for (long seed : spec.seeds()) {
                List<Run> mine = byKey.get(ns.name() + '\u0000' + seed);
                BacktestResult whole;
                if (mine.size() == 1) {
                    whole = mine.get(0).result();
                    if (spec.walkForward()) {
                        for (Protocol.Window w : windows) {
                            perWindow.get(w.index()).add(RunChaining.slice(whole, w.test().from() - spec.firstBar(),
                                    w.test().to() - spec.firstBar()));
                        }
                    }
                } else {
                    List<BacktestResult> parts = mine.stream().map(Run::result).toList();
                    whole = RunChaining.concat(parts);
                    for (int w = 0; w < parts.size(); w++) perWindow.get(w).add(parts.get(w));
                }
                own.add(whole);
                values.add(Metrics.compute(whole, spec.options()));
                List<TrainingLog> seedLogs = mine.stream().map(Run::log).filter(java.util.Objects::nonNull).toList();
                if (!seedLogs.isEmpty()) logs.add(joined(seedLogs));
            }
            List<WindowResult> windowResults = new ArrayList<>();
            if (spec.walkForward()) {
                for (Protocol.Window w : windows) {
                    List<BacktestResult> wr = perWindow.get(w.index());
                    windowResults.add(new WindowResult(w, wr, wr.stream().map(r -> Metrics.compute(r, spec.options())).toList()));
                }
            }
            results.add(new StrategyResult(ns.name(), ns.label(), own, values, logs, windowResults));
        }
        results = withBenchmark(spec, withDsr(spec, results));
        return new ExperimentResult(spec, results, significance(spec, results));
    }

    /**
     * Fills in {@link MetricId#DSR} of every run: its PSR against the Sharpe ratio the best of the
     * experiment's trials would show by luck, a trial being one run (strategies x seeds; the
     * concatenated run under a walk-forward), with the per-period Sharpe ratios' variance across
     * all of them. Per-window metrics keep NaN: their trials would be a different count.
     */
    static List<StrategyResult> withDsr(ExperimentSpec spec, List<StrategyResult> results) {
        List<double[]> excess = new ArrayList<>();
        // a symbol benchmark is a reference, not a strategy tried: its runs are deflated like the rest, but not counted
        List<Double> tried = new ArrayList<>();
        for (StrategyResult s : results) {
            for (BacktestResult run : s.runs()) {
                double[] e = Metrics.excess(run.returns(), spec.options().riskFreePerPeriod(run.periodsPerYear()));
                excess.add(e);
                if (spec.tried(s.name())) tried.add(dev.strat.runtime.stats.SharpeRatios.sharpe(e));
            }
        }
        int trials = Math.max(1, tried.size());
        double variance = dev.strat.runtime.stats.SharpeRatios.variance(tried.stream().mapToDouble(Double::doubleValue).toArray());
        List<StrategyResult> out = new ArrayList<>(results.size());
        int k = 0;
        for (StrategyResult s : results) {
            List<MetricValues> values = new ArrayList<>(s.metrics().size());
            for (MetricValues v : s.metrics()) {
                double[] e = excess.get(k++);
                values.add(v.with(MetricId.DSR, e.length < 2 ? Double.NaN : dev.strat.runtime.stats.SharpeRatios.dsr(e, trials, variance)));
            }
            out.add(new StrategyResult(s.name(), s.label(), s.runs(), values, s.training(), s.windows()));
        }
        return out;
    }

    /**
     * Fills in the benchmark-relative metrics ({@link MetricId#RELATIVE}) of every run against the
     * benchmark's run of the same seed; unchanged (NaN) without a benchmark.
     */
    static List<StrategyResult> withBenchmark(ExperimentSpec spec, List<StrategyResult> results) {
        if (spec.benchmark().isEmpty()) return results;
        StrategyResult bench = results.stream().filter(s -> s.name().equals(spec.benchmark().get())).findFirst().orElseThrow();
        List<StrategyResult> out = new ArrayList<>(results.size());
        for (StrategyResult s : results) {
            List<MetricValues> values = new ArrayList<>(s.metrics().size());
            for (int k = 0; k < s.runs().size(); k++) {
                BacktestResult run = s.runs().get(k);
                values.add(Metrics.relative(s.metrics().get(k), run.returns(), bench.runs().get(k).returns(), run.periodsPerYear(),
                        spec.options().riskFreePerPeriod(run.periodsPerYear())));
            }
            out.add(new StrategyResult(s.name(), s.label(), s.runs(), values, s.training(), s.windows()));
        }
        return out;
    }

    /**
     * The number of trials {@link MetricId#DSR} deflates for: every seed of every strategy tried
     * (a strategy benchmark counts once, as the strategy it is; a symbol benchmark is not tried).
     */
    public static int dsrTrials(ExperimentSpec spec) {
        return Math.max(1, spec.strategiesTried() * spec.seeds().size());
    }

    /** One seed's curves over its windows, in window order. */
    private static TrainingLog joined(List<TrainingLog> logs) {
        if (logs.size() == 1) return logs.get(0);
        double[] rewards = new double[0];
        double[] validation = new double[0];
        for (TrainingLog l : logs) {
            rewards = append(rewards, l.episodeRewards());
            validation = append(validation, l.validation());
        }
        return new TrainingLog(rewards, validation, logs.get(0).metricName());
    }

    private static double[] append(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Trains (or builds) {@code run}'s stage and, unless {@code waiting} is given, tests it starting
     * from the holdings the chain's previous run ended with (cash for the first). With
     * {@code waiting} the trained stage is parked there for {@link #testTrained}.
     */
    private static RunExecutor.Done<Run, Carry> runOne(Backtester backtester, ExperimentSpec spec, RunSpec run,
                                                       Optional<Carry> previous, Map<RunSpec, TrainStep.Trained> waiting,
                                                       ProgressListener progress, int[] done) {
        NamedStrategy strategy = strategy(spec, run);
        MarketData market = market(spec, run);
        // under CONTINUE the trained stage lives on into the next window's training
        boolean handsOn = spec.protocol() instanceof Protocol.WalkForward wf && wf.retrain() == Protocol.Retrain.CONTINUE
                && run.window() >= 0 && run.window() < wf.windows().size() - 1;
        Optional<TrainStep.Trained> previousModel = previous.map(Carry::model);
        boolean parked = false;
        Backtester.Leg leg = null;
        TrainingLog log = null;
        TrainStep.Trained trained = null;
        Stage stage = null;
        try {
            if (strategy.training().isPresent()) {
                trained = strategy.training().get().train(run, market, previousModel);
                stage = trained.stage();
                log = trained.log();
            } else {
                stage = strategy.build().apply(run.seed());
            }
            if (waiting != null) {
                waiting.put(run, trained);
                parked = true;
            } else {
                leg = test(backtester, spec, run, stage, market, previous.map(Carry::end).orElse(null));
            }
        } catch (RuntimeException e) {
            handsOn = false;
            throw failure(spec, run, e);
        } finally {
            // the previous window's model is done with once this window has trained from it
            if (previousModel.isPresent() && previousModel.get().stage() != stage) close(previousModel.get().stage());
            // learning stages hold native memory (network weights); free it as soon as the run is done
            if (!handsOn && !parked) close(stage);
        }
        synchronized (done) {
            done[0]++;
            progress.progress(done[0], strategy.name() + " seed " + run.seed()
                    + (spec.walkForward() && run.window() >= 0 ? " window " + run.window() : ""));
        }
        Run result = new Run(run, leg == null ? null : leg.result(), log);
        return new RunExecutor.Done<>(result, Optional.of(new Carry(handsOn ? trained : null, leg == null ? null : leg.end())));
    }

    /** Tests a parked trained stage from the holdings the account's previous window ended with, then frees it. */
    private static RunExecutor.Done<Run, Holdings> testTrained(Backtester backtester, ExperimentSpec spec, RunSpec run,
                                                               Map<RunSpec, TrainStep.Trained> waiting,
                                                               Optional<Holdings> previous) {
        TrainStep.Trained trained = waiting.remove(run);
        if (trained == null) {
            // the experiment has stopped (another run failed) and freed this stage already
            throw new java.util.concurrent.CancellationException("experiment stopped before " + run.describe() + " was tested");
        }
        try {
            Backtester.Leg leg = test(backtester, spec, run, trained.stage(), market(spec, run), previous.orElse(null));
            return new RunExecutor.Done<>(new Run(run, leg.result(), null), Optional.of(leg.end()));
        } catch (RuntimeException e) {
            throw failure(spec, run, e);
        } finally {
            close(trained.stage());
        }
    }

    /**
     * The test backtest of {@code run}: from {@code start}, or in cash with the capital when null.
     * A learner's later windows draw their own cost streams rather than window 0's again.
     */
    private static Backtester.Leg test(Backtester backtester, ExperimentSpec spec, RunSpec run, Stage stage, MarketData market,
                                       Holdings start) {
        Backtester tester = run.window() > 0 ? new Backtester(WindowCosts.config(spec.config(), run.window())) : backtester;
        Holdings from = start != null ? start : Holdings.cash(market.assets(), spec.config().capital());
        return tester.run(run.strategy(), stage, market, run.test().from(), run.test().to(), run.seed(), from, ProgressListener.NONE);
    }

    private static NamedStrategy strategy(ExperimentSpec spec, RunSpec run) {
        return spec.strategies().stream().filter(s -> s.name().equals(run.strategy())).findFirst().orElseThrow();
    }

    private static MarketData market(ExperimentSpec spec, RunSpec run) {
        return spec.marketFor(spec.seeds().indexOf(run.seed()));
    }

    private static ExperimentFailure failure(ExperimentSpec spec, RunSpec run, RuntimeException e) {
        return new ExperimentFailure(run.strategy(), run.seed(), spec.walkForward() ? run.window() : -1, e);
    }

    private static void close(Stage stage) {
        if (stage instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // a failure to free memory must not hide the run's own result or failure
            }
        }
    }

    /** Every request's tests, in request order, each result tagged with its request's index. */
    private static List<SignificanceResult> significance(ExperimentSpec spec, List<StrategyResult> results) {
        List<SignificanceResult> all = new ArrayList<>();
        for (int g = 0; g < spec.significance().size(); g++) {
            for (SignificanceResult t : significance(spec, spec.significance().get(g), results)) all.add(t.inGroup(g));
        }
        return all;
    }

    private static List<SignificanceResult> significance(ExperimentSpec spec, SignificanceSpec sig, List<StrategyResult> results) {
        if (sig.test() == SignificanceTest.SHARPE_DIFF) return SharpeDiffTests.run(spec, sig, results);
        List<MetricId> metrics = sig.metrics().isEmpty() ? spec.metrics() : sig.metrics();
        StrategyResult reference = null;
        for (StrategyResult r : results) if (r.name().equals(sig.reference())) reference = r;
        List<SignificanceResult> tests = new ArrayList<>();
        for (MetricId metric : metrics) {
            double[] ref = reference.values(metric);
            for (StrategyResult other : results) {
                if (other == reference) continue;
                tests.add(sig.test() == SignificanceTest.RANK_SUM
                        ? RankSum.test(metric, reference.name(), ref, other.name(), other.values(metric), sig.alpha())
                        : Wilcoxon.test(metric, reference.name(), ref, other.name(), other.values(metric), sig.alpha()));
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
