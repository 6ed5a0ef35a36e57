package dev.strat.stdlib;

import java.util.List;
import java.util.Optional;

/**
 * A built-in component name ({@code mlp}, {@code softmax}, {@code returns}, ...): its kind,
 * parameters and documentation. Like {@link Builtin} it is registered once in the
 * {@link Registry} and read by the checker, {@code :help}, completion and the README; the stage
 * that takes it as an argument turns it into a runtime object.
 */
public record Component(String name, ComponentKind kind, List<ParamSpec> params, String summary, String doc,
                        String reference, String example) {

    public Component {
        params = List.copyOf(params);
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The signature as shown in help, e.g. {@code mlp(sizes=[64, 64], activation=relu)}. */
    public String signature() {
        return ParamSpec.signature(name, params);
    }
}
