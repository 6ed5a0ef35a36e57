package dev.strat.cli.repl;

import dev.strat.cli.BuiltinHelp;
import dev.strat.cli.ProgressReporter;
import dev.strat.cli.VersionProvider;
import dev.strat.lang.api.Session;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.stdlib.NameSuggester;
import dev.strat.stdlib.Registry;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The interactive loop: reads an entry (several lines while {@link Session#isIncomplete} says it
 * goes on), evaluates it in the session and prints its output and diagnostics. Errors never end
 * the session; Ctrl-C drops the entry being typed (or asks a running entry to stop), Ctrl-D and
 * {@code :quit} leave.
 */
public final class Repl {

    /** The prompt of a new entry. */
    public static final String PROMPT = "strat> ";

    /** The prompt of the lines that continue an entry. */
    public static final String CONTINUATION_PROMPT = "  ...> ";

    private final Terminal terminal;
    private final Session session;
    private final Registry registry;
    private final Path historyFile;
    private final Path cwd;
    private final Path dataRoot;
    private final LongSupplier nanos;
    private final PrintWriter out;

    /**
     * @param terminal    where to read and print
     * @param session     the language session
     * @param registry    the built-ins, for {@code :help} and completion
     * @param historyFile where history persists across sessions, or null for none
     * @param cwd         the folder {@code :load} paths resolve against
     * @param dataRoot    the data folder, for completing {@code csv("...")} names (null: none)
     * @param nanos       a monotonic clock for progress
     */
    public Repl(Terminal terminal, Session session, Registry registry, Path historyFile, Path cwd, Path dataRoot,
                LongSupplier nanos) {
        this.terminal = terminal;
        this.session = session;
        this.registry = registry;
        this.historyFile = historyFile;
        this.cwd = cwd;
        this.dataRoot = dataRoot;
        this.nanos = nanos;
        this.out = terminal.writer();
    }

    /** Builds the line reader: our parser, completer, history and prompts. */
    LineReader lineReader() {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("strat")
                .parser(new StratLineParser(session::isIncomplete))
                .completer(new StratCompleter(this::registry, session::definedNames, session::strategyParameters, cwd, dataRoot))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                .variable(LineReader.HISTORY_SIZE, 5000)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                // '!' is an ordinary character in .strat entries, not a history reference
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.GROUP, true)
                .option(LineReader.Option.AUTO_GROUP, true)
                .option(LineReader.Option.CASE_INSENSITIVE, false);
        if (historyFile != null) builder.variable(LineReader.HISTORY_FILE, historyFile);
        return builder.build();
    }

    /** Runs until {@code :quit} or end of input. */
    public void run() {
        LineReader reader = lineReader();
        out.println("strat " + VersionProvider.version() + " - type a declaration, ':help' for built-ins, ':quit' to leave");
        out.flush();
        try {
            while (true) {
                String entry;
                try {
                    entry = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: drop the entry being typed, keep the session
                } catch (EndOfFileException e) {
                    break;
                }
                if (entry == null) break;
                if (entry.isBlank()) continue;
                if (!handle(entry)) break;
            }
        } finally {
            try {
                reader.getHistory().save();
            } catch (IOException | RuntimeException e) {
                out.println("warning: could not save history to " + historyFile + ": " + e.getMessage());
            }
            out.flush();
        }
    }

    /** Handles one entry; false when the REPL should end. */
    boolean handle(String entry) {
        if (InputScanner.isCommand(entry)) return command(entry.strip());
        evaluate(progress -> session.eval(entry, progress));
        return true;
    }

    private boolean command(String entry) {
        List<InputScanner.Token> words = InputScanner.scanCommand(entry);
        String name = words.get(0).text();
        String arg = entry.substring(Math.min(entry.length(), words.get(0).end())).strip();
        switch (name) {
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            case ":help", ":h" -> help(arg);
            case ":reset" -> {
                session.reset();
                print("session reset: all definitions forgotten\n");
            }
            case ":load", ":l" -> load(arg);
            default -> {
                String hint = NameSuggester.closest(name, Keywords.COMMANDS)
                        .map(s -> "; did you mean '" + s + "'?").orElse("");
                print("unknown command '" + name + "'" + hint + " (commands: "
                        + String.join(", ", Keywords.COMMANDS) + ")\n");
            }
        }
        return true;
    }

    /**
     * The names to help with and complete: the session's own (its user functions over the
     * built-ins) when the session has declared any, else the registry this REPL was given.
     */
    private Registry registry() {
        Registry own = session.registry();
        return own == dev.strat.stdlib.StandardLibrary.registry() ? registry : own;
    }

    private void help(String arg) {
        BuiltinHelp help = new BuiltinHelp(registry(), Math.max(40, Math.min(100, terminal.getWidth() > 0 ? terminal.getWidth() : 80)));
        if (arg.isEmpty()) {
            print(help.listing() + "commands: :help [NAME], :load FILE, :reset, :quit (or Ctrl-D)\n");
        } else if (session.strategyParameters().containsKey(arg) && registry().find(arg).isEmpty()) {
            // a parameterised strategy of this session: its parameters and how a use changes them
            java.util.Map<String, String> params = session.strategyParameters().get(arg);
            String first = params.keySet().iterator().next();
            print("strategy " + arg + "(" + params.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", ")) + "), defined in this session\n"
                    + "  " + arg + " alone means these defaults; " + arg + "(" + first + "=...) changes one by name; in compare, "
                    + "[" + arg + "(" + first + "=x) for x in ...] sweeps it\n");
        } else {
            print(help.describe(arg).text());
        }
    }

    private void load(String arg) {
        if (arg.isEmpty()) {
            print("usage: :load FILE\n");
            return;
        }
        String name = unquote(arg);
        if (name.startsWith("~/")) name = System.getProperty("user.home") + name.substring(1);
        Path file = cwd.resolve(name);
        if (!Files.isRegularFile(file)) {
            print("cannot load '" + name + "': " + (Files.isDirectory(file) ? "it is a directory" : "no such file") + "\n");
            return;
        }
        if (!Files.isReadable(file)) {
            print("cannot load '" + name + "': permission denied\n");
            return;
        }
        evaluate(progress -> session.load(file, progress));
    }

    /**
     * Evaluates with Ctrl-C mapped to an interrupt of this thread, so that an engine that checks
     * for interruption can stop a long run without ending the session.
     */
    private void evaluate(Function<ProgressListener, Session.Result> action) {
        Thread worker = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
        Session.Result result;
        try (ProgressReporter progress = progress()) {
            result = action.apply(progress);
        } catch (RuntimeException e) {
            boolean interrupted = Thread.interrupted();
            print(interrupted ? "interrupted\n" : "internal error: " + e + "\n");
            return;
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            Thread.interrupted(); // a late Ctrl-C must not break the next read
        }
        if (result.output() != null && !result.output().isEmpty()) {
            print(result.output().endsWith("\n") ? result.output() : result.output() + "\n");
        }
        if (!result.diagnostics().isEmpty()) print(DiagnosticFormatter.formatAll(result.diagnostics()));
    }

    private ProgressReporter progress() {
        boolean interactive = !Terminal.TYPE_DUMB.equals(terminal.getType())
                && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        PrintStream stream = new PrintStream(terminal.output(), true, terminal.encoding());
        return new ProgressReporter(interactive ? ProgressReporter.Mode.BAR : ProgressReporter.Mode.LINES,
                stream, nanos, () -> terminal.getWidth() > 0 ? terminal.getWidth() : 80, interactive);
    }

    private void print(String text) {
        out.print(text);
        out.flush();
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
