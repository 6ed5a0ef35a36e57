package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

/**
 * A {@code # ...} comment. {@code trailing} when code precedes it on the same line.
 *
 * @param text the comment text including the leading {@code #}
 */
public record Comment(String text, boolean trailing, Span span) implements Node {
}
