package dev.strat.lang.run;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.plan.LearnerBudget;
import dev.strat.lang.plan.MarketSourcePlan;
import dev.strat.lang.plan.PipelineBuilder;
import dev.strat.lang.plan.PreRun;
import dev.strat.lang.plan.SplitPlan;
import dev.strat.lang.plan.StrategyPlan;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.DataException;
import dev.strat.runtime.data.DateRange;
import dev.strat.runtime.data.LoadedMarket;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.ExperimentFailure;
import dev.strat.runtime.experiment.ExperimentResult;
import dev.strat.runtime.experiment.ExperimentRunner;
import dev.strat.runtime.experiment.ExperimentSpec;
import dev.strat.runtime.experiment.Protocol;
import dev.strat.runtime.experiment.NamedStrategy;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.experiment.TrainStep;
import dev.strat.runtime.experiment.Trainable;
import dev.strat.runtime.experiment.TrainingLog;
import dev.strat.runtime.experiment.WorkProgress;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.experiment.ResultWriter;
import dev.strat.runtime.experiment.RunInfo;
import dev.strat.runtime.experiment.SignificanceSpec;
import dev.strat.runtime.experiment.SignificanceTest;
import dev.strat.runtime.experiment.TableRenderer;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.report.ExperimentReportData;
import dev.strat.runtime.report.ReportWriter;
import dev.strat.runtime.rl.train.SavedModelException;
import dev.strat.stdlib.MarketInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs one planned experiment (or {@code backtest}) on the runtime: loads its market, resolves
 * the split to bars, builds a fresh pipeline per seed, runs every strategy and seed, prints the
 * table and writes results and the report. User mistakes that only the data can reveal (a bad
 * row, a split with no bars, weights that do not fit the universe) come back as diagnostics at
 * the declaration that caused them.
 */
public final class ExperimentExecutor {

