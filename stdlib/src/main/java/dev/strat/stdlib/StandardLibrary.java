package dev.strat.stdlib;

/**
 * The one place where every built-in of the language is registered.
 */
public final class StandardLibrary {

    private static final Registry REGISTRY = build();

    private StandardLibrary() {
    }

    public static Registry registry() {
        return REGISTRY;
    }

    private static Registry build() {
        Registry.Builder b = Registry.builder();
        // Registrations are added by the allocator and transform modules below.
        return b.build();
    }
}
