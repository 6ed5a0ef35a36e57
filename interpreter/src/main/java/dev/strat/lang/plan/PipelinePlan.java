package dev.strat.lang.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Stages left to right, with strategies used as stages already inlined and {@code every} sugar
 * already expanded, so every node is a built-in call with checked arguments.
 */
public record PipelinePlan(List<StageNode> stages) {

    public PipelinePlan {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) throw new IllegalArgumentException("a pipeline needs at least one stage");
    }

    /** Every node of the tree, depth first in source order (a stage before its members and children). */
    public List<StageNode> walk() {
        return stages.stream().flatMap(n -> n.walk().stream()).toList();
    }

    /** The pipeline as canonical text, e.g. {@code olmar(window=5) | constrain(max_weight=40%)}. */
    public String render() {
        return stages.stream().map(StageNode::render).collect(Collectors.joining(" | "));
    }
}
