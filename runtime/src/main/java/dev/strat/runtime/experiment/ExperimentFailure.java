package dev.strat.runtime.experiment;

/** A strategy failed during one run of an experiment; the message names the strategy and seed. */
public final class ExperimentFailure extends RuntimeException {

    private final String strategy;
    private final long seed;

    public ExperimentFailure(String strategy, long seed, RuntimeException cause) {
        super("strategy '" + strategy + "' failed with seed " + seed + ": " + cause.getMessage(), cause);
        this.strategy = strategy;
        this.seed = seed;
    }

    public String strategy() {
        return strategy;
    }

    public long seed() {
        return seed;
    }
}
