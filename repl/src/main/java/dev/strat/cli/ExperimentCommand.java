package dev.strat.cli;

import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.api.StratEngine;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.pipeline.ProgressListener;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * What {@code strat run} and {@code strat train} share: check, plan and run every experiment of a
 * file, showing progress on standard error, the result tables on standard output and then the
 * files written. They differ only in what learning strategies do with saved models.
 */
abstract class ExperimentCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The .strat file to run, or a result folder's plan.yaml to rerun that experiment as it ran.")
    String file;

    @Mixin
    SessionOptions options = new SessionOptions();

    @Option(names = "--no-progress", description = "Do not show progress.")
    boolean noProgress;

    @Option(names = {"-q", "--quiet"},
            description = "Print only the result tables and errors: no progress, warnings or list of files written.")
    boolean quiet;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "Run only the experiment of that name (a file's backtest lines are left out too).")
    String experiment;

    @Option(names = "--force",
            description = "Rerun a plan.yaml even when a data file changed since it ran (a warning instead of an error).")
    boolean force;

    ExperimentCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Train afresh, resume saved models, or reuse them without training. */
    abstract TrainContext.Mode training();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Source source;
        RunOptions runOptions;
        EffectiveSettings settings;
        if (PlanRerun.isPlan(file)) {
            PlanRerun.Prepared rerun = PlanRerun.prepare(ctx, file, options, noProgress, quiet, training(), force);
            source = rerun.source();
            runOptions = rerun.options();
            settings = rerun.settings();
            rerun.warnings().forEach(w -> err.println("warning: " + w));
        } else {
            source = SourceFiles.read(file, ctx.cwd());
            Path baseDir = ctx.cwd().resolve(file).toAbsolutePath().getParent();
            settings = EffectiveSettings.resolve(ctx, options, noProgress, quiet, ProjectFiles.load(ctx, baseDir));
            runOptions = settings.toRunOptions(baseDir).withTraining(training());
        }
        if (experiment != null) {
            if (PlanRerun.isPlan(file)) throw new UserError("--experiment picks from a .strat file; a plan.yaml reruns its one experiment");
            runOptions = runOptions.onlyExperiment(experiment);
        }
        // flags, else strat.yaml, else the defaults (progress shown, not quiet)
        boolean quiet = settings.quiet().value(), progressShown = settings.progress().value();
        StratEngine engine = ctx.engine();

        RunOutcome outcome;
        err.flush(); // the progress reporter writes to the raw stream
        if (quiet) {
            outcome = engine.run(source, runOptions, ProgressListener.NONE);
        } else {
            try (ProgressReporter progress = ProgressReporter.forCommand(progressShown, ctx)) {
                outcome = engine.run(source, runOptions, progress);
            }
        }

        List<Diagnostic> shown = quiet
                ? outcome.diagnostics().stream().filter(Diagnostic::isError).toList()
                : outcome.diagnostics();
        if (!shown.isEmpty()) err.print(DiagnosticFormatter.formatAll(shown));
        err.flush();

        boolean first = true;
        for (String table : outcome.tables()) {
            if (!first) out.println();
            out.print(table.endsWith("\n") ? table : table + "\n");
            first = false;
        }
        if (outcome.failure() != null) {
            err.println("strat: run failed: " + outcome.failure());
        }
        if (outcome.exitCode() == 0 && outcome.tables().isEmpty() && outcome.artefacts().isEmpty()) {
            out.println(nothingRan(source));
        }
        if (!quiet && !outcome.artefacts().isEmpty()) {
            if (!outcome.tables().isEmpty()) out.println();
            printArtefacts(out, outcome.artefacts());
        }
        out.flush();
        err.flush();
        return outcome.exitCode();
    }

    /**
     * The line for a run that ran nothing, so that a file without an experiment or backtest is not
     * mistaken for one whose results went missing.
     */
    static String nothingRan(Source source) {
        boolean empty = source.text().lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
        return "nothing ran: " + source.name() + (empty
                ? " is empty"
                : " has no experiment or backtest, only definitions (add one, e.g. 'backtest ucrp on MARKET')");
    }

    /**
     * One line per HTML report and one per results folder, rather than one per file: a run writes
     * a dozen charts and a reader wants to know where to look.
     */
    private void printArtefacts(java.io.PrintWriter out, List<Path> artefacts) {
        java.util.Map<Path, List<String>> byFolder = new java.util.LinkedHashMap<>();
        for (Path artefact : artefacts) {
            if (label(artefact).equals("report")) out.println("report:  " + display(artefact));
            Path folder = ctx.cwd().resolve(artefact).normalize().getParent();
            byFolder.computeIfAbsent(folder, f -> new java.util.ArrayList<>()).add(artefact.getFileName().toString());
        }
        byFolder.forEach((folder, names) -> {
            List<String> data = names.stream().filter(n -> !label(Path.of(n)).equals("chart") && !label(Path.of(n)).equals("report")).toList();
            long charts = names.stream().filter(n -> label(Path.of(n)).equals("chart")).count();
            out.println("results: " + display(folder) + "/ (" + String.join(", ", data)
                    + (charts > 0 ? (data.isEmpty() ? "" : ", ") + charts + " chart files" : "") + ")");
        });
    }

    /** What a written file is, by its name: report, table, data, chart. */
    static String label(Path artefact) {
        String name = artefact.getFileName() == null ? "" : artefact.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) return "report";
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) return "csv";
        if (name.endsWith(".json")) return "json";
        if (name.endsWith(".svg") || name.endsWith(".png")) return "chart";
        if (name.endsWith(".md") || name.endsWith(".txt")) return "summary";
        return "file";
    }

    /** A path as the user would type it: relative to the current directory when inside it. */
    private String display(Path artefact) {
        Path abs = ctx.cwd().resolve(artefact).normalize();
        return abs.startsWith(ctx.cwd()) && !abs.equals(ctx.cwd()) ? ctx.cwd().relativize(abs).toString() : abs.toString();
    }
}
