package dev.strat.polyglot;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The guest side of one run: at most one context per language, holding every user function of
 * the program in that language, shared by all of the run's stages, features, rewards, scorers and
 * indicators, reused for every decision and closed when the last of them leaves (the run's stage
 * tree is closed). Functions of one run therefore share one global namespace and its module
 * state; functions of another run never see it.
 *
 * <p>Calls are serialised on the run, so a context is never entered by two threads at once.
 */
final class GuestRun {

    private final GuestRuns owner;
    private final GuestRuns.Key key;
    private final Map<GuestLanguage, GuestContext> contexts = new EnumMap<>(GuestLanguage.class);
    private int members;
    private boolean closed;

    GuestRun(GuestRuns owner, GuestRuns.Key key) {
        this.owner = owner;
        this.key = key;
    }

    long seed() {
        return key.seed();
    }

    /** Counts one more function using this run; called under the owner's lock. */
    void enter() {
        members++;
    }

    /** The context of {@code language}, opened with every function of the program in it on first use. */
    synchronized GuestContext context(GuestLanguage language) {
        if (closed) throw new IllegalStateException("the run's guest contexts are closed");
        GuestContext c = contexts.get(language);
        if (c == null) {
            List<FunctionSpec> functions = new ArrayList<>();
            for (FunctionSpec f : owner.functions()) if (f.language() == language) functions.add(f);
            c = GuestContext.open(functions, owner.sandbox());
            contexts.put(language, c);
        }
        return c;
    }

    /** One function is done with the run; the last one closes the contexts. */
    void leave() {
        boolean last;
        synchronized (owner) {
            last = --members == 0;
            if (last) owner.forget(key, this);
        }
        if (last) close();
    }

    private synchronized void close() {
        closed = true;
        for (GuestContext c : contexts.values()) c.close();
        contexts.clear();
    }
}
