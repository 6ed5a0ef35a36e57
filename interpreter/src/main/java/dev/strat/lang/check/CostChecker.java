package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.Setting;
import dev.strat.lang.diag.Span;
import dev.strat.lang.plan.CostPlan;

import java.util.List;
import java.util.Optional;

/**
 * Checks trading costs and capital: {@code fee} a fraction in [0, 10%], {@code slippage} a range
 * {@code lo..hi} with 0 <= lo <= hi <= 10% (or one number), capital a positive amount. RiPO's
 * flat model is written {@code flat 0.1%, perturb 0.1%} (each in [0, 10%]; one alone leaves the
 * other at 0); giving {@code flat} or {@code perturb} with {@code fee} or {@code slippage} is an
 * error at the setting that mixes the models.
 */
final class CostChecker {

    static final List<String> COST_KEYS = List.of("fee", "slippage", "flat", "perturb");
    private static final List<String> FLAT_KEYS = List.of("flat", "perturb");
    static final double MAX_COST = 0.10;

    private final Reporter r;

    CostChecker(Reporter r) {
        this.r = r;
    }

    /** Applies one {@code fee}, {@code slippage}, {@code flat} or {@code perturb} setting to {@code costs}; empty when it is wrong. */
    Optional<CostPlan> apply(CostPlan costs, Setting s) {
        String key = s.key().name();
        if (s.values().size() != 1) {
            r.error(s.span(), "'" + key + "' takes one value, got " + s.values().size());
            return Optional.empty();
        }
        Expr v = s.values().get(0);
        boolean flatKey = FLAT_KEYS.contains(key);
        // NONE is proportional with zero rates: a flat setting may start from it, not from a written fee or slippage
        boolean proportionalWritten = costs.kind() == CostPlan.Kind.PROPORTIONAL && !costs.equals(CostPlan.NONE);
        if (flatKey && proportionalWritten || !flatKey && COST_KEYS.contains(key) && costs.kind() == CostPlan.Kind.FLAT) {
            r.error(s.key().span(), "'" + key + "' cannot be mixed with " + (flatKey ? "'fee' and 'slippage'" : "'flat' and 'perturb'")
                    + " in one cost model",
                    "write either 'costs fee 0.25%, slippage 0%..0.1%' (proportional to traded value) or "
                            + "'costs flat 0.1%, perturb 0.1%' (RiPO's flat cost every step and perturbed closes)");
            return Optional.empty();
        }
        switch (key) {
            case "flat" -> {
                return fraction(v, "flat").map(x -> CostPlan.flat(x, costs.perturb()));
            }
            case "perturb" -> {
                return fraction(v, "perturb").map(x -> CostPlan.flat(costs.flat(), x));
            }
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
