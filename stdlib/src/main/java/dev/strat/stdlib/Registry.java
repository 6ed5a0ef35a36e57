package dev.strat.stdlib;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in names known to a program. {@link StandardLibrary#registry()} returns the standard
 * one; tests may build smaller ones. Immutable once built.
 */
public final class Registry {

    private final Map<String, Builtin> builtins;

    private Registry(Map<String, Builtin> builtins) {
        this.builtins = Collections.unmodifiableMap(builtins);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Builtin> find(String name) {
        return Optional.ofNullable(builtins.get(name));
    }

    /** All built-ins in registration order. */
    public Collection<Builtin> all() {
        return builtins.values();
    }

    public Collection<String> names() {
        return builtins.keySet();
    }

    /** The closest registered name to a misspelt one. */
    public Optional<String> suggest(String name) {
        return NameSuggester.closest(name, builtins.keySet());
    }

    /** Collects built-ins; a name may be registered only once. */
    public static final class Builder {
        private final Map<String, Builtin> builtins = new LinkedHashMap<>();

        public Builder add(Builtin builtin) {
            if (builtins.putIfAbsent(builtin.name(), builtin) != null) {
                throw new IllegalStateException("built-in '" + builtin.name() + "' registered twice");
            }
            return this;
        }

        public Registry build() {
            return new Registry(new LinkedHashMap<>(builtins));
        }
    }
}
