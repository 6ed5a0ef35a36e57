package dev.strat.lang.plan;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.stdlib.Arguments;
import dev.strat.runtime.pipeline.Scheduled;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a checked {@link PipelinePlan} into a runtime {@link Pipeline} for one market. This is
 * where facts that depend on the market are checked: windows written as time lengths are
 * converted to bars of the market's calendar and range-checked, and each built-in's factory may
 * reject arguments that do not fit the universe (e.g. {@code crp} weights of the wrong length).
 * Such failures come back as diagnostics at the stage's span, never as exceptions.
 */
public final class PipelineBuilder {

    private PipelineBuilder() {
    }

    /** Either the pipeline or the errors that prevented building it. */
    public record Result(Optional<Pipeline> pipeline, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return pipeline.isPresent();
        }
    }

    public static Result build(StrategyPlan strategy, MarketInfo market) {
        return build(strategy.name(), strategy.pipeline(), market);
    }

    public static Result build(String name, PipelinePlan plan, MarketInfo market) {
        List<Diagnostic> errors = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        for (StageNode node : plan.stages()) {
            Optional<String> lengthError = checkLengths(node.args(), node, market);
            if (lengthError.isPresent()) {
                errors.add(Diagnostic.error(node.span(), lengthError.get()));
                continue;
            }
            try {
                Stage stage = node.builtin().factory().create(node.args(), dev.strat.stdlib.BuildContext.leaf(market, name + "." + node.builtin().name()));
                if (stage == null) {
                    errors.add(Diagnostic.error(node.span(), "'" + node.builtin().name() + "' could not be built"));
                } else if (node.every().isPresent()) {
                    Value period = node.every().get();
                    int bars = period instanceof Value.Length l ? l.length().bars(market.frequency()) : (int) ((Value.Num) period).value();
                    stages.add(new Scheduled(stage, Math.max(1, bars), period.render()));
                } else {
                    stages.add(stage);
                }
            } catch (BuildException e) {
                errors.add(Diagnostic.error(node.span(), e.getMessage()));
            } catch (RuntimeException e) {
                String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
                errors.add(Diagnostic.error(node.span(), "cannot build '" + node.builtin().name() + "' for market with "
                        + market.assets() + " assets: " + why));
            }
        }
        if (!errors.isEmpty()) return new Result(Optional.empty(), errors);
        return new Result(Optional.of(new Pipeline(name, stages)), List.of());
    }

    /**
     * Lengths given for bar-count parameters are range-checked only now, once the market's
     * calendar says how many bars they span.
     */
    private static Optional<String> checkLengths(Arguments args, StageNode node, MarketInfo market) {
        for (ParamSpec p : node.builtin().params()) {
            if (!(p.type() instanceof ParamType.Bars) || !args.has(p.name())) continue;
            if (!(args.get(p.name()) instanceof Value.Length l)) continue;
            int bars;
            try {
                bars = l.length().bars(market.frequency());
            } catch (IllegalArgumentException e) {
                return Optional.of("'" + p.name() + "' of '" + node.builtin().name() + "': " + e.getMessage());
            }
            Optional<String> range = p.check(new Value.Num(bars, false, true));
            if (range.isPresent()) {
                return Optional.of(range.get() + " (" + l.render() + " is " + bars + (bars == 1 ? " bar" : " bars") + " of "
                        + market.frequency().label() + ")");
            }
        }
        return Optional.empty();
    }
}
