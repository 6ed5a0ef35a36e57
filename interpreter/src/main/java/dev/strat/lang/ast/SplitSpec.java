package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

import java.util.List;

/** How data divides into train, validation and test periods. */
public sealed interface SplitSpec extends Node {

    /** A reference to a {@code split} declaration. */
    record Named(Ident name, Span span) implements SplitSpec { }

    /** {@code train 2015..2017, valid 2018, test 2019}: each part a role and a date range. */
    record Fixed(List<Part> parts, Span span) implements SplitSpec {
        public Fixed { parts = List.copyOf(parts); }
    }

    /** {@code rolling(train=2y, test=1mo, from=..., to=...)}: walk-forward windows. */
    record Rolling(Expr.Call call, Span span) implements SplitSpec { }

    /** One part: {@code role} is train, valid or test; {@code period} a range or a year. */
    record Part(Ident role, Expr period, Span span) implements Node { }
}
