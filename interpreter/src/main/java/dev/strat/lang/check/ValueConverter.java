package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.runtime.data.TimeLength;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts a literal expression to the {@link Value} a built-in receives: numbers keep their
 * percent and integral flags, a unary minus on a number is folded, lengths become
 * {@link TimeLength}s, bare names become words. Anything that is not a literal is an error.
 */
final class ValueConverter {

    private ValueConverter() {
    }

    /**
     * @param what how to name the value in an error, e.g. {@code argument 'window'}
     */
    static Optional<Value> convert(Expr e, String what, Reporter r) {
        switch (e) {
            case Expr.Number n -> {
                if (!Double.isFinite(n.value())) {
                    r.error(n.span(), "number " + n.text() + " is too large");
                    return Optional.empty();
                }
                return Optional.of(new Value.Num(n.value(), n.percent(), n.integral()));
            }
            case Expr.Unary u when u.operand() instanceof Expr.Number n && (u.op().equals("-") || u.op().equals("+")) -> {
                double v = u.op().equals("-") ? -n.value() : n.value();
                if (!Double.isFinite(v)) {
                    r.error(u.span(), "number " + n.text() + " is too large");
                    return Optional.empty();
                }
                return Optional.of(new Value.Num(v, n.percent(), n.integral()));
            }
            case Expr.Length l -> {
                return length(l, r).map(Value.Length::new);
            }
            case Expr.Date d -> {
                return Optional.of(new Value.Date(d.date()));
            }
            case Expr.Str s -> {
                return Optional.of(new Value.Str(s.value()));
            }
            case Expr.Bool b -> {
                return Optional.of(new Value.Bool(b.value()));
            }
            case Expr.Name n -> {
                return Optional.of(new Value.Word(n.ident().name()));
            }
            case Expr.ListOf l -> {
                List<Value> items = new ArrayList<>();
                boolean ok = true;
                for (Expr item : l.items()) {
                    Optional<Value> v = convert(item, what, r);
                    if (v.isPresent()) items.add(v.get());
                    else ok = false;
                }
                return ok ? Optional.of(new Value.ListOf(items)) : Optional.empty();
            }
            default -> {
                r.error(e.span(), what + " must be a literal value (a number, length, date, string, name or list), not "
                        + AstText.describe(e) + " '" + AstText.expr(e) + "'");
                return Optional.empty();
            }
        }
    }

    static Optional<TimeLength> length(Expr.Length l, Reporter r) {
        TimeLength.Unit unit;
        try {
            unit = TimeLength.Unit.ofSymbol(l.unit());
        } catch (IllegalArgumentException e) {
            r.error(l.span(), "unknown time unit '" + l.unit() + "'", "units: h, d, w, mo, y");
            return Optional.empty();
        }
        if (l.amount() <= 0) {
            r.error(l.span(), "a time length must be positive, got " + l.amount() + l.unit());
            return Optional.empty();
        }
        return Optional.of(new TimeLength(l.amount(), unit));
    }
}
