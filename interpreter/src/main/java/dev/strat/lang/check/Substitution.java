package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.PipelineExpr;
import dev.strat.lang.ast.StageExpr;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Replaces bare names by values: a comprehension's variable by one of its values
 * ({@code [olmar(window=w) for w in [3, 5]]} gives {@code olmar(window=3)} and {@code olmar(window=5)}),
 * a strategy's parameters by the values of a use site ({@code ripo(m=0.4)}), a sweep's variables
 * by each combination of their values. All names of one replacement are replaced at once, so a
 * value that mentions another parameter's name is not replaced again. Callees, argument names and
 * kind keywords are never replaced, only names standing as values (and stage targets). The value
 * keeps its own span, so an error about it points at the value where it was written.
 */
final class Substitution {

    private Substitution() {
    }

    static Expr replace(Expr e, String variable, Expr value) {
        return replace(e, Map.of(variable, value));
    }

    static Expr replace(Expr e, Map<String, Expr> values) {
        if (values.isEmpty()) return e;
        return switch (e) {
            case null -> null;
            case Expr.Name n -> values.getOrDefault(n.ident().name(), n);
            case Expr.Call c -> new Expr.Call(c.callee(), c.args().stream()
                    .map(a -> new Expr.Arg(a.name(), replace(a.value(), values), a.span())).toList(), c.span());
            case Expr.ListOf l -> new Expr.ListOf(l.items().stream().map(i -> replace(i, values)).toList(), l.span());
            case Expr.Range r -> new Expr.Range(replace(r.from(), values), replace(r.to(), values), r.span());
            case Expr.Unary u -> new Expr.Unary(u.op(), replace(u.operand(), values), u.span());
            case Expr.Binary b -> new Expr.Binary(replace(b.left(), values), b.op(), replace(b.right(), values), b.span());
            case Expr.Clauses c -> new Expr.Clauses(replace(c.target(), values), clauses(c.clauses(), values), c.span());
            case Expr.Member m -> new Expr.Member(replace(m.target(), values), m.member(), m.span());
            // an inner comprehension binding the same name hides the outer one in its body (not in its values)
            case Expr.Comprehension c -> new Expr.Comprehension(replace(c.body(), without(values, c.variable().name())), c.variable(),
                    c.values().stream().map(v -> replace(v, values)).toList(), c.span());
            default -> e;
        };
    }

    /** The pipeline with the names replaced in every stage's target, clauses and block. */
    static PipelineExpr replace(PipelineExpr p, Map<String, Expr> values) {
        if (values.isEmpty()) return p;
        return new PipelineExpr(p.stages().stream().map(s -> new StageExpr(s.kind(), replace(s.target(), values),
                clauses(s.clauses(), values), s.block().stream().map(b -> new StageExpr.BlockPart(b.role(),
                replace(b.value(), values), clauses(b.clauses(), values), b.span())).toList(), s.span())).toList(), p.span());
    }

    /** The bare names a pipeline mentions where {@link #replace(PipelineExpr, Map)} would replace them, in order. */
    static Set<String> names(PipelineExpr p) {
        Set<String> out = new LinkedHashSet<>();
        for (StageExpr s : p.stages()) {
            names(s.target(), out);
            s.clauses().forEach(c -> names(c.value(), out));
            for (StageExpr.BlockPart b : s.block()) {
                names(b.value(), out);
                b.clauses().forEach(c -> names(c.value(), out));
            }
        }
        return out;
    }

    private static void names(Expr e, Set<String> out) {
        switch (e) {
            case null -> { }
            case Expr.Name n -> out.add(n.ident().name());
            case Expr.Call c -> c.args().forEach(a -> names(a.value(), out));
            case Expr.ListOf l -> l.items().forEach(i -> names(i, out));
            case Expr.Range r -> {
                names(r.from(), out);
                names(r.to(), out);
            }
            case Expr.Unary u -> names(u.operand(), out);
            case Expr.Binary b -> {
                names(b.left(), out);
                names(b.right(), out);
            }
            case Expr.Clauses c -> {
                names(c.target(), out);
                c.clauses().forEach(k -> names(k.value(), out));
            }
            case Expr.Member m -> names(m.target(), out);
            case Expr.Comprehension c -> {
                Set<String> body = new LinkedHashSet<>();
                names(c.body(), body);
                body.remove(c.variable().name());
                out.addAll(body);
                c.values().forEach(v -> names(v, out));
            }
            default -> { }
        }
    }

    private static List<StageExpr.Clause> clauses(List<StageExpr.Clause> clauses, Map<String, Expr> values) {
        return clauses.stream().map(k -> new StageExpr.Clause(k.keyword(), replace(k.value(), values), k.span())).toList();
    }

    private static Map<String, Expr> without(Map<String, Expr> values, String name) {
        if (!values.containsKey(name)) return values;
        Map<String, Expr> out = new HashMap<>(values);
        out.remove(name);
        return out;
    }
}
