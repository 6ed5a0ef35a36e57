package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

/** One source of a market; several are joined with {@code +}. */
public sealed interface MarketSource extends Node {

    /** {@code csv("file.csv.gz", freq=1h)}: a file in the long format. */
    record File(Expr.Call call, Span span) implements MarketSource { }

    /** {@code synthetic gbm(assets=5, days=1000, seed=7)}. */
    record Synthetic(Expr.Call call, Span span) implements MarketSource { }

    /** {@code cash}: an explicit cash asset (always present in weights; named for classes). */
    record Cash(Span span) implements MarketSource { }
}