    /** What one experiment produced. */
    public record Executed(String table, List<Path> artefacts, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    private final MarketLoader loader;
    private final RunSettings settings;
    /** The report folders this run has written to, so that no experiment overwrites another's. */
    private final java.util.Set<Path> usedDirs = new java.util.HashSet<>();

    /**
     * @param settings what the command line adds: output folder, seed override, source hash
     */
    public ExperimentExecutor(MarketLoader loader, RunSettings settings) {
        this.loader = loader;
        this.settings = settings;
    }

    /** Command-line settings that apply to every experiment of a run. */
    public record RunSettings(Path outDir, OptionalLong seed, String sourceName, String sourceHash, String version,
                              boolean writeFiles, TrainContext.Mode training, String sourceText, boolean outGiven) {

        public RunSettings(Path outDir, OptionalLong seed, String sourceName, String sourceHash, String version,
                           boolean writeFiles, TrainContext.Mode training, String sourceText) {
            this(outDir, seed, sourceName, sourceHash, version, writeFiles, training, sourceText, false);
        }

        public RunSettings(Path outDir, OptionalLong seed, String sourceName, String sourceHash, String version, boolean writeFiles) {
            this(outDir, seed, sourceName, sourceHash, version, writeFiles, TrainContext.Mode.FRESH, "");
        }
    }

    public Executed execute(ExperimentPlan plan, ProgressListener progress) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        LoadedMarket loaded;
        try {
            loaded = loader.load(plan.market());
        } catch (DataException e) {
            diagnostics.add(Diagnostic.error(plan.market().span(), "bad data: " + e.getMessage()));
            return new Executed("", List.of(), diagnostics);
        }
        List<String> notes = new ArrayList<>(loaded.warnings());
        MarketData market = loaded.data();

        BarRange test;
        Optional<BarRange> train;
        Optional<BarRange> valid;
        try {
            dev.strat.runtime.data.SplitPlan split = resolveSplit(plan.split(), market);
            notes.addAll(split.warnings());
            test = split.bars("test");
            train = split.part("train").map(dev.strat.runtime.data.SplitPlan.Part::bars);
            valid = split.part("valid").map(dev.strat.runtime.data.SplitPlan.Part::bars);
        } catch (DataException e) {
            diagnostics.add(Diagnostic.error(plan.span(), "split of experiment '" + plan.name() + "': " + e.getMessage()));
            return new Executed("", List.of(), diagnostics);
        }
        int firstBar = Math.max(test.from(), plan.warmup());
        int lastBar = test.to() - 1;
        Optional<Protocol.WalkForward> walk = Optional.empty();
        if (plan.split() instanceof SplitPlan.Rolling ro) {
            try {
                walk = Optional.of(walkForward(ro, market, plan.warmup()));
            } catch (DataException | IllegalArgumentException e) {
                diagnostics.add(Diagnostic.error(plan.span(), "rolling split of experiment '" + plan.name() + "': " + e.getMessage()));
                return new Executed("", List.of(), diagnostics);
            }
        } else if (PreRun.noDecision(plan, test).isPresent()) {
            diagnostics.add(Diagnostic.error(plan.span(), PreRun.noDecision(plan, test).get()));
            return new Executed("", List.of(), diagnostics);
        }
        notes.forEach(progress::warn);

        MarketInfo info = new MarketInfo(market.symbols(), market.classes(), market.frequency());
        List<Long> seeds = seeds(plan.seeds());
        ExperimentPlan.Conventions conventions = plan.conventions();
        // cash earns the experiment's rf only when asked (cash_rate rf): by default it earns nothing
        BacktestConfig config = new BacktestConfig(plan.capital(), plan.costs().fee(), plan.costs().slippageLow(),
                plan.costs().slippageHigh(), conventions.cashEarnsRf() ? plan.riskFree() : 0).withCostModel(plan.costs().model());
        MetricOptions options = new MetricOptions(plan.riskFree(), 0, conventions.metrics())
                .withAnnualise(conventions.annualiseAlways() ? MetricOptions.Annualise.ALWAYS : MetricOptions.Annualise.AUTO)
                .withCi(conventions.ciLevel());
        PreRun.frictionless(plan).ifPresent(frictionless -> {
            progress.warn(frictionless);
            notes.add(frictionless);
        });
        Path dir = claim(reportDir(plan));
        WorkProgress work = new WorkProgress(progress);
        List<NamedStrategy> strategies = new ArrayList<>();
        for (StrategyPlan s : plan.compare()) {
            // build once up front so that market-dependent argument errors surface as diagnostics
            PipelineBuilder.Result trial = PipelineBuilder.build(s, info);
            diagnostics.addAll(trial.diagnostics());
            if (!trial.ok()) continue;
            List<PipelineBuilder.Learner> learners = trial.learners();
            if (learners.isEmpty()) {
                strategies.add(new NamedStrategy(s.name(), s.pipeline().render(),
                        seed -> PipelineBuilder.build(s, info).pipeline().orElseThrow()));
                work.add(seeds.size());
                continue;
            }
            if (train.isEmpty() && walk.isEmpty()) {
                diagnostics.add(Diagnostic.error(plan.span(), "strategy '" + s.name() + "' learns (" + learners.get(0).path()
                        + ") but experiment '" + plan.name() + "' has no train split",
                        "give the experiment a split such as: split train 2015..2017, valid 2018, test 2019, or rolling(train=2y, test=6mo)"));
                continue;
            }
            // a learner that cannot fill its rollouts on the train split is tested (nearly) untrained: say so now,
            // counted and worded as strat check does (which says it first when it knows the data's calendar)
            boolean untrained = false;
            for (LearnerBudget.Finding f : LearnerBudget.findings(s, LearnerBudget.trainBars(plan.split(), market).orElse(0L), market.frequency())) {
                if (f.fatal()) {
                    diagnostics.add(Diagnostic.error(f.agent().span(), f.message()));
                    untrained = true;
                    continue;
                }
                progress.warn(f.message());
                notes.add(f.message());
            }
            if (untrained) continue;
            long units = 1;
            for (PipelineBuilder.Learner l : learners) units += l.trainable().trainingUnits();
            int windows = walk.map(w -> w.windows().size()).orElse(1);
            work.add(units * seeds.size() * windows);
            Optional<BarRange> fixedTrain = train;
            Optional<BarRange> fixedValid = valid;
            boolean walking = walk.isPresent();
            strategies.add(NamedStrategy.trained(s.name(), s.pipeline().render(), (TrainStep) (run, runMarket, previous) ->
                    trainPipeline(s, info, run.seed(), runMarket, run.trainRange().or(() -> fixedTrain).orElseThrow(),
                            walking ? run.validRange() : run.validRange().or(() -> fixedValid), config, options, dir, work,
                            walking ? Optional.of(run.window()) : Optional.empty(), previous)));
        }
        if (plan.benchmark().isPresent() && !plan.benchmark().get().strategy()) {
            // a symbol: its buy-and-hold is a row of its own, checked against the loaded universe
            ExperimentPlan.Benchmark b = plan.benchmark().get();
            int asset = market.symbols().indexOf(b.name());
            if (asset < 0) {
                diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, b.span(), "unknown benchmark '" + b.name()
                        + "': neither a compared strategy nor a symbol of " + market.name(),
                        dev.strat.stdlib.NameSuggester.closest(b.name(), market.symbols()).map(c -> "did you mean '" + c + "'?")
                                .or(() -> Optional.of("symbols: " + String.join(", ", market.symbols())))));
            } else if (strategies.stream().anyMatch(st -> st.name().equals(b.name()))) {
                diagnostics.add(Diagnostic.error(b.span(), "benchmark symbol '" + b.name() + "' is also the name of a compared strategy"));
            } else {
                strategies.add(dev.strat.runtime.experiment.HoldAsset.strategy(asset, b.name()));
                work.add(seeds.size());
            }
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) return new Executed("", List.of(), diagnostics);
        // one test per compared strategy on the chosen metric, else the headline (Sharpe when shown), not one
        // per column; sharpe_diff always tests the Sharpe ratio, over time
        MetricId headline = plan.metrics().contains(MetricId.SHARPE) ? MetricId.SHARPE : plan.metrics().get(0);
        List<SignificanceSpec> significance = plan.significance().stream()
                .map(sig -> new SignificanceSpec(sig.reference(), sig.alpha(), List.of(sig.metricOr(headline)),
                        switch (sig.test()) {
                            case "sharpe_diff" -> SignificanceTest.SHARPE_DIFF;
                            case "ranksum" -> SignificanceTest.RANK_SUM;
                            default -> SignificanceTest.WILCOXON;
                        }, sig.resamples()))
                .toList();
        ExperimentSpec spec = (walk.isPresent()
                ? new ExperimentSpec(plan.name(), market, walk.get(), strategies, seeds, config, plan.metrics(), options, Optional.empty())
                : new ExperimentSpec(plan.name(), market, firstBar, lastBar, strategies, seeds, config, plan.metrics(), options,
                Optional.empty())).withSignificance(significance).withProgramHash(settings.sourceHash() == null ? "" : settings.sourceHash());
        if (plan.benchmark().isPresent()) {
            ExperimentPlan.Benchmark b = plan.benchmark().get();
            // a symbol held throughout is a reference row, not a strategy tried: DSR does not count it
            spec = b.strategy() ? spec.withBenchmark(b.name()) : spec.withSymbolBenchmark(b.name());
        }

        // runs are independent and seeded, so running them in parallel gives the same numbers
        ExperimentResult result;
        try {
            result = new ExperimentRunner(Runtime.getRuntime().availableProcessors()).run(spec, work);
        } catch (RuntimeException e) {
            // a missing or unusable saved model (strat run --trained before strat train) is the user's to fix
            // so is a user function that failed: shown at its declaration, with its guest line and stack
            Optional<dev.strat.polyglot.GuestException> guest = GuestErrors.find(e);
            if (guest.isPresent()) {
                Source program = settings.sourceText() == null || settings.sourceText().isEmpty() ? null
                        : new Source(settings.sourceName(), settings.sourceText());
                diagnostics.add(GuestErrors.diagnostic(guest.get(), program, plan.span()));
                return new Executed("", List.of(), diagnostics);
            }
            Optional<SavedModelException> missing = savedModelProblem(e);
            if (missing.isEmpty()) throw e;
            String strategy = e instanceof ExperimentFailure f ? "strategy '" + f.strategy() + "': " : "";
            diagnostics.add(Diagnostic.error(plan.span(), strategy + missing.get().getMessage()));
            return new Executed("", List.of(), diagnostics);
        }
        // 'hold' is all cash by design: never trading is what it is for
        List<String> idle = NeverTraded.strategies(result).stream().filter(n -> !holdsCashByDesign(plan, n)).toList();
        // a symbol benchmark is not the user's strategy: nothing happened when none of theirs traded
        int own = result.strategies().size() - (plan.benchmark().map(b -> b.strategy() ? 0 : 1).orElse(0))
                - (int) plan.compare().stream().filter(sp -> holdsCashByDesign(plan, sp.name())).count();
        if (!idle.isEmpty() && idle.size() >= own) {
            diagnostics.add(Diagnostic.error(plan.span(), "nothing happened in experiment '" + plan.name() + "': "
                    + NeverTraded.describe(idle) + " never traded over the test and held cash throughout",
                    "check the stages' windows and schedules against the test's " + (lastBar - firstBar) + " periods"));
            return new Executed("", List.of(), diagnostics);
        }
        for (String name : idle) {
            String warning = "strategy '" + name + "' never traded over the test of " + plan.name()
                    + ": it held cash throughout, so its metrics say nothing about the strategy";
            progress.warn(warning);
            notes.add(warning);
        }
        String table = new TableRenderer().render(result);
        if (!settings.writeFiles()) return new Executed(table, List.of(), diagnostics);

        List<String> files = dataFiles(plan);
        List<Path> artefacts = new ArrayList<>(new ResultWriter(new RunInfo(files, settings.version(), settings.sourceHash(),
                loader.fileHashes(plan.market())))
                .writeAll(result, dir));
        Map<String, String> reproduce = new LinkedHashMap<>();
        reproduce.put("program", settings.sourceName() + (settings.sourceHash() == null ? "" : " (sha-256 " + settings.sourceHash() + ")"));
        reproduce.put("data files", files.isEmpty() ? "synthetic" : String.join(", ", files));
        reproduce.put("command", "strat run " + settings.sourceName() + settings.seed().stream().mapToObj(s -> " --seed " + s).findFirst().orElse(""));
        reproduce.put("strat version", settings.version());
        List<String> grants = readGrants(settings);
        if (!grants.isEmpty()) reproduce.put("user functions may read", String.join(", ", grants));
        try {
            artefacts.addAll(ReportWriter.write(ExperimentReportData.of(result, reproduce, notes), dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
        return new Executed(table, artefacts, diagnostics);
    }

    /**
     * Builds a fresh pipeline for one seed and trains its learning stages on the train split,
     * validating on the valid split; models are kept under {@code dir/models} when files are written.
     */
    private TrainStep.Trained trainPipeline(StrategyPlan s, MarketInfo info, long seed, MarketData market, BarRange train,
                                            Optional<BarRange> valid, BacktestConfig config, MetricOptions options, Path dir,
                                            WorkProgress work, Optional<Integer> window, Optional<TrainStep.Trained> previous) {
        PipelineBuilder.Result built = PipelineBuilder.build(s, info);
        Pipeline pipeline = built.pipeline().orElseThrow();
        List<Trainable> before = previous.map(p -> learnersOf(p.stage())).orElse(List.of());
        TrainingLog log = null;
        // depth-first tree order: each learner trains after the learners before it in the tree
        List<PipelineBuilder.Learner> learners = built.learners();
        for (int k = 0; k < learners.size(); k++) {
            PipelineBuilder.Learner learner = learners.get(k);
            String file = folderName(learner.path()) + "-seed" + seed + window.map(w -> "-window" + w).orElse("") + ".zip";
            Optional<Path> checkpoint = settings.writeFiles() ? Optional.of(dir.resolve("models").resolve(file)) : Optional.empty();
            TrainContext.Mode mode = checkpoint.isPresent() ? settings.training() : TrainContext.Mode.FRESH;
            // a walk-forward window that continues starts from the same learner of the window before
            if (k < before.size()) learner.trainable().continueFrom(before.get(k));
            // the learner trains with the stages after it in its pipeline and on its own schedule
            TrainingLog own = learner.trainable().train(inTree(learner, new TrainContext(seed, market, train, valid, config, options, checkpoint,
                    mode, settings.sourceText(), work.child()).withPipeline(learner.downstream(), learner.every()),
                    pipeline));
            if (log == null) log = own;
        }
        return new TrainStep.Trained(pipeline, log);
    }

    /** True when {@code strategy} is compared and is nothing but the all-cash {@code hold} built-in. */
    private static boolean holdsCashByDesign(ExperimentPlan plan, String strategy) {
        return plan.compare().stream().filter(sp -> sp.name().equals(strategy)).findFirst()
                .map(sp -> sp.pipeline().walk().stream().allMatch(n -> n.builtin().name().equals("hold"))).orElse(false);
    }

    /**
     * The folders the program lets its user functions read ({@code allow read "dir"}): a rerun on
     * another machine needs them too, so the report's reproduce section lists them.
     */
    private static List<String> readGrants(RunSettings settings) {
        if (settings.sourceText() == null || settings.sourceText().isEmpty()) return List.of();
        return dev.strat.lang.parse.Parser.parse(new Source(settings.sourceName(), settings.sourceText())).program().decls().stream()
                .filter(d -> d instanceof dev.strat.lang.ast.Decl.Allow)
                .map(d -> "\"" + ((dev.strat.lang.ast.Decl.Allow) d).path() + "\"").toList();
    }

    /** The saved-model problem behind a run failure, if that is what it is. */
    private static Optional<SavedModelException> savedModelProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SavedModelException s) return Optional.of(s);
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }

    /** A learner after a selector trains inside the whole strategy, where it sees the selector's picks. */
    private static TrainContext inTree(PipelineBuilder.Learner learner, TrainContext context, Stage root) {
        return learner.inTree() ? context.withTree(root) : context;
    }

    /** The learning stages of a built tree in depth-first order, as {@link PipelineBuilder} lists them. */
    private static List<Trainable> learnersOf(Stage root) {
        List<Trainable> out = new ArrayList<>();
        java.util.ArrayDeque<Stage> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Stage st = stack.pop();
            if (st instanceof Trainable t) out.add(t);
            List<Stage> children = st.children();
            for (int k = children.size() - 1; k >= 0; k--) stack.push(children.get(k));
        }
        return out;
    }

    /**
     * The walk-forward windows of a rolling split: train blocks (their last {@code valid} bars kept
     * for model selection) each followed by its test block; every test block starts after the
     * pipelines' warm-up.
     */
    private static Protocol.WalkForward walkForward(SplitPlan.Rolling ro, MarketData market, int warmup) {
        var blocks = dev.strat.runtime.data.WalkForward.windows(market, ro.train(), ro.test(), new DateRange(ro.from(), ro.to()),
                ro.expanding());
        int validBars = ro.valid() == null ? 0 : ro.valid().bars(market.frequency());
        Protocol.WalkForward walk = Protocol.WalkForward.of(blocks, ro.retrain().equals("continue")
                ? Protocol.Retrain.CONTINUE : Protocol.Retrain.SCRATCH, validBars);
        if (walk.windows().isEmpty()) throw new DataException("the rolling split has no test window");
        int first = walk.windows().get(0).test().from();
        if (first < warmup) {
            throw new DataException("its first test window starts at bar " + first + ", before the warm-up of " + warmup
                    + " bars; start it later with from=...");
        }
        return walk;
    }

    /**
     * Where an experiment's results go: under {@code --out} when the command line gave one (a flag
     * wins over the file), else the experiment's {@code report "..."} folder, else
     * {@code out/<experiment>}.
     */
    Path reportDir(ExperimentPlan plan) {
        if (settings.outGiven()) return settings.outDir().resolve(folderName(plan.name()));
        return plan.reportPath().map(Path::of).orElse(settings.outDir().resolve(folderName(plan.name())));
    }

    /**
     * The folder itself the first time a run uses it, else the folder with {@code -2}, {@code -3}, ...
     * appended: two experiments of one run (two backtests of one strategy, two experiments with the
     * same {@code report} folder) never overwrite each other. A later run writes over an earlier one.
     */
    Path claim(Path dir) {
        Path candidate = dir.normalize();
        for (int k = 2; !usedDirs.add(candidate); k++) {
            candidate = dir.resolveSibling((dir.getFileName() == null ? "run" : dir.getFileName().toString()) + "-" + k).normalize();
        }
        return candidate;
    }

    /**
     * A folder name from an experiment name; a backtest's name is its whole command line
     * ({@code backtest s on m split a} goes to {@code backtest-s-on-m-split-a}).
     */
    static String folderName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "run" : cleaned;
    }

    /** {@code --seed N} keeps the number of seeds and starts them at N. */
    private List<Long> seeds(List<Long> planned) {
        if (settings.seed().isEmpty()) return planned;
        long base = settings.seed().getAsLong();
        List<Long> out = new ArrayList<>(planned.size());
        for (int k = 0; k < planned.size(); k++) out.add(base + k);
        return out;
    }

    private static List<String> dataFiles(ExperimentPlan plan) {
        List<String> files = new ArrayList<>();
        for (MarketSourcePlan s : plan.market().sources()) {
            if (s instanceof MarketSourcePlan.CsvSource csv) files.add(csv.path());
        }
        return files;
    }

    /** Resolves the split on the market's calendar, as {@code strat check} does ({@link PreRun#resolveSplit}). */
    static dev.strat.runtime.data.SplitPlan resolveSplit(SplitPlan split, MarketData market) {
        return PreRun.resolveSplit(split, market);
    }
}
