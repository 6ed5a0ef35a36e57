package dev.strat.cli;

import dev.strat.lang.api.StratEngine;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StandardLibrary;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Everything the commands take from the outside world, gathered so that tests can replace it:
 * the engine, the registry, the environment, the current directory, the standard streams, the
 * terminal and the clock. {@link #system()} is the real one.
 *
 * @param engines     finds the language engine (lazily: help and built-in listings need none)
 * @param registry    the built-ins, for help and completion
 * @param env         the process environment
 * @param stratHome   the {@code strat.home} system property, when set
 * @param cwd         the current directory, absolute
 * @param stdout      standard output
 * @param stderr      standard error
 * @param probe       whether standard error is a terminal (for the progress bar)
 * @param terminals   opens the REPL's terminal
 * @param historyFile where the REPL keeps its history
 * @param nanoClock   a monotonic clock in nanoseconds (progress timing)
 */
public record CliContext(Supplier<Optional<StratEngine>> engines, Registry registry, Map<String, String> env,
                         Optional<String> stratHome, Path cwd, PrintStream stdout, PrintStream stderr,
                         TerminalProbe probe, TerminalFactory terminals, Path historyFile, LongSupplier nanoClock) {

    /** The system property that overrides the REPL history file (tests, sandboxes). */
    public static final String HISTORY_PROPERTY = "strat.history";

    public CliContext {
        env = Map.copyOf(env);
        cwd = cwd.toAbsolutePath().normalize();
    }

    /** The context of the real process. */
    public static CliContext system() {
        String history = System.getProperty(HISTORY_PROPERTY);
        Path historyFile = history != null && !history.isBlank()
                ? Path.of(history) : Path.of(System.getProperty("user.home"), ".strat_history");
        return new CliContext(
                () -> ServiceLoader.load(StratEngine.class).findFirst(),
                StandardLibrary.registry(),
                System.getenv(),
                Optional.ofNullable(System.getProperty(DataRootResolver.HOME_PROPERTY)),
                Path.of("").toAbsolutePath(),
                System.out,
                System.err,
                TerminalProbe.system(),
                // dumb(true): when input is piped the REPL reads it plainly, without JLine's warning
                () -> TerminalBuilder.builder().system(true).dumb(true).name("strat").build(),
                historyFile,
                System::nanoTime);
    }

    /** The language engine, or an {@link InternalError} saying that the build registered none. */
    public StratEngine engine() {
        return engines.get().orElseThrow(() -> new InternalError(
                "no strat language engine is registered (META-INF/services/" + StratEngine.class.getName()
                        + " is missing from the class path); rebuild strat"));
    }

    /** The data root resolver for this environment. */
    public DataRootResolver dataRoots() {
        return new DataRootResolver(env, stratHome, cwd);
    }

    /** Opens the terminal the REPL reads from. */
    @FunctionalInterface
    public interface TerminalFactory {
        Terminal open() throws IOException;
    }
}
