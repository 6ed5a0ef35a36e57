package dev.strat.polyglot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user functions of one program and the runs under way with them. A function joins the run of
 * its seed on the calling thread when its run starts (a stage's reset, an agent's start of a run);
 * every function of that run then shares one {@link GuestRun}. Runs of other seeds, and runs on
 * other threads (parallel runs of an experiment), get runs of their own.
 */
final class GuestRuns {

    /** A run: its seed and the thread it runs on (an experiment runs each run on one thread at a time). */
    record Key(long seed, Thread thread) {
    }

    private final List<FunctionSpec> functions;
    private final Sandbox sandbox;
    private final Map<Key, GuestRun> live = new HashMap<>();

    GuestRuns(List<FunctionSpec> functions, Sandbox sandbox) {
        this.functions = List.copyOf(functions);
        this.sandbox = sandbox;
    }

    List<FunctionSpec> functions() {
        return functions;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    /** Joins (opening it if needed) the run of {@code seed} on this thread; leave it with {@link GuestRun#leave()}. */
    synchronized GuestRun join(long seed) {
        GuestRun run = live.computeIfAbsent(new Key(seed, Thread.currentThread()), k -> new GuestRun(this, k));
        run.enter();
        return run;
    }

    /** Called by a run whose last function left. */
    void forget(Key key, GuestRun run) {
        live.remove(key, run);
    }

    /** Runs open now: for tests. */
    synchronized int open() {
        return live.size();
    }
}
