package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.lang.diag.Span;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.Value;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the arguments of a call to parameters: positional ones in order, named ones by name;
 * converts each value and checks its type and range. Reports every problem of the call, not
 * just the first.
 */
final class ArgumentBinder {

    private ArgumentBinder() {
    }

    static Optional<Map<String, Value>> bind(Builtin builtin, Span calleeSpan, List<Expr.Arg> args, Reporter r) {
        return bind(builtin, calleeSpan, args, null, r);
    }

    /** Binds a built-in's arguments; with a registry, component-typed arguments may be component calls. */
    static Optional<Map<String, Value>> bind(Builtin builtin, Span calleeSpan, List<Expr.Arg> args, Registry registry, Reporter r) {
        return bind(builtin.name(), builtin.signature(), calleeSpan, args,
                builtin.params().stream().map(Param::of).toList(), registry, r);
    }

    static Optional<Map<String, Value>> bind(String callee, String signature, Span calleeSpan, List<Expr.Arg> args,
                                             List<Param> params, Reporter r) {
        return bind(callee, signature, calleeSpan, args, params, null, r);
    }

    /** The parameter names the arguments bind to, in the order written (for canonical rendering). */
    static List<String> written(List<Expr.Arg> args, List<Param> params) {
        List<String> names = new java.util.ArrayList<>();
        int position = 0;
        for (Expr.Arg a : args) {
            if (a.name() != null) names.add(a.name().name());
            else if (position < params.size()) names.add(params.get(position++).name());
        }
        return names;
    }

    /**
     * @param signature shown in hints, e.g. {@code olmar(window=5, eps=10)}
     * @return the bound values with defaults filled in, or empty when anything was wrong
     */
    static Optional<Map<String, Value>> bind(String callee, String signature, Span calleeSpan, List<Expr.Arg> args,
                                             List<Param> params, Registry registry, Reporter r) {
        Map<String, Value> given = new LinkedHashMap<>();
        Map<String, Span> seen = new HashMap<>();
        boolean ok = true;
        boolean sawNamed = false;
        int position = 0;
        for (Expr.Arg arg : args) {
            Param p;
            if (arg.name() == null) {
                if (sawNamed) {
                    r.error(arg.span(), "positional argument after named arguments in '" + callee + "'",
                            "write it as name=value; signature: " + signature);
                    ok = false;
                    continue;
                }
                if (position >= params.size()) {
                    r.error(arg.span(), params.isEmpty() ? "'" + callee + "' takes no arguments"
                            : "too many arguments: '" + callee + "' takes at most " + params.size()
                            + (params.size() == 1 ? " argument" : " arguments"), "signature: " + signature);
                    ok = false;
                    position++;
                    continue;
                }
                p = params.get(position++);
            } else {
                sawNamed = true;
                String name = arg.name().name();
                p = params.stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
                if (p == null) {
                    List<String> names = params.stream().map(Param::name).toList();
                    String hint = Reporter.suggest(name, names).orElse(names.isEmpty()
                            ? "'" + callee + "' takes no arguments" : "parameters: " + String.join(", ", names));
                    r.error(arg.name().span(), "'" + callee + "' has no parameter '" + name + "'", hint);
                    ok = false;
                    continue;
                }
            }
            Span first = seen.putIfAbsent(p.name(), arg.span());
            if (first != null) {
                r.error(arg.span(), "argument '" + p.name() + "' of '" + callee + "' is given twice",
                        "first given at " + first.location());
                ok = false;
                continue;
            }
            Optional<Value> v = registry != null && ComponentResolver.isComponent(p.type())
                    ? new ComponentResolver(registry, r).convert(arg.value(), p.type(), "argument '" + p.name() + "'")
                    : ValueConverter.convert(arg.value(), "argument '" + p.name() + "'", r);
            if (v.isEmpty()) {
                ok = false;
                continue;
            }
            Optional<String> problem = p.check().apply(v.get());
            if (problem.isPresent()) {
                r.error(arg.value().span(), problem.get());
                ok = false;
                continue;
            }
            given.put(p.name(), v.get());
        }
        for (Param p : params) {
            if (p.required() && !seen.containsKey(p.name())) {
                r.error(calleeSpan, "'" + callee + "' needs argument '" + p.name() + "'", "signature: " + signature);
                ok = false;
            }
        }
        if (!ok) return Optional.empty();
        Map<String, Value> all = new LinkedHashMap<>();
        for (Param p : params) {
            Value v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
            if (v != null) all.put(p.name(), v);
        }
        return Optional.of(all);
    }

    /** The span of the value of the argument bound to {@code name}, or {@code fallback}. */
    static Span valueSpan(List<Expr.Arg> args, List<Param> params, String name, Span fallback) {
        int position = 0;
        for (Expr.Arg a : args) {
            String bound = a.name() != null ? a.name().name()
                    : position < params.size() ? params.get(position).name() : null;
            if (a.name() == null) position++;
            if (name.equals(bound)) return a.value().span();
        }
        return fallback;
    }
}
