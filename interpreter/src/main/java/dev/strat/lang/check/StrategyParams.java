package dev.strat.lang.check;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Expr;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Span;
import dev.strat.stdlib.Registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of a strategy, {@code strategy ripo(m = 0.8, v = 0.005) = ...}: their checks at the
 * declaration, the binding of a use site {@code ripo(m=0.4)} by name, and where the problems of an
 * instance are shown.
 *
 * <p>A parameter replaces every bare use of its name in the pipeline (argument values, clause
 * values, stage targets), so a parameter named like something the pipeline also means by that
 * name (a built-in, a component such as the feature {@code wealth}, a declared strategy or pool)
 * would silently take its place: that is an error. Every parameter needs a default, so that the
 * bare name ({@code ripo}) still means one strategy; a parameter the pipeline never uses is a warning.
 */
final class StrategyParams {

    private StrategyParams() {
    }

    /** Reports the declaration's problems; false when one is an error. */
    static boolean check(Decl.Strategy decl, Registry registry, Namespace namespace, Reporter r) {
        boolean ok = true;
        String strategy = decl.name().name();
        Set<String> used = decl.pipeline() == null ? Set.of() : Substitution.names(decl.pipeline());
        Map<String, Span> seen = new HashMap<>();
        for (Decl.StrategyParam p : decl.params()) {
            String name = p.name().name();
            Span first = seen.putIfAbsent(name, p.name().span());
            if (first != null) {
                r.error(p.name().span(), "parameter '" + name + "' is given twice", "first given at " + first.location());
                ok = false;
                continue;
            }
            if (p.defaultValue() == null) {
                r.error(p.name().span(), "parameter '" + name + "' of strategy '" + strategy + "' needs a default",
                        "e.g. strategy " + strategy + "(" + name + " = 1) = ...; a use such as " + strategy + "(" + name
                                + "=2) overrides it, and a bare '" + strategy + "' means the defaults");
                ok = false;
                continue;
            }
            if (!used.contains(name)) {
                r.warning(p.name().span(), "parameter '" + name + "' of strategy '" + strategy + "' is not used in its pipeline");
                continue;
            }
            Optional<String> shadowed = shadowed(name, registry, namespace);
            if (shadowed.isPresent()) {
                r.error(p.name().span(), "parameter '" + name + "' hides " + shadowed.get() + " '" + name + "', which the pipeline uses",
                        "rename the parameter: in the pipeline every bare '" + name + "' would mean the parameter");
                ok = false;
            }
        }
        return ok;
    }

    /** What else the name means, with its article, if anything. */
    private static Optional<String> shadowed(String name, Registry registry, Namespace namespace) {
        if (registry.find(name).isPresent()) return Optional.of("the built-in");
        if (registry.findComponent(name).isPresent()) return Optional.of(registry.findComponent(name).get().kind().withArticle());
        // markets, splits and experiments are never values inside a pipeline, so a parameter such as 'm' may share a market's name
        return namespace.find(name).filter(e -> e.kind() == Namespace.Kind.STRATEGY || e.kind() == Namespace.Kind.MODELS)
                .map(e -> e.kind().word);
    }

    /** Each parameter with its default; parameters without one are left out (and reported by {@link #check}). */
    static Map<String, Expr> defaults(Decl.Strategy decl) {
        Map<String, Expr> out = new LinkedHashMap<>();
        for (Decl.StrategyParam p : decl.params()) {
            if (p.defaultValue() != null) out.putIfAbsent(p.name().name(), p.defaultValue());
        }
        return out;
    }

    /** The values of a use site by name, the defaults for the rest; empty when an argument is wrong (reported). */
    static Optional<Map<String, Expr>> bind(Decl.Strategy decl, Expr.Call use, Reporter r) {
        String strategy = decl.name().name();
        List<String> names = decl.params().stream().map(p -> p.name().name()).distinct().toList();
        Map<String, Expr> values = defaults(decl);
        Map<String, Span> given = new HashMap<>();
        boolean ok = true;
        for (int k = 0; k < use.args().size(); k++) {
            Expr.Arg a = use.args().get(k);
            if (a.name() == null) {
                String example = k < names.size() ? names.get(k) : names.get(0);
                r.error(a.value().span(), "strategy '" + strategy + "' takes its parameters by name, not by position",
                        "e.g. " + strategy + "(" + example + "=" + AstText.expr(a.value()) + "); parameters: " + String.join(", ", names));
                ok = false;
                continue;
            }
            String name = a.name().name();
            if (!names.contains(name)) {
                r.unknownOrList(a.name().span(), "strategy '" + strategy + "' has no parameter '" + name + "'", name, names, "parameters");
                ok = false;
                continue;
            }
            Span first = given.putIfAbsent(name, a.name().span());
            if (first != null) {
                r.error(a.name().span(), "parameter '" + name + "' is given twice", "first given at " + first.location());
                ok = false;
                continue;
            }
            values.put(name, a.value());
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    /**
     * The problems an instance's resolution found, placed for the reader: those located in a value
     * written at the use site stay; errors located in the declaration move to the use site, naming
     * the declaration's place; warnings there are the declaration's own and were reported with its defaults.
     */
    static List<Diagnostic> locate(List<Diagnostic> found, Expr.Call use, Decl.Strategy decl) {
        Set<Span> here = new HashSet<>();
        for (Expr.Arg a : use.args()) {
            here.add(a.span());
            spans(a.value(), here);
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : found) {
            if (here.contains(d.span())) {
                out.add(d);
            } else if (d.isError()) {
                String from = "in strategy '" + decl.name().name() + "' at " + d.span().location() + " with " + AstText.expr(use);
                out.add(new Diagnostic(d.severity(), use.span(), d.message(),
                        Optional.of(d.hint().map(h -> from + "; " + h).orElse(from))));
            }
        }
        return out;
    }

    private static void spans(Expr e, Set<Span> out) {
        if (e == null) return;
        out.add(e.span());
        switch (e) {
            case Expr.Call c -> c.args().forEach(a -> {
                out.add(a.span());
                if (a.name() != null) out.add(a.name().span());
                spans(a.value(), out);
            });
            case Expr.ListOf l -> l.items().forEach(i -> spans(i, out));
            case Expr.Range r -> {
                spans(r.from(), out);
                spans(r.to(), out);
            }
            case Expr.Unary u -> spans(u.operand(), out);
            case Expr.Binary b -> {
                spans(b.left(), out);
                spans(b.right(), out);
            }
            case Expr.Clauses c -> {
                spans(c.target(), out);
                c.clauses().forEach(k -> spans(k.value(), out));
            }
            case Expr.Member m -> spans(m.target(), out);
            case Expr.Comprehension c -> {
                spans(c.body(), out);
                c.values().forEach(v -> spans(v, out));
            }
            default -> { }
        }
    }
}
