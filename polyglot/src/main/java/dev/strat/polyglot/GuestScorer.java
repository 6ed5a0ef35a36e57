package dev.strat.polyglot;

import dev.strat.runtime.compose.Scorer;
import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.RunSetup;

import java.util.Optional;

/** A user scorer: one finite score per asset, higher is better. */
public final class GuestScorer implements Scorer, AutoCloseable {

    private final GuestCall call;
    private final Views.DecisionView view = new Views.DecisionView();

    GuestScorer(GuestCall call) {
        this.call = call;
    }

    @Override public String label() { return call.label(); }

    @Override public int warmup() { return call.warmup(); }

    @Override
    public void reset(RunSetup setup, String owner) {
        call.start(setup.seed());
    }

    @Override
    public void score(History history, double[] scores) {
        String when = Views.date(history);
        double[] none = new double[0];
        org.graalvm.polyglot.Value result = call.call(when, view.at(history, -1, none, none, Double.NaN));
        Optional<String> problem = WeightCheck.numbers(result, scores);
        if (problem.isPresent()) throw call.invalid(when, problem.get());
    }

    @Override
    public void close() {
        call.close();
    }
}
