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
 * One sandboxed polyglot context of one language: opened once per run ({@link GuestRun}), shared
 * by every user function of that language in the run, reused for every decision, closed with the
 * run. It evaluates the guest sources once, then calls their functions with limits, turning every
 * failure into a {@link GuestException} that names the function and the decision.
 *
 * <p>Randomness: each bound function has its own stream, identified by a stable id (its role and
 * label) and seeded from the run's seed ({@link #startStream}). In JavaScript {@code Math.random}
 * reads the stream of the function being called; in Python the {@code random} module is seeded
 * from it (its state is saved and restored when another function of the run is called).
 *
 * <p>Not thread-safe: its run calls it from one thread at a time.
 */
public final class GuestContext implements AutoCloseable {

    /**
     * Seeds {@code Math.random} from the run (mulberry32, 32-bit state per stream). The IIFE
     * returns the stream controls to the host only, so guest code can neither reseed nor replace
     * them; {@code use} switches to a function's stream before it is called.
     */
    private static final String JS_PRELUDE = """
            (function () {
              const states = new Map();
              let cur = null, s = 0;
              const next = function () {
                s = (s + 0x6D2B79F5) | 0;
                let t = Math.imul(s ^ (s >>> 15), 1 | s);
                t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
                return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
              };
              Object.defineProperty(Math, 'random', { value: next, writable: false, configurable: false });
              return {
                start: function (id, seed) { states.set(id, seed | 0); if (cur === id) s = seed | 0; },
                use: function (id) {
                  if (cur !== id) { if (cur !== null) states.set(cur, s); cur = id; s = states.get(id) | 0; }
                }
              };
            })()
            """;

    /**
     * The same for Python's {@code random} module: switching to a function's stream seeds it from
     * the stream's seed the first time, and otherwise saves one state and restores the other.
     * The host calls it once for the controls and removes it from the guest's globals.
     */
    private static final String PY_PRELUDE = """
            def __strat_streams():
                import sys
                states = {}
                cur = [None]
                def start(id, seed):
                    states[id] = (True, seed)
                    if cur[0] == id:
                        cur[0] = None
                def use(id):
                    if cur[0] != id:
                        r = sys.modules.get('random')
                        if r is not None:
                            if cur[0] is not None:
                                states[cur[0]] = (False, r.getstate())
                            fresh, value = states.get(id, (True, 0))
                            if fresh:
                                r.seed(value)
                            else:
                                r.setstate(value)
                        cur[0] = id
                return (start, use)
            """;

    /** The name of the host's own guest code, whose frames guest stacks leave out. */
    private static final String PRELUDE = "strat-prelude";

    private final Context context;
    private final GuestLanguage language;
    private final Sandbox sandbox;
    private final Watchdog.Call call = new Watchdog.Call();
    private final ScheduledFuture<?> watch;
    private final Value start;
    private final Value use;
    /** The stream the guest's random source reads now: switched only when another function is called. */
    private String current;
    private volatile boolean cancelled;

    private GuestContext(GuestLanguage language, Sandbox sandbox) {
        if (!language.installed()) throw new IllegalStateException(language.display() + " functions need " + language.missing());
        this.language = language;
        this.sandbox = sandbox;
        PrintStream err = System.err;
        OutputStream guestOut = new OutputStream() {
            // print() and console.log() reach the user's terminal, never the host's stdout (tables, CSV)
            @Override public void write(int b) { err.write(b); }
            @Override public void write(byte[] b, int off, int len) { err.write(b, off, len); }
        };
        // The CONSTRAINED policy also fixes GraalPy's os module to its Java backend (no direct POSIX
        // calls), and with native access denied no C extension (ctypes, numpy) can load.
        this.context = Context.newBuilder(language.id())
                .engine(Engines.shared(language))
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
            // GraalPy runs internal sources outside __main__, so its prelude is an ordinary source whose frames are dropped by name
            Value controls = context.eval(Source.newBuilder(language.id(), language == GuestLanguage.JS ? JS_PRELUDE : PY_PRELUDE,
                    PRELUDE).internal(language == GuestLanguage.JS).buildLiteral());
            if (language == GuestLanguage.PYTHON) {
                Value globals = context.getBindings("python");
                controls = globals.getMember("__strat_streams").execute();
                globals.removeMember("__strat_streams");
            }
            this.start = language == GuestLanguage.JS ? controls.getMember("start") : controls.getArrayElement(0);
            this.use = language == GuestLanguage.JS ? controls.getMember("use") : controls.getArrayElement(1);
            context.getBindings(language.id()).putMember("strat", strat());
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
        this.watch = Watchdog.watch(() -> call.check(sandbox, this::cancel));
    }

