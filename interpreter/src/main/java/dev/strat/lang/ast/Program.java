package dev.strat.lang.ast;

import dev.strat.lang.diag.Source;

import java.util.List;

/**
 * One parsed file: its declarations in order, and its comments (kept so that {@code strat fmt}
 * can put them back).
 */
public record Program(Source source, List<Decl> decls, List<Comment> comments) {
    public Program {
        decls = List.copyOf(decls);
        comments = List.copyOf(comments);
    }
}
