package dev.strat.polyglot;

import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.rl.portfolio.Reward;
import dev.strat.runtime.rl.portfolio.RunScoped;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.Map;

/**
 * A user reward: {@code f(outcome, params)} with {@code outcome.netReturn}, {@code grossReturn},
 * {@code cost}, {@code wealth}, {@code logReturn}, {@code step}, {@code initialWealth} and the
 * read-only arrays {@code executed} and {@code relatives}. Its random stream is the run's (the
 * agent starts it with the run's seed), running on across episodes.
 */
public final class GuestReward implements Reward, RunScoped {

    private final GuestCall call;
    private final Views.ReadOnly executed = new Views.ReadOnly("outcome.executed");
    private final Views.ReadOnly relatives = new Views.ReadOnly("outcome.relatives");
    private double initialWealth = 1;

    GuestReward(GuestCall call) {
        this.call = call;
    }

    @Override public String label() { return call.label(); }

    @Override
    public void reset(double initialWealth) {
        this.initialWealth = initialWealth;
    }

    @Override
    public void startRun(long seed) {
        call.start(seed);
    }

    @Override
    public double reward(Outcome o) {
        String when = "step " + o.step();
        ProxyObject view = ProxyObject.fromMap(Map.of("step", o.step(), "netReturn", o.netReturn(), "grossReturn", o.grossReturn(),
                "cost", o.cost(), "wealth", o.wealth(), "logReturn", o.logReturn(), "initialWealth", initialWealth,
                "executed", executed.over(o.executed()), "relatives", relatives.over(o.relatives())));
        org.graalvm.polyglot.Value r = call.call(when, view);
        if (r == null || !r.isNumber() || !r.fitsInDouble()) throw call.invalid(when, "returned " + r + ", expected a number");
        double v = r.asDouble();
        if (!Double.isFinite(v)) throw call.invalid(when, "returned " + v);
        return v;
    }

    @Override
    public void close() {
        call.close();
    }
}
