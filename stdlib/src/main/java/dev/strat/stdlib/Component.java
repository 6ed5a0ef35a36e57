package dev.strat.stdlib;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A built-in component name ({@code mlp}, {@code softmax}, {@code returns}, ...): its parameters,
 * documentation and factory. Like {@link Builtin} it is registered once in the {@link Registry}
 * and read by the checker, {@code :help}, completion and the README; the stage that takes it as
 * an argument builds it through a {@link ComponentBinder}. Its kind is the kind of what its
 * factory builds, so the two cannot disagree.
 *
 * @param factory builds the runtime object; its {@link ComponentType} fixes the component's kind
 */
public record Component(String name, List<ParamSpec> params, String summary, String doc, String reference,
                        String example, ComponentFactory<?> factory) {

    public Component {
        Objects.requireNonNull(name, "name");
        params = List.copyOf(params);
        Objects.requireNonNull(factory, () -> "component '" + name + "' needs a factory");
    }

    /** What the component is: the kind of the type its factory builds. */
    public ComponentKind kind() {
        return factory.type().kind();
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The signature as shown in help, e.g. {@code mlp(sizes=[64, 64], activation=relu)}. */
    public String signature() {
        return ParamSpec.signature(name, params);
    }

    /**
     * Builds the component as {@code type} from checked arguments.
     *
     * @throws BuildException when the component is of another kind, or its factory refuses the arguments
     */
    public <T> T create(ComponentType<T> type, Arguments args, BuildContext context) {
        if (factory.type() != type) throw new BuildException("'" + name + "' is not " + type.kind().withArticle());
        // safe: the types are the same instance, and a ComponentFactory<X> pairs ComponentType<X> with a Build<X>
        @SuppressWarnings("unchecked")
        ComponentFactory<T> typed = (ComponentFactory<T>) factory;
        return typed.create(args, context);
    }
}
