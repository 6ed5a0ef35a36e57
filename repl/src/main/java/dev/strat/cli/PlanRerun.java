package dev.strat.cli;

import dev.strat.lang.api.RunOptions;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.lang.settings.PlanFile;
import dev.strat.lang.settings.ResolvedPlan;
import dev.strat.runtime.data.DataRoot;
import dev.strat.runtime.experiment.TrainContext;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code strat run out/<experiment>/plan.yaml}: the run a plan records, made ready to run again.
 * The program is the plan's text, the experiment the plan's only; the seed override and
 * training mode are the plan's. The data folder is {@code --data}, else the plan's own when it
 * exists here, else the usual order ({@code STRAT_DATA}, {@code strat.yaml}, default); every data
 * file must hash to what the plan recorded, or the rerun stops before running (with
 * {@code --force} it runs and warns). Results go where a run of the program would put them:
 * {@code --out}, else the program's report folder, else {@code strat.yaml}'s {@code out} or ./out.
 */
final class PlanRerun {

    /** A rerun ready to go: the program, its options, and the warnings to show first. */
    record Prepared(Source source, RunOptions options, EffectiveSettings settings, List<String> warnings) { }

    private PlanRerun() {
    }

    /** True when {@code file} names a plan rather than a program. */
    static boolean isPlan(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * Reads and checks the plan {@code file}.
     *
     * @param noProgress {@code --no-progress} was given
     * @param quiet      {@code --quiet} was given
     * @param mode       the command's training mode; FRESH means "as the plan ran"
     * @throws UserError        for a missing file, changed data (without {@code force}), a settings file given as a plan
     * @throws DiagnosticsError for a malformed plan, located
     */
    static Prepared prepare(CliContext ctx, String file, SessionOptions flags, boolean noProgress, boolean quiet,
                            TrainContext.Mode mode, boolean force) {
        Path path = ctx.cwd().resolve(file).normalize();
        if (!Files.isRegularFile(path)) throw new UserError("cannot read '" + file + "': " + (Files.isDirectory(path) ? "it is a directory" : "no such file"));
        if (path.getFileName().toString().equals(dev.strat.lang.settings.SettingsFile.NAME)) {
            throw new UserError("'" + file + "' holds project settings, not a plan; run a .strat file or a result folder's "
                    + PlanFile.NAME + " (see strat config)");
        }
        PlanFile.Read read;
        try {
            read = PlanFile.read(path, file);
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
        if (read.plan().isEmpty()) throw new DiagnosticsError(DiagnosticFormatter.formatAll(read.diagnostics()));
        ResolvedPlan plan = read.plan().get();
        List<String> warnings = new ArrayList<>();

        ResolvedPlan.Program program = plan.program();
        if (program.sha256() != null && !PlanFile.sha256(program.text()).equalsIgnoreCase(program.sha256())) {
            warnings.add(file + ": the program text was edited after the run (its sha-256 differs); running the text as it is now");
        }
        Path recorded = program.path() == null ? null : Path.of(program.path());
        // imports and user functions resolve beside the program: keep its folder when it is still here
        Path baseDir = recorded != null && recorded.getParent() != null && Files.isDirectory(recorded.getParent())
                ? recorded.getParent() : path.getParent();
        String name = program.name() == null ? file : program.name();
        if (recorded != null && Files.isRegularFile(recorded) && !ctx.cwd().resolve(name).normalize().equals(recorded)) {
            name = recorded.toString(); // started elsewhere: name the program by where it is, so imports still resolve
        }
        Source source = new Source(name, program.text());

        EffectiveSettings settings = EffectiveSettings.resolve(ctx, flags, noProgress, quiet, ProjectFiles.load(ctx, path.getParent()));
        DataRoot data = settings.data();
        Path planData = plan.options().dataRoot() == null ? null : Path.of(plan.options().dataRoot());
        if (flags.data == null && planData != null && Files.isDirectory(planData)) data = DataRoot.of(planData, "the plan's data_root");

        List<PlanFile.Mismatch> changed = PlanFile.verify(plan, data);
        if (!changed.isEmpty()) {
            List<String> lines = changed.stream().map(PlanFile.Mismatch::describe).toList();
            if (!force) {
                throw new UserError(file + " cannot be reproduced: " + String.join("; ", lines)
                        + ". Restore the data the plan ran on, or rerun with --force to run on the data as it is now");
            }
            lines.forEach(l -> warnings.add(l + " (--force: running anyway; the numbers may differ from the plan's)"));
        }

        OptionalLong seed = flags.seed != null ? OptionalLong.of(flags.seed)
                : plan.options().seed() == null ? OptionalLong.empty() : OptionalLong.of(plan.options().seed());
        TrainContext.Mode training = mode != TrainContext.Mode.FRESH ? mode : trainingOf(plan.options().training());
        RunOptions options = new RunOptions(data.dir(), settings.out().value(), seed, baseDir, training);
        if (settings.outGiven()) options = options.withOut(settings.out().value());
        return new Prepared(source, options.onlyExperiment(plan.experiment()), settings, warnings);
    }

    private static TrainContext.Mode trainingOf(String recorded) {
        if (recorded == null) return TrainContext.Mode.FRESH;
        for (TrainContext.Mode m : TrainContext.Mode.values()) {
            if (m.name().equalsIgnoreCase(recorded)) return m;
        }
        throw new UserError("the plan's training mode '" + recorded + "' is not one of fresh, resume, reuse");
    }
}