    /**
     * Opens a context and evaluates the sources of {@code functions}, each distinct source once, in
     * order (top-level code runs under the same limits as a call). All must be of one language.
     *
     * @throws GuestException when a source fails to evaluate, naming the first function it defines; the context is closed then
     */
    public static GuestContext open(List<FunctionSpec> functions, Sandbox sandbox) {
        GuestLanguage language = functions.get(0).language();
        GuestContext c = new GuestContext(language, sandbox);
        try {
            java.util.Set<GuestSource> done = new java.util.HashSet<>();
            if (language == GuestLanguage.PYTHON && functions.stream().anyMatch(f -> f.source().code().contains("random"))) {
                // imported here, before any guest code, so that the streams can seed it; importing it costs a
                // second or more under the interpreter, so only code that mentions it pays
                c.guarded(functions.get(0), "", () -> c.context.eval(Source.newBuilder("python", "import random", PRELUDE)
                        .internal(true).buildLiteral()));
            }
            for (FunctionSpec f : functions) {
                if (f.language() != language) throw new IllegalArgumentException("one context holds one language");
                if (done.add(f.source())) c.guarded(f, "", () -> c.context.eval(source(f.source())));
            }
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Opens a context for one function: what {@code strat check} and the benchmark use. */
    public static GuestContext open(FunctionSpec spec, Sandbox sandbox) {
        return open(List.of(spec), sandbox);
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

    /** (Re)starts the random stream {@code stream} from {@code seed}: called when a run starts. */
    public void startStream(String stream, long seed) {
        start.execute(stream, language == GuestLanguage.JS ? (Object) (int) (seed ^ (seed >>> 32)) : (Object) seed);
        // a restarted current stream is switched to again, which seeds it afresh
        if (stream.equals(current)) current = null;
    }

    /**
     * Calls {@code fn} under the sandbox's limits, its random source reading {@code stream}.
     *
     * @param when the decision date, for messages
     * @throws GuestException on any failure of the guest code or a broken limit
     */
    public Value call(FunctionSpec spec, String when, String stream, Value fn, Object... args) {
        return guarded(spec, when, false, () -> {
            if (!stream.equals(current)) {
                // a host-side check, so that a run calling one function after another pays no guest call for it
                use.execute(stream);
                current = stream;
            }
            return fn.execute(args);
        });
    }

    private Value guarded(FunctionSpec spec, String when, java.util.function.Supplier<Value> body) {
        return guarded(spec, when, true, body);
    }

    private Value guarded(FunctionSpec spec, String when, boolean loading, java.util.function.Supplier<Value> body) {
        if (cancelled) throw new GuestException(spec, when, "its context was stopped by an earlier failure", Optional.empty(), List.of());
        context.resetLimits();
        call.begin(sandbox, loading);
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
        } else if (e.isInternalError() && denied(e.getMessage()).isPresent()) {
            problem = "was denied: " + denied(e.getMessage()).get();
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
            if (loc.getSource().isInternal() || !loc.getSource().hasCharacters() || loc.getSource().getName().equals(PRELUDE)) continue;
            String name = f.getRootName() == null || f.getRootName().isEmpty() ? "<top>" : f.getRootName();
            stack.add(name + " (" + loc.getSource().getName() + ":" + loc.getStartLine() + ":" + loc.getStartColumn() + ")");
            if (line.isEmpty()) {
                line = Optional.of(loc.getSource().getCharacters(loc.getStartLine()).toString().strip());
                at = Optional.of(new GuestException.Location(loc.getSource().getName(), loc.getStartLine(), loc.getStartColumn()));
            }
        }
        if (line.isEmpty() && e.getSourceLocation() != null && !e.getSourceLocation().getSource().isInternal()
                && e.getSourceLocation().getSource().hasCharacters()
                && !e.getSourceLocation().getSource().getName().equals(PRELUDE)) {
            var loc = e.getSourceLocation();
            line = Optional.of(loc.getSource().getCharacters(loc.getStartLine()).toString().strip());
            at = Optional.of(new GuestException.Location(loc.getSource().getName(), loc.getStartLine(), loc.getStartColumn()));
        }
        return new GuestException(spec, when, problem, line, stack, at);
    }

    /** True once a limit stopped this context: every later call fails. */
    boolean cancelled() {
        return cancelled;
    }

    /**
     * What the sandbox refused, when an internal error is a refusal: GraalPy lets some host
     * refusals (a process, a socket) surface as Java exceptions rather than Python ones.
     */
    static Optional<String> denied(String message) {
        if (message == null) return Optional.empty();
        for (String marker : List.of("SecurityException: ", "UnsupportedPosixFeatureException: ", "IllegalStateException: ")) {
            int at = message.indexOf(marker);
            if (at < 0) continue;
            String why = message.substring(at + marker.length());
            if (marker.startsWith("Illegal") && !why.contains("not allowed")) continue;
            int hint = why.indexOf(", to enable it");
            return Optional.of((hint < 0 ? why : why.substring(0, hint)).strip());
        }
        return Optional.empty();
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
