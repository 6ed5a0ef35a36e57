package dev.strat.cli;

import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.RunOutcome;
import dev.strat.lang.api.Session;
import dev.strat.lang.api.StratEngine;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import dev.strat.runtime.pipeline.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the language engine with a few fixed rules, enough to drive every path of the
 * command line: the word {@code olmr} is an unknown built-in (error), {@code ~warn} a warning,
 * {@code FAIL} a run-time failure, {@code BOOM} an internal crash, {@code {{} a syntax error for
 * the formatter; the canonical layout collapses repeated spaces and trailing blanks. Like the real
 * engine, a blank file or one marked {@code # nothing} or {@code # defs only} runs nothing: exit 0, no table, no files.
 */
public final class FakeEngine implements StratEngine {

    /** The options of the last {@link #run}, for assertions. */
    public RunOptions lastOptions;
    public final List<String> warningsToSend = new ArrayList<>();

    @Override
    public List<Diagnostic> check(Source source) {
        List<Diagnostic> out = new ArrayList<>();
        List<String> lines = source.lines();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            int at = line.indexOf("olmr");
            if (at >= 0) out.add(Diagnostic.error(new Span(source, k + 1, at + 1, 4), "unknown built-in 'olmr'", "did you mean 'olmar'?"));
            int w = line.indexOf("~warn");
            if (w >= 0) out.add(Diagnostic.warning(new Span(source, k + 1, w + 1, 5), "this is only a warning"));
            int b = line.indexOf("{{");
            if (b >= 0) out.add(Diagnostic.error(new Span(source, k + 1, b + 1, 2), "expected a name, found '{'"));
        }
        return out;
    }

    @Override
    public FormatResult format(Source source) {
        List<Diagnostic> syntax = check(source).stream().filter(d -> d.message().startsWith("expected")).toList();
        if (!syntax.isEmpty()) return new FormatResult(null, syntax);
        StringBuilder b = new StringBuilder();
        for (String line : source.text().strip().split("\n")) b.append(line.stripTrailing().replaceAll(" {2,}", " ")).append('\n');
        return new FormatResult(b.toString(), List.of());
    }

    @Override
    public RunOutcome run(Source source, RunOptions options, ProgressListener progress) {
        lastOptions = options;
        if (source.text().contains("BOOM")) throw new IllegalStateException("planner exploded");
        List<Diagnostic> diagnostics = check(source);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) return new RunOutcome(diagnostics, List.of(), List.of(), null);
        progress.start("experiment cmp", 3);
        for (String w : warningsToSend) progress.warn(w);
        for (int k = 1; k <= 3; k++) progress.progress(k, "seed " + k);
        progress.finish();
        if (source.text().isBlank() || source.text().contains("# nothing") || source.text().contains("# defs only")) {
            return new RunOutcome(diagnostics, List.of(), List.of(), null);
        }
        if (source.text().contains("FAIL")) {
            return new RunOutcome(diagnostics, List.of(), List.of(), "market 'us' has no prices in the test period");
        }
        Path report = options.outDir().resolve("cmp").resolve("index.html");
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, "<html></html>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunOutcome(diagnostics, List.of("experiment cmp\n  fast  ar 12.4%  mdd 18.1%"),
                List.of(report, options.outDir().resolve("cmp").resolve("metrics.csv")), null);
    }

    @Override
    public Session openSession(RunOptions options) {
        lastOptions = options;
        return new FakeSession();
    }

    /** A session that knows {@code strategy NAME = ...} entries and the same error words. */
    public static final class FakeSession implements Session {
        private static final Pattern DEFINITION = Pattern.compile("^\\s*(strategy|market|split)\\s+(\\w+)\\s*=", Pattern.MULTILINE);
        private final Set<String> names = new LinkedHashSet<>();
        public final List<String> entries = new ArrayList<>();
        /** What {@link #strategyParameters()} answers; tests fill it in. */
        public final java.util.Map<String, java.util.Map<String, String>> parameters = new java.util.LinkedHashMap<>();

        @Override
        public java.util.Map<String, java.util.Map<String, String>> strategyParameters() {
            return parameters;
        }

        @Override
        public Result eval(String input, ProgressListener progress) {
            entries.add(input);
            if (input.contains("BOOM")) throw new IllegalStateException("evaluator exploded");
            Source source = new Source("<repl>", input);
            List<Diagnostic> diagnostics = new FakeEngine().check(source);
            if (diagnostics.stream().anyMatch(Diagnostic::isError)) return new Result("", diagnostics);
            Matcher m = DEFINITION.matcher(input);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                names.add(m.group(2));
                out.append("defined ").append(m.group(1)).append(' ').append(m.group(2)).append('\n');
            }
            if (input.startsWith("backtest")) out.append("  ar 12.4%  mdd 18.1%  sr 0.71\n");
            return new Result(out.toString(), diagnostics);
        }

        @Override
        public Result load(Path file, ProgressListener progress) {
            try {
                return eval(Files.readString(file), progress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean isIncomplete(String input) {
            String t = input.strip();
            if (t.endsWith("|") || t.endsWith(",") || t.endsWith("=") || t.endsWith("\\")) return true;
            int depth = 0;
            for (char c : t.toCharArray()) {
                if (c == '(' || c == '[' || c == '{') depth++;
                if (c == ')' || c == ']' || c == '}') depth--;
            }
            return depth > 0;
        }

        @Override
        public void reset() {
            names.clear();
        }

        @Override
        public Set<String> definedNames() {
            return Set.copyOf(names);
        }
    }
}
