package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.pipeline.Outcome;

/** The step rewards the language offers; both are functions of the executed step's net return. */
public final class Rewards {

    private Rewards() {
    }

    /** {@code log(1 + net return)}: summed over an episode, the log growth of wealth. The default. */
    public static Reward logReturn() {
        return new Reward() {
            @Override
            public String label() { return "log_return"; }

            @Override
            public double reward(Outcome outcome) { return outcome.logReturn(); }
        };
    }

    /** {@code scale * net return}; RiPO's {@code 100 * kappa * r_t} is {@code simpleReturn(100 * kappa)}. */
    public static Reward simpleReturn(double scale) {
        if (!Double.isFinite(scale)) throw new IllegalArgumentException("reward scale must be finite, got " + scale);
        return new Reward() {
            @Override
            public String label() { return "simple_return(scale=" + scale + ")"; }

            @Override
            public double reward(Outcome outcome) { return scale * outcome.netReturn(); }
        };
    }
}
