package dev.strat.polyglot;

import org.graalvm.polyglot.Engine;

import java.util.Set;

/** What the polyglot runtime of this build offers; asked once, since the answer cannot change while running. */
final class Engines {

    private Engines() {
    }

    /**
     * One engine per language for every context of the process. Contexts on one engine share its
     * parsed and compiled code, so the second run of a function neither parses nor compiles it
     * again (a run opens a fresh context). The engine is a cache: no result depends on it, and
     * contexts on it share no guest state. Made on first use, so a JavaScript-only program never
     * starts Python.
     */
    private static final java.util.concurrent.ConcurrentMap<GuestLanguage, Engine> ENGINES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The engine of {@code language}'s contexts. */
    static Engine shared(GuestLanguage language) {
        return ENGINES.computeIfAbsent(language, l -> Engine.newBuilder(l.id())
                .sandbox(org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
                .out(java.io.OutputStream.nullOutputStream())
                .err(java.io.OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build());
    }

    private static final class Holder {
        // a constant of the class path, not mutable state: computed once, on first use
        static final Info INFO = probe();
    }

    record Info(Set<String> languages, String implementation) {
    }

    private static Info probe() {
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            return new Info(Set.copyOf(engine.getLanguages().keySet()), engine.getImplementationName());
        }
    }

    static Set<String> installed() {
        return Holder.INFO.languages();
    }

    /**
     * {@code Interpreted} when Truffle runs without its optimizing compiler (a stock JDK with the
     * jars on the class path), otherwise the compiler's name, e.g. {@code GraalVM CE}.
     */
    static String implementation() {
        return Holder.INFO.implementation();
    }
}
