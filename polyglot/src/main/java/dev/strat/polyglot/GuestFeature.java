package dev.strat.polyglot;

import dev.strat.runtime.data.History;
import dev.strat.runtime.rl.portfolio.AccountState;
import dev.strat.runtime.rl.portfolio.Feature;
import dev.strat.runtime.rl.portfolio.RunScoped;

import java.util.Optional;

/**
 * A user feature: one number per asset in an agent's observation. The agent starts it with the
 * run's seed ({@link #startRun}) and closes it with itself.
 */
public final class GuestFeature implements Feature, RunScoped {

    private final GuestCall call;
    private final Views.DecisionView view = new Views.DecisionView();
    private double[] values = new double[0];

    GuestFeature(GuestCall call) {
        this.call = call;
    }

    @Override public String label() { return call.label(); }

    @Override public int warmup() { return call.warmup(); }

    @Override public int width(int assets) { return assets; }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        if (values.length != history.assets()) values = new double[history.assets()];
        String when = Views.date(history);
        org.graalvm.polyglot.Value result = call.call(when, view.at(history, -1, account.weights(), account.weights(), account.wealth()));
        Optional<String> problem = WeightCheck.numbers(result, values);
        if (problem.isPresent()) throw call.invalid(when, problem.get());
        for (int k = 0; k < values.length; k++) out[offset + k] = (float) values[k];
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
