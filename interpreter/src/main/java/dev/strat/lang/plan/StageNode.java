package dev.strat.lang.plan;

import dev.strat.lang.diag.Span;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.Builtin;

/**
 * One built-in stage of a pipeline with its checked arguments (defaults filled in).
 *
 * @param span where the stage was written, for errors raised when the runtime stage is built
 */
public record StageNode(Builtin builtin, Arguments args, Span span) {

    public String render() {
        return builtin.name() + args.render();
    }
}
