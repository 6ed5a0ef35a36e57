package dev.strat.stdlib;

import java.util.List;
import java.util.Optional;

/**
 * A built-in name: what it is, its parameters, its documentation and how to build it. This
 * record is the single source the checker, {@code :help}, completion and the README read.
 *
 * @param name      the name users write
 * @param kind      where it may stand in a pipeline
 * @param params    its parameters, in the order positional arguments bind to them
 * @param summary   one line for listings
 * @param doc       a paragraph: the rule it follows, what it is good for
 * @param reference the paper or source whose rule it implements, or empty
 * @param example   a short usage example in .strat syntax
 * @param factory   builds the runtime stage
 */
public record Builtin(String name, StageKind kind, List<ParamSpec> params, String summary, String doc,
                      String reference, String example, StageFactory factory) {

    public Builtin {
        params = List.copyOf(params);
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The signature as shown in help, e.g. {@code olmar(window=5, eps=10)}. */
    public String signature() {
        return ParamSpec.signature(name, params);
    }
}
