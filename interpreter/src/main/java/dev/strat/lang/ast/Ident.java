package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

/** A name as written, with its span (for "unknown name" errors). */
public record Ident(String name, Span span) implements Node {
}
