package dev.strat.polyglot;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * One sandboxed polyglot context: opened once per run of a stage (or per agent's feature or
 * reward), reused for every decision, closed with the run. It evaluates the guest sources once,
 * then calls their functions with limits, turning every failure into a {@link GuestException}
 * that names the function and the decision.
 *
 * <p>Not thread-safe, like the stages that own it.
 */
public final class GuestContext implements AutoCloseable {

    /**
     * Seeds {@code Math.random} from the run (mulberry32, 32-bit state): the function sees a
     * deterministic stream, the same for the same seed. The IIFE returns the seeding function to
     * the host only, so guest code cannot reseed it.
     */
    private static final String JS_PRELUDE = """
            (function () {
              let s = 0;
              const next = function () {
                s = (s + 0x6D2B79F5) | 0;
                let t = Math.imul(s ^ (s >>> 15), 1 | s);
                t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
                return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
              };
              Object.defineProperty(Math, 'random', { value: next, writable: false, configurable: false });
              return function (seed) { s = seed | 0; };
            })()
            """;

    private final Context context;
    private final GuestLanguage language;
    private final Sandbox sandbox;
    private final Watchdog.Call call = new Watchdog.Call();
    private final ScheduledFuture<?> watch;
    private final Value seeder;
    private volatile boolean cancelled;

    private GuestContext(GuestLanguage language, Sandbox sandbox) {
        if (!language.installed()) {
            throw new IllegalStateException(language.display() + " functions need " + language.display()
                    + " for GraalVM, which this build of strat leaves out");
        }
        this.language = language;
        this.sandbox = sandbox;
        PrintStream err = System.err;
        OutputStream guestOut = new OutputStream() {
            // print() and console.log() reach the user's terminal, never the host's stdout (tables, CSV)
            @Override public void write(int b) { err.write(b); }
            @Override public void write(byte[] b, int off, int len) { err.write(b, off, len); }
        };
        this.context = Context.newBuilder(language.id())
                .engine(Engines.shared())
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(guestOut)
                .err(guestOut)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowHostClassLookup(name -> false)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowValueSharing(false)
                .allowInnerContextOptions(false)
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(sandbox.statementLimit(), null).build())
                .build();
        try {
            this.seeder = language == GuestLanguage.JS ? context.eval("js", JS_PRELUDE) : null;
            context.getBindings(language.id()).putMember("strat", strat());
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
        this.watch = Watchdog.watch(() -> call.check(sandbox, this::cancel));
    }

