package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

import java.util.List;

/** A keyword followed by values: {@code fee 0.25%}, {@code seeds 10}, {@code metrics ar, mdd}. */
public record Setting(Ident key, List<Expr> values, Span span) implements Node {
    public Setting {
        values = List.copyOf(values);
    }
}
