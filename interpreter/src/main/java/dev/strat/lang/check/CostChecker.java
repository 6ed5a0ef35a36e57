package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.Setting;
import dev.strat.lang.diag.Span;
import dev.strat.lang.plan.CostPlan;

import java.util.List;
import java.util.Optional;

/**
 * Checks trading costs and capital: {@code fee} a fraction in [0, 10%], {@code slippage} a range
 * {@code lo..hi} with 0 <= lo <= hi <= 10% (or one number), capital a positive amount.
 */
final class CostChecker {

    static final List<String> COST_KEYS = List.of("fee", "slippage");
    static final double MAX_COST = 0.10;

    private final Reporter r;

    CostChecker(Reporter r) {
        this.r = r;
    }

    /** Applies one {@code fee} or {@code slippage} setting to {@code costs}; empty when it is wrong. */
    Optional<CostPlan> apply(CostPlan costs, Setting s) {
        String key = s.key().name();
        if (s.values().size() != 1) {
            r.error(s.span(), "'" + key + "' takes one value, got " + s.values().size());
            return Optional.empty();
        }
        Expr v = s.values().get(0);
        switch (key) {
            case "fee" -> {
                return fraction(v, "fee").map(fee -> new CostPlan(fee, costs.slippageLow(), costs.slippageHigh()));
            }
            case "slippage" -> {
                if (v instanceof Expr.Range range) {
                    if (range.from() == null || range.to() == null) {
                        r.error(range.span(), "'slippage' needs both ends of its range, e.g. 0%..0.1%");
                        return Optional.empty();
                    }
                    Optional<Double> lo = fraction(range.from(), "slippage");
                    Optional<Double> hi = fraction(range.to(), "slippage");
                    if (lo.isEmpty() || hi.isEmpty()) return Optional.empty();
                    if (hi.get() < lo.get()) {
                        r.error(range.span(), "'slippage' range " + AstText.expr(range) + " ends below its start");
                        return Optional.empty();
                    }
                    return Optional.of(new CostPlan(costs.fee(), lo.get(), hi.get()));
                }
                return fraction(v, "slippage").map(x -> new CostPlan(costs.fee(), x, x));
            }
            default -> {
                r.unknownOrList(s.key().span(), "unknown cost '" + key + "'", key, COST_KEYS, "costs");
                return Optional.empty();
            }
        }
    }

    private Optional<Double> fraction(Expr e, String what) {
        Optional<Double> v = number(e, what);
        if (v.isEmpty()) return v;
        if (v.get() < 0 || v.get() > MAX_COST) {
            r.error(e.span(), "'" + what + "' must be in [0%, 10%], got " + AstText.expr(e));
            return Optional.empty();
        }
        return v;
    }

    /** A plain or negated number literal. */
    Optional<Double> number(Expr e, String what) {
        if (e instanceof Expr.Number n) return Optional.of(n.value());
        if (e instanceof Expr.Unary u && u.op().equals("-") && u.operand() instanceof Expr.Number n) return Optional.of(-n.value());
        r.error(e.span(), "'" + what + "' expects a number, not " + AstText.describe(e) + " '" + AstText.expr(e) + "'");
        return Optional.empty();
    }

    Optional<Double> capital(Expr e, Span at) {
        Optional<Double> v = number(e, "capital");
        if (v.isEmpty()) return v;
        if (e instanceof Expr.Number n && n.percent()) {
            r.error(e.span(), "'capital' is an amount of money, not a percentage");
            return Optional.empty();
        }
        if (!(v.get() > 0) || Double.isInfinite(v.get())) {
            r.error(e.span(), "'capital' must be positive, got " + AstText.expr(e));
            return Optional.empty();
        }
        return v;
    }
}
