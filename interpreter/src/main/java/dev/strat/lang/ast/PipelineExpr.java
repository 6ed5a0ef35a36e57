package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

import java.util.List;

/** Stages joined by {@code |}, left to right. */
public record PipelineExpr(List<StageExpr> stages, Span span) implements Node {
    public PipelineExpr {
        stages = List.copyOf(stages);
    }
}