    /**
     * Opens a context and evaluates {@code sources} in order (top-level code runs under the same limits as a call).
     *
     * @throws GuestException when a source fails to evaluate; the context is closed then
     */
    public static GuestContext open(FunctionSpec spec, Sandbox sandbox, List<GuestSource> sources, long seed) {
        GuestContext c = new GuestContext(spec.language(), sandbox);
        try {
            c.reseed(seed);
            for (GuestSource s : sources) c.guarded(spec, "", () -> c.context.eval(source(s)));
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The guest function {@code spec} names. */
    public Value function(FunctionSpec spec) {
        Value f = context.getBindings(language.id()).getMember(spec.name());
        if (f == null || !f.canExecute()) {
            throw new GuestException(spec, "", "its " + language.display() + " code defines no function '" + spec.name() + "'",
                    Optional.empty(), List.of());
        }
        return f;
    }

    /** Restarts {@code Math.random} from {@code seed}: called when a run starts. */
    public void reseed(long seed) {
        if (seeder != null) seeder.execute((int) (seed ^ (seed >>> 32)));
    }

    /**
     * Calls {@code fn} under the sandbox's limits.
     *
     * @param when the decision date, for messages
     * @throws GuestException on any failure of the guest code or a broken limit
     */
    public Value call(FunctionSpec spec, String when, Value fn, Object... args) {
        return guarded(spec, when, () -> fn.execute(args));
    }

    private Value guarded(FunctionSpec spec, String when, java.util.function.Supplier<Value> body) {
        if (cancelled) throw new GuestException(spec, when, "its context was stopped by an earlier failure", Optional.empty(), List.of());
        context.resetLimits();
        call.begin();
        try {
            return body.get();
        } catch (PolyglotException e) {
            throw translate(spec, when, e);
        } catch (IllegalStateException e) {
            // a context cancelled by the watchdog refuses further use
            throw new GuestException(spec, when, Optional.ofNullable(call.stopped).orElse(e.getMessage()), Optional.empty(), List.of());
        } finally {
            call.end();
        }
    }

    private void cancel(String why) {
        cancelled = true;
        context.close(true);
    }

    private GuestException translate(FunctionSpec spec, String when, PolyglotException e) {
        String problem;
        if (e.isResourceExhausted()) {
            cancelled = true;
            problem = "ran past its limit of " + sandbox.statementLimit() + " statements per call";
        } else if (e.isCancelled() || call.stopped != null) {
            cancelled = true;
            problem = Optional.ofNullable(call.stopped).orElse("was cancelled");
        } else if (e.isSyntaxError()) {
            problem = "syntax error: " + e.getMessage();
        } else if (e.isHostException()) {
            Throwable host = e.asHostException();
            problem = host.getMessage() == null ? host.getClass().getSimpleName() : host.getMessage();
        } else if (e.isInternalError()) {
            problem = "internal error of the " + language.display() + " runtime: " + e.getMessage();
        } else {
            problem = "threw " + e.getMessage();
        }
        List<String> stack = new ArrayList<>();
        Optional<String> line = Optional.empty();
        Optional<GuestException.Location> at = Optional.empty();
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (!f.isGuestFrame() || f.getSourceLocation() == null) continue;
            var loc = f.getSourceLocation();
            if (loc.getSource().isInternal()) continue;
            String name = f.getRootName() == null || f.getRootName().isEmpty() ? "<top>" : f.getRootName();
            stack.add(name + " (" + loc.getSource().getName() + ":" + loc.getStartLine() + ":" + loc.getStartColumn() + ")");
            if (line.isEmpty()) {
                line = Optional.of(loc.getSource().getCharacters(loc.getStartLine()).toString().strip());
                at = Optional.of(new GuestException.Location(loc.getSource().getName(), loc.getStartLine(), loc.getStartColumn()));
            }
        }
        if (line.isEmpty() && e.getSourceLocation() != null && !e.getSourceLocation().getSource().isInternal()) {
            var loc = e.getSourceLocation();
            line = Optional.of(loc.getSource().getCharacters(loc.getStartLine()).toString().strip());
            at = Optional.of(new GuestException.Location(loc.getSource().getName(), loc.getStartLine(), loc.getStartColumn()));
        }
        return new GuestException(spec, when, problem, line, stack, at);
    }

    static Source source(GuestSource s) {
        return Source.newBuilder(s.language().id(), s.padded(), s.name()).buildLiteral();
    }

    /** The one host object guest code sees: {@code strat.read(path)}, refused outside the program's grants. */
    private ProxyObject strat() {
        ProxyExecutable read = args -> {
            if (args.length != 1 || !args[0].isString()) throw new IllegalArgumentException("strat.read expects one path");
            Path p = Path.of(args[0].asString());
            if (!sandbox.mayRead(p)) {
                throw new SecurityException("reading '" + p + "' is not allowed: the program grants "
                        + (sandbox.readable().isEmpty() ? "no folder (add: allow read \"dir\")" : "only " + sandbox.readable()));
            }
            try {
                return Files.readString(p.toAbsolutePath().normalize(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new IllegalArgumentException("cannot read '" + p + "': " + ex.getMessage());
            }
        };
        return ProxyObject.fromMap(Map.of("read", read));
    }

    @Override
    public void close() {
        watch.cancel(false);
        try {
            context.close(cancelled);
        } catch (PolyglotException | IllegalStateException ignored) {
            // closing a context the watchdog cancelled: nothing is left to free
        }
    }
}
