package dev.strat.lang;

import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.api.Session;
import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Program;
import dev.strat.lang.check.CheckContext;
import dev.strat.lang.check.CheckResult;
import dev.strat.lang.check.Checker;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.parse.ParseResult;
import dev.strat.lang.parse.Parser;
import dev.strat.lang.run.DataCatalog;
import dev.strat.lang.run.ExperimentExecutor;
import dev.strat.lang.run.MarketLoader;
import dev.strat.runtime.pipeline.ProgressListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A REPL session. Each accepted entry is kept as a parsed program; the next entry is checked
 * against all of them, so definitions persist and a redefinition replaces the old one. An entry
 * with errors is dropped whole, leaving the session as it was. Markets and data facts are cached
 * for the session's life, so repeated backtests do not re-read files.
 */
final class InterpreterSession implements Session {

    private final Interpreter engine;
    private final RunOptions options;
    private final DataCatalog catalog;
    private final MarketLoader loader;
    private final List<Program> entries = new ArrayList<>();
    private int counter;
    private dev.strat.stdlib.Registry registry;

    InterpreterSession(Interpreter engine, RunOptions options) {
        this.engine = engine;
        this.options = options;
        this.catalog = new DataCatalog(options.dataRoot());
        this.loader = catalog.loader();
    }

    @Override
    public Result eval(String input, ProgressListener progress) {
        counter++;
        return evaluate(new Source("<repl:" + counter + ">", input), progress, false);
    }

    @Override
    public Result load(Path file, ProgressListener progress) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Result("cannot read " + file + ": " + e.getMessage() + "\n", List.of());
        }
        return evaluate(new Source(file.toString(), text), progress, true);
    }

    private Result evaluate(Source source, ProgressListener progress, boolean wholeFile) {
        ParseResult parsed = Parser.parse(source);
        if (parsed.hasErrors()) return new Result("", parsed.diagnostics());
        CheckContext context = engine.context(catalog);
        CheckResult checked = Checker.check(parsed.program(), entries, context);
        if (!checked.ok() || checked.plan().isEmpty()) return new Result("", checked.diagnostics());

        StringBuilder out = new StringBuilder();
        Set<String> before = definedKeys();
        for (Decl d : parsed.program().decls()) describe(d, before, out);
        List<dev.strat.lang.plan.ExperimentPlan> runs = checked.plan().get().experiments();
        if (!runs.isEmpty()) {
            // a file loaded with :load writes its reports like `strat run`; a typed backtest only prints
            ExperimentExecutor executor = new ExperimentExecutor(loader, new ExperimentExecutor.RunSettings(
                    options.outDir(), options.seed(), source.name(), Interpreter.sha256(source.text()), Interpreter.VERSION, wholeFile,
                    wholeFile ? options.training() : dev.strat.runtime.experiment.TrainContext.Mode.FRESH, source.text(),
                    options.outGiven()));
            RunOutcome outcome = Interpreter.execute(runs, executor, checked.diagnostics(), progress);
            outcome.tables().forEach(t -> out.append(t).append('\n'));
            outcome.artefacts().stream().filter(p -> p.getFileName().toString().equals("index.html"))
                    .forEach(p -> out.append("report: ").append(p).append('\n'));
            if (outcome.failure() != null) out.append("run failed: ").append(outcome.failure()).append('\n');
            if (outcome.hasErrors()) return new Result(out.toString(), outcome.diagnostics());
            entries.add(parsed.program());
            registry = checked.plan().get().registry();
            return new Result(out.toString(), outcome.diagnostics());
        }
        entries.add(parsed.program());
        registry = checked.plan().get().registry();
        return new Result(out.toString(), checked.diagnostics());
    }

    /** Says what a declaration defines: "redefined" where an earlier entry defined the same thing. */
    private static void describe(Decl d, Set<String> before, StringBuilder out) {
        String text = switch (d) {
            case Decl.Market m -> "market " + m.name().name();
            case Decl.Strategy s -> "strategy " + s.name().name();
            case Decl.Split s -> "split " + s.name().name();
            case Decl.Experiment e -> null;
            case Decl.Backtest b -> null;
            case Decl.Models m -> "models " + m.name().name();
            case Decl.Scenarios s -> "scenarios " + s.name().name();
            case Decl.Costs c -> "costs";
            case Decl.Capital c -> "capital";
            case Decl.Import i -> "import " + i.path();
            case Decl.Goal g -> "goal";
            case Decl.GuestImport i -> "import " + i.language().name() + " " + i.path();
            case Decl.Function f -> f.role().name() + " " + f.name().name();
            case Decl.Allow a -> "allow " + a.access().name() + " " + a.path();
        };
        if (text == null) return;
        out.append(before.contains(key(d)) ? "redefined " : "defined ").append(text).append('\n');
    }

    /** What the earlier entries define, as {@link #key} gives it. */
    private Set<String> definedKeys() {
        Set<String> keys = new java.util.HashSet<>();
        for (Program p : entries) for (Decl d : p.decls()) keys.add(key(d));
        return keys;
    }

    /** The name a declaration defines; the program-wide settings by their keyword, kept apart from names by a space. */
    private static String key(Decl d) {
        return switch (d) {
            case Decl.Market m -> m.name().name();
            case Decl.Strategy s -> s.name().name();
            case Decl.Split s -> s.name().name();
            case Decl.Models m -> m.name().name();
            case Decl.Scenarios s -> s.name().name();
            case Decl.Experiment e -> e.name().name();
            case Decl.Backtest b -> " backtest";
            case Decl.Costs c -> " costs";
            case Decl.Capital c -> " capital";
            case Decl.Import i -> " import " + i.path();
            case Decl.Goal g -> " goal";
            case Decl.GuestImport i -> " import " + i.language().name() + " " + i.path();
            case Decl.Function f -> f.name().name();
            case Decl.Allow a -> " allow " + a.path();
        };
    }

    @Override
    public boolean isIncomplete(String input) {
        // the parser knows where a declaration may not stop: open brackets, a trailing '|', "strategy s ="
        return Parser.parse(new Source("<repl>", input)).incomplete();
    }

    @Override
    public void reset() {
        entries.clear();
        registry = null;
    }

    @Override
    public dev.strat.stdlib.Registry registry() {
        return registry == null ? Session.super.registry() : registry;
    }

    @Override
    public java.util.Map<String, java.util.Map<String, String>> strategyParameters() {
        java.util.Map<String, java.util.Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (Program p : entries) {
            for (Decl d : p.decls()) {
                if (!(d instanceof Decl.Strategy s)) continue;
                // a later entry redefines the strategy, with or without parameters
                out.remove(s.name().name());
                if (s.params().isEmpty()) continue;
                java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
                for (Decl.StrategyParam param : s.params()) {
                    params.putIfAbsent(param.name().name(), param.defaultValue() == null ? "" : dev.strat.lang.fmt.Formatter.expr(param.defaultValue()));
                }
                out.put(s.name().name(), params);
            }
        }
        return out;
    }

    @Override
    public Set<String> definedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Program p : entries) {
            for (Decl d : p.decls()) {
                switch (d) {
                    case Decl.Market m -> names.add(m.name().name());
                    case Decl.Strategy s -> names.add(s.name().name());
                    case Decl.Split s -> names.add(s.name().name());
                    case Decl.Models m -> names.add(m.name().name());
                    case Decl.Scenarios s -> names.add(s.name().name());
                    case Decl.Experiment e -> names.add(e.name().name());
                    default -> { }
                }
            }
        }
        return names;
    }
}
