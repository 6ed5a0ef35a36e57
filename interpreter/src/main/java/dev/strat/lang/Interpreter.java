package dev.strat.lang;

import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.api.Session;
import dev.strat.lang.api.StratEngine;
import dev.strat.lang.check.CheckContext;
import dev.strat.lang.check.CheckResult;
import dev.strat.lang.check.Checker;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import dev.strat.lang.fmt.Formatter;
import dev.strat.lang.load.FileSourceLoader;
import dev.strat.lang.parse.ParseResult;
import dev.strat.lang.parse.Parser;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.run.DataCatalog;
import dev.strat.lang.run.ExperimentExecutor;
import dev.strat.lang.run.MarketLoader;
import dev.strat.lang.settings.PlanFile;
import dev.strat.lang.settings.ResolvedPlan;
import dev.strat.runtime.experiment.ResultWriter;
import dev.strat.runtime.data.DataRoot;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StandardLibrary;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The language engine: parse, resolve and check, plan, run, each pass stopping the next when it
 * reports errors. Found by the command line through {@link java.util.ServiceLoader}.
 */
public final class Interpreter implements StratEngine {

    /** The version recorded with every result. */
    public static final String VERSION = "0.1.0";

    private final Registry registry;

    public Interpreter() {
        this(StandardLibrary.registry());
    }

    public Interpreter(Registry registry) {
        this.registry = registry;
    }

    @Override
    public List<Diagnostic> check(Source source) {
        return check(source, defaultData()).diagnostics();
    }

    /** Checks with data facts from {@code dataRoot} (symbols and dates of every CSV file named). */
    public CheckResult check(Source source, Path dataRoot) {
        return Checker.check(source, context(new DataCatalog(dataRoot)));
    }

    @Override
    public List<Diagnostic> check(Source source, RunOptions options) {
        return check(source, options.dataRoot()).diagnostics();
    }

    @Override
    public FormatResult format(Source source) {
        ParseResult parsed = Parser.parse(source);
        if (parsed.hasErrors()) return new FormatResult("", parsed.diagnostics());
        return new FormatResult(Formatter.format(parsed.program()), parsed.diagnostics());
    }

    @Override
    public RunOutcome run(Source source, RunOptions options, ProgressListener progress) {
        DataCatalog catalog = new DataCatalog(options.dataRoot());
        CheckResult checked = Checker.check(source, context(catalog));
        if (!checked.ok() || checked.plan().isEmpty()) return new RunOutcome(checked.diagnostics(), List.of(), List.of(), null);
        List<ExperimentPlan> experiments = checked.plan().get().experiments();
        if (options.experiment().isPresent()) {
            String name = options.experiment().get();
            List<String> names = experiments.stream().map(ExperimentPlan::name).toList();
            List<ExperimentPlan> all = experiments;
            experiments = experiments.stream().filter(e -> e.name().equals(name)).toList();
            if (experiments.isEmpty()) {
                // located at the first experiment, where the names the user can pick from are declared
                Span at = all.isEmpty() ? new Span(source, 1, 1, 1) : all.get(0).span();
                String hint = names.isEmpty() ? "it declares no experiment"
                        : dev.strat.stdlib.NameSuggester.closest(name, names).map(n -> "did you mean '" + n + "'? ").orElse("")
                        + "its experiments: " + String.join(", ", names);
                List<Diagnostic> diagnostics = new java.util.ArrayList<>(checked.diagnostics());
                diagnostics.add(Diagnostic.error(at, "the program has no experiment '" + name + "'", hint));
                return new RunOutcome(diagnostics, List.of(), List.of(), null);
            }
        }
        MarketLoader loader = catalog.loader();
        String hash = sha256(source.text());
        ExperimentExecutor executor = new ExperimentExecutor(loader,
                new ExperimentExecutor.RunSettings(options.outDir(), options.seed(), source.name(), hash, VERSION, true,
                        options.training(), source.text(), options.outGiven()));
        ResolvedPlan.Program program = new ResolvedPlan.Program(source.name(), programPath(source, options).toString(), hash,
                source.text());
        ResolvedPlan.Options resolved = new ResolvedPlan.Options(options.dataRoot().toString(), options.outDir().toString(),
                options.outGiven(), options.seed().isPresent() ? options.seed().getAsLong() : null,
                options.training().name().toLowerCase(java.util.Locale.ROOT));
        // every result folder gets the plan that reruns it, beside the summary it reproduces
        PlanRecorder recorder = (plan, done) -> done.artefacts().stream()
                .filter(a -> a.getFileName() != null && a.getFileName().toString().equals(ResultWriter.SUMMARY))
                .findFirst()
                .map(summary -> List.of(PlanFile.write(ResolvedPlan.of(plan, program, resolved,
                        ResolvedPlan.seeds(plan.seeds(), options.seed()), loader.fileHashes(plan.market()), VERSION), summary.getParent())))
                .orElse(List.of());
        return execute(experiments, executor, checked.diagnostics(), progress, recorder);
    }

    /** Runs planned experiments one after another, collecting tables, files and problems. */
    static RunOutcome execute(List<ExperimentPlan> experiments, ExperimentExecutor executor, List<Diagnostic> earlier,
                              ProgressListener progress) {
        return execute(experiments, executor, earlier, progress, (plan, done) -> List.of());
    }

    /** What is written beside an experiment's results once it has run; returns the files written. */
    @FunctionalInterface
    interface PlanRecorder {
        List<Path> record(ExperimentPlan plan, ExperimentExecutor.Executed done);
    }

    /** Runs planned experiments one after another, collecting tables, files and problems. */
    static RunOutcome execute(List<ExperimentPlan> experiments, ExperimentExecutor executor, List<Diagnostic> earlier,
                              ProgressListener progress, PlanRecorder recorder) {
        List<Diagnostic> diagnostics = new ArrayList<>(earlier);
        progress = new CheckedWarnings(earlier, progress);
        List<String> tables = new ArrayList<>();
        List<Path> artefacts = new ArrayList<>();
        for (ExperimentPlan plan : experiments) {
            try {
                ExperimentExecutor.Executed done = executor.execute(plan, progress);
                diagnostics.addAll(done.diagnostics());
                if (!done.ok()) return new RunOutcome(diagnostics, tables, artefacts, null);
                tables.add(done.table());
                artefacts.addAll(done.artefacts());
                artefacts.addAll(recorder.record(plan, done));
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return new RunOutcome(diagnostics, tables, artefacts, "experiment '" + plan.name() + "' failed: " + message);
            }
        }
        return new RunOutcome(diagnostics, tables, artefacts, null);
    }

    /** Where the program file is: its name (as typed) taken in the folder it was run from. */
    private static Path programPath(Source source, RunOptions options) {
        Path name = Path.of(source.name());
        if (name.isAbsolute()) return name.normalize();
        Path file = name.getFileName();
        return (options.baseDir() == null || file == null ? name.toAbsolutePath() : options.baseDir().resolve(file)).normalize();
    }

    @Override
    public Session openSession(RunOptions options) {
        return new InterpreterSession(this, options);
    }

    /** Imports resolve relative to the importing file, and the first file relative to the working directory. */
    CheckContext context(DataCatalog catalog) {
        return new CheckContext(registry, FileSourceLoader.ofWorkingDirectory(), Optional.of(catalog));
    }

    /** Without command-line settings: STRAT_DATA, then ../shared/data, by the runtime's one rule. */
    private static Path defaultData() {
        return DataRoot.fromEnvironment(null, Path.of("")).dir();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
