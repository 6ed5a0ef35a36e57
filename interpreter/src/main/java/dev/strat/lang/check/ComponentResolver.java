package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.stdlib.Component;
import dev.strat.stdlib.StandardLibrary;
import dev.strat.stdlib.ComponentKind;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves component-typed arguments ({@code net=mlp(400, 300)}, {@code features=[returns(5),
 * weights]}): looks each name up among the registered components of the expected kind, binds
 * its own arguments with the same rules as a stage's, and yields {@link Value.Call}s.
 */
final class ComponentResolver {

    private final Registry registry;
    private final Reporter r;

    ComponentResolver(Registry registry, Reporter r) {
        this.registry = registry;
        this.r = r;
    }

    static boolean isComponent(ParamType type) {
        return type instanceof ParamType.ComponentOf || type instanceof ParamType.ComponentList;
    }

    Optional<Value> convert(Expr e, ParamType type, String what) {
        if (type instanceof ParamType.ComponentList list) {
            if (e instanceof Expr.ListOf l) {
                List<Value> items = new ArrayList<>();
                boolean ok = true;
                for (Expr item : l.items()) {
                    Optional<Value> v = one(item, list.kind(), what);
                    if (v.isPresent()) items.add(v.get());
                    else ok = false;
                }
                if (ok && items.isEmpty()) {
                    r.error(e.span(), what + " needs at least one " + list.kind().noun());
                    return Optional.empty();
                }
                return ok ? Optional.of(new Value.ListOf(items)) : Optional.empty();
            }
            // a single component stands for a list of one
            return one(e, list.kind(), what).map(v -> new Value.ListOf(List.of(v)));
        }
        ParamType.ComponentOf of = (ParamType.ComponentOf) type;
        if (of.autoAllowed() && e instanceof Expr.Name n && n.ident().name().equals("auto")) return Optional.of(new Value.Word("auto"));
        return one(e, of.kind(), what);
    }

    private Optional<Value> one(Expr e, ComponentKind kind, String what) {
        String name;
        List<Expr.Arg> args;
        dev.strat.lang.diag.Span span;
        switch (e) {
            case Expr.Call c -> {
                name = c.callee().name();
                args = c.args();
                span = c.callee().span();
            }
            case Expr.Name n -> {
                name = n.ident().name();
                args = List.of();
                span = n.span();
            }
            default -> {
                r.error(e.span(), what + " expects " + kind.withArticle() + " such as " + example(kind) + ", not "
                        + AstText.describe(e) + " '" + AstText.expr(e) + "'");
                return Optional.empty();
            }
        }
        Optional<Component> found = registry.findComponent(name);
        if (found.isEmpty()) {
            r.unknownOrList(span, "'" + name + "' is not a known " + kind.noun(), name, registry.componentNames(kind), kind.plural());
            return Optional.empty();
        }
        Component c = found.get();
        if (c.kind() != kind) {
            r.error(span, "'" + name + "' is " + c.kind().withArticle() + ", not " + kind.withArticle(),
                    kind.plural() + ": " + String.join(", ", registry.componentNames(kind)));
            return Optional.empty();
        }
        List<Param> params = c.params().stream().map(Param::of).toList();
        Optional<Map<String, Value>> bound = ArgumentBinder.bind(name, c.signature(), span, args, params, registry, r);
        // a component the standard library lacks is the program's own, and travels with the call to its builder
        Component program = StandardLibrary.registry().findComponent(name).isPresent() ? null : c;
        return bound.map(all -> new Value.Call(name, kind, all, ArgumentBinder.written(args, params), program));
    }

    private String example(ComponentKind kind) {
        return registry.components().stream().filter(c -> c.kind() == kind).findFirst()
                .map(c -> c.example().isBlank() ? c.name() : c.example()).orElse(kind.noun());
    }
}
