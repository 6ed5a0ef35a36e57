package dev.strat.lang.fmt;

import dev.strat.lang.ast.Expr;

import java.util.StringJoiner;

/**
 * Prints an expression on one line in canonical spacing: {@code a + b}, {@code f(x, window=5)},
 * {@code [a, b]}, {@code 2015..2017}. Parentheses are added exactly where precedence needs them
 * (the AST does not keep the user's). Number literals keep their original text.
 */
final class ExprPrinter {

    private static final int COMPARISON = 1;
    private static final int RANGE = 2;
    private static final int ADDITIVE = 3;
    private static final int MULTIPLICATIVE = 4;
    private static final int UNARY = 5;
    private static final int ATOM = 6;

    private ExprPrinter() {
    }

    static String print(Expr e) {
        StringBuilder b = new StringBuilder();
        print(e, COMPARISON, b);
        return b.toString();
    }

    private static void print(Expr e, int min, StringBuilder b) {
        boolean parens = precedence(e) < min;
        if (parens) b.append('(');
        raw(e, b);
        if (parens) b.append(')');
    }

    private static int precedence(Expr e) {
        return switch (e) {
            case Expr.Binary bin -> switch (bin.op()) {
                case "+", "-" -> ADDITIVE;
                case "*", "/" -> MULTIPLICATIVE;
                default -> COMPARISON;
            };
            case Expr.Range r -> RANGE;
            case Expr.Unary u -> UNARY;
            case Expr.Number n -> numberText(n).startsWith("-") ? UNARY : ATOM;
            default -> ATOM;
        };
    }

    private static void raw(Expr e, StringBuilder b) {
        switch (e) {
            case Expr.Number n -> b.append(numberText(n));
            case Expr.Length l -> b.append(l.amount()).append(l.unit());
            case Expr.Date d -> b.append(d.precision() == Expr.Date.Precision.DAY
                    ? String.format("%04d-%02d-%02d", d.date().getYear(), d.date().getMonthValue(), d.date().getDayOfMonth())
                    : String.format("%04d-%02d", d.date().getYear(), d.date().getMonthValue()));
            case Expr.Str s -> b.append(quote(s.value()));
            case Expr.Bool v -> b.append(v.value());
            case Expr.Name n -> b.append(n.ident().name());
            case Expr.Member m -> {
                print(m.target(), ATOM, b);
                b.append('.').append(m.member().name());
            }
            case Expr.ListOf l -> {
                b.append('[');
                for (int k = 0; k < l.items().size(); k++) {
                    if (k > 0) b.append(", ");
                    print(l.items().get(k), COMPARISON, b);
                }
                b.append(']');
            }
            case Expr.Clauses c -> {
                print(c.target(), COMPARISON, b);
                for (var k : c.clauses()) {
                    b.append(' ').append(k.keyword().name()).append(' ');
                    print(k.value(), COMPARISON, b);
                }
            }
            case Expr.Comprehension c -> {
                b.append('[');
                print(c.body(), COMPARISON, b);
                b.append(" for ").append(c.variable().name()).append(" in ");
                for (int k = 0; k < c.values().size(); k++) {
                    if (k > 0) b.append(", ");
                    print(c.values().get(k), COMPARISON, b);
                }
                b.append(']');
            }
            case Expr.Range r -> {
                if (r.from() != null) print(r.from(), ADDITIVE, b);
                b.append("..");
                if (r.to() != null) print(r.to(), ADDITIVE, b);
            }
            case Expr.Call c -> b.append(call(c));
            case Expr.Unary u -> {
                b.append(u.op());
                print(u.operand(), UNARY, b);
            }
            case Expr.Binary bin -> {
                int p = precedence(bin);
                // left-associative: the right operand binds tighter; comparisons do not chain
                print(bin.left(), p == COMPARISON ? RANGE : p, b);
                b.append(' ').append(bin.op()).append(' ');
                print(bin.right(), p + 1, b);
            }
        }
    }

    static String call(Expr.Call c) {
        StringJoiner args = new StringJoiner(", ", c.callee().name() + "(", ")");
        for (Expr.Arg a : c.args()) {
            args.add(a.name() == null ? print(a.value()) : a.name().name() + "=" + print(a.value()));
        }
        return args.toString();
    }

    private static String numberText(Expr.Number n) {
        if (n.text() != null && !n.text().isEmpty()) return n.text();
        if (n.percent()) return stripZeros(n.value() * 100) + "%";
        return stripZeros(n.value());
    }

    private static String stripZeros(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    static String quote(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
