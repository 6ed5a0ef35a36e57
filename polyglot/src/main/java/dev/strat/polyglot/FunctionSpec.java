package dev.strat.polyglot;

import dev.strat.stdlib.ParamSpec;

import java.util.List;
import java.util.Objects;

/**
 * A user function as the program declares it.
 *
 * @param name       the name the program calls it by, also the guest function's name
 * @param role       what it does
 * @param params     its parameters, checked like a built-in's
 * @param source     the guest code that defines it
 * @param declaredAt {@code file:line:col} of its declaration, for errors at run time
 * @param doc        one line for {@code :help} and the reference (the declaration's comment, or a default)
 */
public record FunctionSpec(String name, Role role, List<ParamSpec> params, GuestSource source, String declaredAt, String doc) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        params = List.copyOf(params);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(declaredAt, "declaredAt");
        Objects.requireNonNull(doc, "doc");
    }

    public GuestLanguage language() {
        return source.language();
    }

    /** How messages name it: {@code js function 'mom' (declared at x.strat:3:1)}. */
    String describe() {
        return language().id() + " " + role.keyword() + " '" + name + "' (declared at " + declaredAt + ")";
    }
}
