package dev.strat.polyglot;

import dev.strat.runtime.data.History;
import dev.strat.runtime.rl.portfolio.FeatureIndicator;
import dev.strat.runtime.rl.portfolio.RunScoped;

import java.util.Optional;

/**
 * A user indicator: one value per asset at each decision, computed from the history view (so
 * from bars up to the decision bar only), written by {@code ta(indicators=[...])} beside the
 * built-in indicators. Its warm-up is its longest {@code bars} parameter plus one.
 */
public final class GuestIndicator implements FeatureIndicator.Computed, RunScoped {

    private final GuestCall call;
    private final Views.DecisionView view = new Views.DecisionView();
    private static final double[] NONE = new double[0];

    GuestIndicator(GuestCall call) {
        this.call = call;
    }

    @Override public String label() { return call.label(); }

    @Override public int outputs() { return 1; }

    @Override public int warmup() { return call.warmup(); }

    @Override
    public void compute(History history, double[] out) {
        String when = Views.date(history);
        org.graalvm.polyglot.Value result = call.call(when, view.at(history, -1, NONE, NONE, Double.NaN));
        Optional<String> problem = WeightCheck.numbers(result, out);
        if (problem.isPresent()) throw call.invalid(when, problem.get());
    }

    @Override
    public void startRun(long seed) {
        call.start(seed);
    }

    @Override
    public void close() {
        call.close();
    }
}
