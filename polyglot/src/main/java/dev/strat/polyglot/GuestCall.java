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
 * The part every adapter shares: the function, its arguments as the guest sees them, and the one
 * context of the run, opened on first use and closed with the adapter.
 */
final class GuestCall implements AutoCloseable {

    /**
     * Closes the context of an adapter nobody closed: agents do not close their features and
     * rewards (a reward is made afresh per environment), so their contexts are freed when the
     * adapter is collected. One daemon thread for the process; it holds only the contexts to close.
     */
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    private final FunctionSpec spec;
    private final Sandbox sandbox;
    private final Object params;
    private final String label;
    private final int warmup;
    private GuestContext context;
    private org.graalvm.polyglot.Value fn;
    private boolean closed;
    private java.lang.ref.Cleaner.Cleanable cleanable;

    GuestCall(FunctionSpec spec, Sandbox sandbox, Arguments args, Frequency frequency) {
        this.spec = spec;
        this.sandbox = sandbox;
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

    /** Opens the context on first use, else restarts its random stream: one context per run, reused across decisions. */
    void start(long seed) {
        if (closed) throw new IllegalStateException(spec.describe() + " was closed with its run");
        if (context == null) {
            context = GuestContext.open(spec, sandbox, List.of(spec.source()), seed);
            GuestContext opened = context;
            // the action must not refer to this adapter, or the adapter could never become unreachable
            cleanable = CLEANER.register(this, opened::close);
            fn = context.function(spec);
        } else {
            context.reseed(seed);
        }
    }

    org.graalvm.polyglot.Value call(String when, Object first) {
        // a feature has no start of its own: its first call opens the context, seeded from its name
        if (context == null) start(spec.name().hashCode());
        return context.call(spec, when, fn, first, params);
    }

    GuestException invalid(String when, String problem) {
        return new GuestException(spec, when, problem, java.util.Optional.empty(), List.of());
    }

    @Override
    public void close() {
        if (cleanable != null) cleanable.clean();
        cleanable = null;
        context = null;
        fn = null;
        closed = true;
    }
}
