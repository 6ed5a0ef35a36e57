package dev.strat.polyglot;

import dev.strat.runtime.data.Frequency;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part every adapter shares: the function, its arguments as the guest sees them, its random
 * stream, and its membership of the run's {@link GuestRun}, joined when the run starts and left
 * when the adapter closes.
 */
final class GuestCall implements AutoCloseable {

    /**
     * Leaves the run of an adapter nobody closed (a feature or reward used outside an agent), when
     * the adapter is collected. One daemon thread for the process; it holds only the runs to leave.
     */
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    private final FunctionSpec spec;
    private final GuestRuns runs;
    private final Object params;
    private final String label;
    private final String stream;
    private final int warmup;
    private GuestRun run;
    private GuestContext context;
    private org.graalvm.polyglot.Value fn;
    private boolean closed;
    private java.lang.ref.Cleaner.Cleanable cleanable;

    /**
     * @param stream the stable id of this use's random stream, e.g. {@code s.agent/feature/trend(window=20)}
     */
    GuestCall(FunctionSpec spec, GuestRuns runs, Arguments args, Frequency frequency, String stream) {
        this.spec = spec;
        this.runs = runs;
        Map<String, Object> values = new LinkedHashMap<>();
        int bars = 0;
        for (ParamSpec p : spec.params()) {
            if (!args.has(p.name())) continue;
            Object v = guestValue(p, args, frequency);
            if (p.type() instanceof ParamType.Bars) bars = Math.max(bars, (Integer) v);
            values.put(p.name(), v);
        }
        this.params = ProxyObject.fromMap(java.util.Collections.unmodifiableMap(values));
        this.label = spec.name() + args.render();
        this.stream = stream.replace("{label}", label);
        // a bars parameter is a window the function reads back, so the longest one is its warm-up
        this.warmup = bars + 1;
    }

    private static Object guestValue(ParamSpec p, Arguments args, Frequency frequency) {
        if (p.type() instanceof ParamType.Bars) return args.bars(p.name(), frequency, 1);
        Value v = args.get(p.name());
        return switch (v) {
            case Value.Num n -> n.integral() && !n.percent() ? (Object) (int) n.value() : (Object) n.value();
            case Value.Bool b -> b.value();
            case Value.Str s -> s.text();
            case Value.Word w -> w.name();
            default -> v.render();
        };
    }

    FunctionSpec spec() { return spec; }

    String label() { return label; }

    int warmup() { return warmup; }

    String stream() { return stream; }

    /**
     * Joins the run of {@code runSeed} (once per run: later starts of the same run only restart the
     * stream) and restarts this function's random stream from the run's seed and its stream id.
     */
    void start(long runSeed) {
        if (closed) throw new IllegalStateException(spec.describe() + " was closed with its run");
        if (run == null || run.seed() != runSeed) {
            leave();
            GuestRun joined = runs.join(runSeed);
            run = joined;
            // the action must not refer to this adapter, or the adapter could never become unreachable
            cleanable = CLEANER.register(this, joined::leave);
            context = joined.context(spec.language());
            fn = context.function(spec);
        }
        context.startStream(stream, streamSeed(runSeed, stream));
    }

    /**
     * The seed of stream {@code id} in the run of {@code runSeed}: the derivation of
     * {@code RunSetup.random(id)}, so that adding a function never changes another one's draws.
     */
    static long streamSeed(long runSeed, String id) {
        long h = runSeed * 0x9E3779B97F4A7C15L;
        for (int k = 0; k < id.length(); k++) h = (h ^ id.charAt(k)) * 0x100000001B3L;
        return new java.util.SplittableRandom(h).nextLong();
    }

    org.graalvm.polyglot.Value call(String when, Object first) {
        // used outside a run (a feature written by hand): the run of seed 0
        if (run == null) start(0);
        synchronized (run) {
            return context.call(spec, when, stream, fn, first, params);
        }
    }

    GuestException invalid(String when, String problem) {
        return new GuestException(spec, when, problem, java.util.Optional.empty(), List.of());
    }

    private void leave() {
        if (cleanable != null) cleanable.clean();
        cleanable = null;
        run = null;
        context = null;
        fn = null;
    }

    @Override
    public void close() {
        leave();
        closed = true;
    }
}
