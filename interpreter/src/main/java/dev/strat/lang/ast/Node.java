package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

/** Every AST node knows where it came from. AST nodes are immutable records. */
public interface Node {
    Span span();
}
