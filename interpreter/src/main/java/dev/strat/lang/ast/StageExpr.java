package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

import java.util.List;

/**
 * One stage: an optional kind keyword ({@code agent}, {@code risk}, {@code adapt}, {@code model},
 * {@code select}, {@code switch}, {@code blend}, {@code hierarchy}), a target (a call such as
 * {@code olmar(window=5)}, a bare name such as {@code crp} or a strategy name, or a qualified
 * name such as {@code hrl.hla}), clauses ({@code every 5d}, {@code over hc}, {@code by ...},
 * {@code train a2c}, {@code on ...}) and an optional block of named parts.
 *
 * @param kind    the keyword, or null when omitted
 * @param target  an {@link Expr.Call}, {@link Expr.Name} or {@link Expr.Member}
 * @param block   parts inside {@code { }}, empty when there is no block
 */
public record StageExpr(Ident kind, Expr target, List<Clause> clauses, List<BlockPart> block, Span span) implements Node {
    public StageExpr {
        clauses = List.copyOf(clauses);
        block = List.copyOf(block);
    }

    /** {@code every 5d}, {@code over hc + [hold]}, {@code by hla(...)}, {@code train a2c}, {@code on price(window=20)}. */
    public record Clause(Ident keyword, Expr value, Span span) implements Node { }

    /** {@code inter mlp(256, 128) on volatility(window=20)} inside a stage block. */
    public record BlockPart(Ident role, Expr value, List<Clause> clauses, Span span) implements Node {
        public BlockPart { clauses = List.copyOf(clauses); }
    }
}
