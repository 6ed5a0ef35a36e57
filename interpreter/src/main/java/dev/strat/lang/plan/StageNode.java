package dev.strat.lang.plan;

import dev.strat.lang.diag.Span;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Value;

import java.util.Optional;

/**
 * One built-in stage of a pipeline with its checked arguments (defaults filled in).
 *
 * @param span  where the stage was written, for errors raised when the runtime stage is built
 * @param every the stage's {@code every} clause: consult it only every that many bars (a number
 *              of bars or a length), holding in between; empty for a stage asked every step
 */
public record StageNode(Builtin builtin, Arguments args, Span span, Optional<Value> every) {

    public StageNode(Builtin builtin, Arguments args, Span span) {
        this(builtin, args, span, Optional.empty());
    }

    /** The same stage, consulted on a schedule. */
    public StageNode withEvery(Value period) {
        return new StageNode(builtin, args, span, Optional.of(period));
    }

    public String render() {
        return builtin.name() + args.render() + every.map(v -> " every " + v.render()).orElse("");
    }
}
