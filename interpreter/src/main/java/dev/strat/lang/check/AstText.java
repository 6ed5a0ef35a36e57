package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.PipelineExpr;
import dev.strat.lang.ast.StageExpr;

import java.util.stream.Collectors;

/** Renders expressions and pipelines back to compact source text, for messages and entry names. */
final class AstText {

    private AstText() {
    }

    static String expr(Expr e) {
        if (e == null) return "";
        return switch (e) {
            case Expr.Number n -> n.text() != null && !n.text().isEmpty() ? n.text() : Double.toString(n.value());
            case Expr.Length l -> l.amount() + l.unit();
            case Expr.Date d -> d.precision() == Expr.Date.Precision.MONTH
                    ? d.date().toString().substring(0, 7) : d.date().toString();
            case Expr.Str s -> '"' + s.value() + '"';
            case Expr.Bool b -> Boolean.toString(b.value());
            case Expr.Name n -> n.ident().name();
            case Expr.Member m -> expr(m.target()) + "." + m.member().name();
            case Expr.ListOf l -> l.items().stream().map(AstText::expr).collect(Collectors.joining(", ", "[", "]"));
            case Expr.Range r -> expr(r.from()) + ".." + expr(r.to());
            case Expr.Call c -> c.callee().name() + c.args().stream()
                    .map(a -> (a.name() == null ? "" : a.name().name() + "=") + expr(a.value()))
                    .collect(Collectors.joining(", ", "(", ")"));
            case Expr.Unary u -> u.op() + expr(u.operand());
            case Expr.Binary b -> expr(b.left()) + " " + b.op() + " " + expr(b.right());
            case Expr.Clauses c -> expr(c.target()) + c.clauses().stream()
                    .map(k -> " " + k.keyword().name() + " " + expr(k.value())).collect(Collectors.joining());
            case Expr.Comprehension c -> "[" + expr(c.body()) + " for " + c.variable().name() + " in "
                    + c.values().stream().map(AstText::expr).collect(Collectors.joining(", ")) + "]";
        };
    }

    static String stage(StageExpr s) {
        StringBuilder b = new StringBuilder();
        if (s.kind() != null) b.append(s.kind().name()).append(' ');
        b.append(expr(s.target()));
        for (StageExpr.Clause c : s.clauses()) b.append(' ').append(c.keyword().name()).append(' ').append(expr(c.value()));
        if (!s.block().isEmpty()) b.append(" { ... }");
        return b.toString();
    }

    static String pipeline(PipelineExpr p) {
        return p.stages().stream().map(AstText::stage).collect(Collectors.joining(" | "));
    }

    /** A short description of what kind of expression this is, for "expected X, got Y" messages. */
    static String describe(Expr e) {
        return switch (e) {
            case Expr.Number n -> "a number";
            case Expr.Length l -> "a time length";
            case Expr.Date d -> "a date";
            case Expr.Str s -> "a string";
            case Expr.Bool b -> "a boolean";
            case Expr.Name n -> "a name";
            case Expr.Member m -> "a qualified name";
            case Expr.ListOf l -> "a list";
            case Expr.Range r -> "a range";
            case Expr.Call c -> "a call";
            case Expr.Unary u -> "an expression";
            case Expr.Binary b -> "an expression";
            case Expr.Clauses c -> "a stage with clauses";
            case Expr.Comprehension c -> "a list comprehension";
        };
    }
}
