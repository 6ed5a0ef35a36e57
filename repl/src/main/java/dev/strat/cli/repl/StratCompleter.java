package dev.strat.cli.repl;

import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Tab completion for the REPL, by context:
 * <ul>
 *   <li>{@code :} at the start of the entry: the REPL commands; after {@code :help} built-in names,
 *       after {@code :load} file names;</li>
 *   <li>inside {@code name(} of a built-in, where an argument starts: its parameter names followed
 *       by {@code =} (those not given yet); after {@code param=}: the choices of a choice parameter
 *       or {@code true}/{@code false};</li>
 *   <li>elsewhere: keywords, built-in names and the names the session has defined;</li>
 *   <li>inside the string of {@code csv("}: the data files in the data folder;</li>
 *   <li>inside any other string or a comment: nothing.</li>
 * </ul>
 */
public final class StratCompleter implements Completer {

    private static final String KEYWORDS = "keywords";
    private static final String BUILTINS = "built-ins";
    private static final String DEFINED = "defined";
    private static final String PARAMETERS = "parameters";

    private final Supplier<Registry> registry;
    private final Supplier<Set<String>> definedNames;
    /** The session's parameterised strategies: name, then each parameter with its default. */
    private final Supplier<Map<String, Map<String, String>>> strategyParameters;
    private final Completer files;
    private final Path dataRoot;

    /**
     * @param registry     the built-ins
     * @param definedNames the session's names, asked at each completion
     * @param cwd          where {@code :load} file names are completed from
     * @param dataRoot     where {@code csv("...")} file names are completed from, or null
     */
    public StratCompleter(Registry registry, Supplier<Set<String>> definedNames, Path cwd, Path dataRoot) {
        this(() -> registry, definedNames, cwd, dataRoot);
    }

    /** As above, with the registry asked for at each completion: a session's user functions join it as they are declared. */
    public StratCompleter(Supplier<Registry> registry, Supplier<Set<String>> definedNames, Path cwd, Path dataRoot) {
        this(registry, definedNames, Map::of, cwd, dataRoot);
    }

    /** As above, with the parameters of the session's strategies, offered inside {@code ripo(} as for a built-in. */
    public StratCompleter(Supplier<Registry> registry, Supplier<Set<String>> definedNames,
                          Supplier<Map<String, Map<String, String>>> strategyParameters, Path cwd, Path dataRoot) {
        this.registry = registry;
        this.definedNames = definedNames;
        this.strategyParameters = strategyParameters;
        this.dataRoot = dataRoot;
        this.files = new Completers.FileNameCompleter() {
            @Override
            protected Path getUserDir() {
                return cwd;
            }
        };
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, Math.min(line.cursor(), line.line().length()));
        if (InputScanner.isCommand(line.line())) {
            completeCommand(reader, line, candidates);
            return;
        }
        InputScanner.Scan scan = InputScanner.scan(before);
        List<InputScanner.Token> tokens = scan.tokens();
        if (scan.inString()) {
            int n = tokens.size();
            if (n >= 3 && tokens.get(n - 2).is('(') && tokens.get(n - 3).text().equals("csv")) dataFiles(candidates);
            return;
        }
        if (scan.inComment()) return;
        // the word under the cursor is being typed: context comes from the tokens before it
        int end = tokens.size();
        if (end > 0) {
            InputScanner.Token last = tokens.get(end - 1);
            if (last.kind() == InputScanner.Kind.WORD && last.end() == before.length()) end--;
        }
        List<InputScanner.Token> context = tokens.subList(0, end);
        Builtin call = openBuiltinCall(context);
        if (call != null) {
            InputScanner.Token prev = context.get(context.size() - 1);
            if (prev.is('(') || prev.is(',')) {
                Set<String> given = givenArguments(context);
                for (ParamSpec p : call.params()) {
                    if (given.contains(p.name())) continue;
                    candidates.add(new Candidate(p.name() + "=", p.name() + "=", PARAMETERS,
                            describe(p), null, null, false));
                }
                return;
            }
            if (prev.is('=') && context.size() >= 2 && context.get(context.size() - 2).kind() == InputScanner.Kind.WORD) {
                call.param(context.get(context.size() - 2).text()).ifPresent(p -> valueCandidates(p, candidates));
                return;
            }
        }
        Map<String, String> params = openStrategyCall(context);
        if (params != null && (context.getLast().is('(') || context.getLast().is(','))) {
            Set<String> given = givenArguments(context);
            params.forEach((name, value) -> {
                if (!given.contains(name)) {
                    candidates.add(new Candidate(name + "=", name + "=", PARAMETERS, "default " + value, null, null, false));
                }
            });
            return;
        }
        completeGeneral(candidates);
    }

    /** The parameters of the session's strategy whose argument list the end of {@code tokens} stands in, or null. */
    private Map<String, String> openStrategyCall(List<InputScanner.Token> tokens) {
        String name = openCallName(tokens);
        return name == null ? null : openStrategies().get(name);
    }

    /** The session's parameterised strategies; completion must never break line editing, whatever the session does. */
    private Map<String, Map<String, String>> openStrategies() {
        try {
            Map<String, Map<String, String>> all = strategyParameters.get();
            return all == null ? Map.of() : all;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private void completeGeneral(List<Candidate> candidates) {
        // one candidate per value: a built-in or a defined name wins over a keyword of the same spelling
        Map<String, Candidate> byValue = new LinkedHashMap<>();
        for (String k : Keywords.LANGUAGE) byValue.put(k, new Candidate(k, k, KEYWORDS, null, null, null, true));
        for (Builtin b : registry.get().all()) {
            byValue.put(b.name(), new Candidate(b.name(), b.name(), BUILTINS, b.summary(), null, null, false));
        }
        for (var c : registry.get().components()) {
            byValue.put(c.name(), new Candidate(c.name(), c.name(), BUILTINS, c.summary(), null, null, false));
        }
        for (String name : definedNamesSafely()) {
            byValue.put(name, new Candidate(name, name, DEFINED, null, null, null, false));
        }
        candidates.addAll(byValue.values());
    }

    /** The data files ({@code .csv}, {@code .csv.gz}) directly in the data folder, quoted. */
    private void dataFiles(List<Candidate> candidates) {
        if (dataRoot == null || !Files.isDirectory(dataRoot)) return;
        try (Stream<Path> list = Files.list(dataRoot)) {
            list.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") || n.endsWith(".csv.gz"))
                    .sorted()
                    .forEach(n -> candidates.add(new Candidate("\"" + n + "\"", n, "data files", null, null, null, false)));
        } catch (IOException | RuntimeException e) {
            // an unreadable folder offers nothing
        }
    }

    /** Completion must never break line editing, whatever the session does. */
    private Set<String> definedNamesSafely() {
        try {
            Set<String> names = definedNames.get();
            return names == null ? Set.of() : names;
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    private void completeCommand(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            for (String c : Keywords.COMMANDS) candidates.add(new Candidate(c, c, "commands", null, null, null, true));
            return;
        }
        String command = line.words().get(0);
        if (line.wordIndex() != 1) return;
        switch (command) {
            case ":help" -> {
                for (Builtin b : registry.get().all()) {
                    candidates.add(new Candidate(b.name(), b.name(), BUILTINS, b.summary(), null, null, true));
                }
                for (var c : registry.get().components()) {
                    candidates.add(new Candidate(c.name(), c.name(), BUILTINS, c.summary(), null, null, true));
                }
                Map<String, Map<String, String>> strategies = openStrategies();
                for (String s : strategies.keySet()) {
                    candidates.add(new Candidate(s, s, DEFINED, "strategy with parameters " + String.join(", ", strategies.get(s).keySet()),
                            null, null, true));
                }
            }
            case ":load" -> files.complete(reader, line, candidates);
            default -> { }
        }
    }

    /** The built-in whose argument list the end of {@code tokens} stands in, or null. */
    private Builtin openBuiltinCall(List<InputScanner.Token> tokens) {
        String name = openCallName(tokens);
        return name == null ? null : registry.get().find(name).orElse(null);
    }

    /** The name before the innermost open {@code (} at the end of {@code tokens}, or null. */
    private static String openCallName(List<InputScanner.Token> tokens) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int k = 0; k < tokens.size(); k++) {
            InputScanner.Token t = tokens.get(k);
            if (t.is('(') || t.is('[') || t.is('{')) open.push(k);
            else if ((t.is(')') || t.is(']') || t.is('}')) && !open.isEmpty()) open.pop();
        }
        if (open.isEmpty()) return null;
        int at = open.peek();
        if (!tokens.get(at).is('(') || at == 0) return null;
        InputScanner.Token name = tokens.get(at - 1);
        if (name.kind() != InputScanner.Kind.WORD) return null;
        return name.text();
    }

    /** Names already given as {@code name=} in the innermost open call. */
    private static Set<String> givenArguments(List<InputScanner.Token> tokens) {
        int depth = 0, k = tokens.size() - 1;
        Set<String> given = new HashSet<>();
        for (; k >= 0; k--) {
            InputScanner.Token t = tokens.get(k);
            if (t.is(')') || t.is(']') || t.is('}')) depth++;
            else if (t.is('(') || t.is('[') || t.is('{')) {
                if (depth == 0) break;
                depth--;
            } else if (depth == 0 && t.is('=') && k > 0 && tokens.get(k - 1).kind() == InputScanner.Kind.WORD) {
                given.add(tokens.get(k - 1).text());
            }
        }
        return given;
    }

    private static void valueCandidates(ParamSpec p, List<Candidate> candidates) {
        if (p.type() instanceof ParamType.Choice choice) {
            for (String o : choice.options()) candidates.add(new Candidate(o, o, p.name(), null, null, null, false));
        } else if (p.type() instanceof ParamType.Bool) {
            candidates.add(new Candidate("true", "true", p.name(), null, null, null, false));
            candidates.add(new Candidate("false", "false", p.name(), null, null, null, false));
        }
    }

    private static String describe(ParamSpec p) {
        String d = p.type().display();
        if (!p.isRequired()) d += ", default " + p.defaultValue().render();
        else d += ", required";
        return d;
    }
}
