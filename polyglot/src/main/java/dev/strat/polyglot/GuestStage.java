package dev.strat.polyglot;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.util.Optional;

/**
 * A user allocator or transform as a pipeline stage. It joins its run's {@link GuestRun} at the
 * run's first {@link #reset} and leaves it at {@link #close()}, which the run calls when it ends.
 */
public final class GuestStage implements Stage, AutoCloseable {

    private final GuestCall call;
    private final Views.DecisionView view = new Views.DecisionView();

    GuestStage(GuestCall call) {
        this.call = call;
    }

    @Override public String label() { return call.label(); }

    @Override public int warmup() { return call.warmup(); }

    @Override
    public void reset(RunSetup setup) {
        call.start(setup.seed());
    }

    @Override
    public void propose(Decision d, double[] out) {
        String when = Views.date(d.history());
        org.graalvm.polyglot.Value result = call.call(when, view.at(d.history(), d.step(), d.proposal(), d.current(), d.wealth()));
        Optional<String> problem = WeightCheck.weights(result, out);
        if (problem.isPresent()) throw call.invalid(when, problem.get());
    }

    @Override
    public void close() {
        call.close();
    }
}
