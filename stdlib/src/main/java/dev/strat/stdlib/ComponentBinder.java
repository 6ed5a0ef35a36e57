package dev.strat.stdlib;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns checked component values ({@link Value.Call}) into the runtime objects they name, by
 * looking each one up among a registry's components and calling its factory: the one place a
 * component call meets its factory, so no stage switches on component names.
 */
public final class ComponentBinder {

    private final Function<String, Optional<Component>> components;

    ComponentBinder(Function<String, Optional<Component>> components) {
        this.components = Objects.requireNonNull(components, "components");
    }

    /**
     * Builds the component {@code value} calls as {@code type}, in the context of the stage that
     * takes it (its market, and for a policy the pool it chooses from).
     *
     * @throws BuildException when the value is not a call of a registered component of that type,
     *                        or its factory refuses the arguments
     */
    public <T> T build(ComponentType<T> type, Value value, BuildContext context) {
        if (!(value instanceof Value.Call call)) {
            throw new BuildException("expected " + type.kind().withArticle() + ", got " + value.typeName() + " '" + value.render() + "'");
        }
        Component component = Optional.ofNullable(call.program()).or(() -> components.apply(call.name()))
                .orElseThrow(() -> new BuildException("'" + call.name() + "' is not a known " + type.kind().noun()));
        return component.create(type, new Arguments(call.args()), context);
    }

    /** Builds every component of a list value, in order. */
    public <T> List<T> buildAll(ComponentType<T> type, Value list, BuildContext context) {
        if (!(list instanceof Value.ListOf items)) {
            throw new BuildException("expected a list of " + type.kind().noun() + "s, got " + list.typeName() + " '" + list.render() + "'");
        }
        List<T> out = new ArrayList<>();
        for (Value item : items.items()) out.add(build(type, item, context));
        return out;
    }
}
