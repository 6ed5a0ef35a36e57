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
    private final Map<String, Component> components;

    private Registry(Map<String, Builtin> builtins, Map<String, Component> components) {
        this.builtins = Collections.unmodifiableMap(builtins);
        this.components = Collections.unmodifiableMap(components);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts with everything {@code base} holds: a program layers its own names
     * (user functions) over the standard library this way, and a clash is refused like any other.
     */
    public static Builder builder(Registry base) {
        Builder b = new Builder();
        base.builtins.values().forEach(b::add);
        base.components.values().forEach(b::add);
        return b;
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

    public Optional<Component> findComponent(String name) {
        return Optional.ofNullable(components.get(name));
    }

    /** All components in registration order. */
    public Collection<Component> components() {
        return components.values();
    }

    /** Builds component values through this registry's components. */
    public ComponentBinder binder() {
        return new ComponentBinder(this::findComponent);
    }

    /** Names of the components of one kind, in registration order. */
    public java.util.List<String> componentNames(ComponentKind kind) {
        return components.values().stream().filter(c -> c.kind() == kind).map(Component::name).toList();
    }

    /** The closest registered name to a misspelt one. */
    public Optional<String> suggest(String name) {
        return NameSuggester.closest(name, builtins.keySet());
    }

    /**
     * Collects built-ins; a name may be registered only once, and nothing once the registry is
     * built (so that the {@link #binder()} handed out before sees exactly the built registry's
     * components).
     */
    public static final class Builder {
        private final Map<String, Builtin> builtins = new LinkedHashMap<>();
        private final Map<String, Component> components = new LinkedHashMap<>();
        private boolean built;

        public Builder add(Builtin builtin) {
            requireOpen();
            if (components.containsKey(builtin.name()) || builtins.putIfAbsent(builtin.name(), builtin) != null) {
                throw new IllegalStateException("built-in '" + builtin.name() + "' registered twice");
            }
            return this;
        }

        public Builder add(Component component) {
            requireOpen();
            if (builtins.containsKey(component.name()) || components.putIfAbsent(component.name(), component) != null) {
                throw new IllegalStateException("component '" + component.name() + "' registered twice");
            }
            return this;
        }

        /**
         * Builds component values through the components of the registry being built, including
         * those registered after this call: the factories of built-ins that take components
         * (agents, switch, blend, top) capture it while they are registered, before the registry exists.
         */
        public ComponentBinder binder() {
            return new ComponentBinder(name -> Optional.ofNullable(components.get(name)));
        }

        public Registry build() {
            built = true;
            return new Registry(new LinkedHashMap<>(builtins), new LinkedHashMap<>(components));
        }

        private void requireOpen() {
            if (built) throw new IllegalStateException("the registry is already built");
        }
    }
}
