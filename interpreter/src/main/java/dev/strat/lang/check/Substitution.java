package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;


/**
 * Replaces a comprehension's variable by one of its values:
 * {@code [olmar(window=w) for w in [3, 5]]} gives {@code olmar(window=3)} and {@code olmar(window=5)}.
 * The value keeps its own span, so an error about it points at the value in the list.
 */
final class Substitution {

    private Substitution() {
    }

    static Expr replace(Expr e, String variable, Expr value) {
        return switch (e) {
            case null -> null;
            case Expr.Name n -> n.ident().name().equals(variable) ? value : n;
            case Expr.Call c -> new Expr.Call(c.callee(), c.args().stream()
                    .map(a -> new Expr.Arg(a.name(), replace(a.value(), variable, value), a.span())).toList(), c.span());
            case Expr.ListOf l -> new Expr.ListOf(l.items().stream().map(i -> replace(i, variable, value)).toList(), l.span());
            case Expr.Range r -> new Expr.Range(replace(r.from(), variable, value), replace(r.to(), variable, value), r.span());
            case Expr.Unary u -> new Expr.Unary(u.op(), replace(u.operand(), variable, value), u.span());
            case Expr.Binary b -> new Expr.Binary(replace(b.left(), variable, value), b.op(), replace(b.right(), variable, value), b.span());
            case Expr.Clauses c -> new Expr.Clauses(replace(c.target(), variable, value), c.clauses().stream()
                    .map(k -> new dev.strat.lang.ast.StageExpr.Clause(k.keyword(), replace(k.value(), variable, value), k.span())).toList(),
                    c.span());
            case Expr.Member m -> new Expr.Member(replace(m.target(), variable, value), m.member(), m.span());
            // an inner comprehension binding the same name hides the outer one
            case Expr.Comprehension c -> c.variable().name().equals(variable) ? c
                    : new Expr.Comprehension(replace(c.body(), variable, value), c.variable(),
                    c.values().stream().map(v -> replace(v, variable, value)).toList(), c.span());
            default -> e;
        };
    }

}
