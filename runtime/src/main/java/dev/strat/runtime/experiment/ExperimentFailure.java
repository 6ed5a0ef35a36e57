package dev.strat.runtime.experiment;

/** A strategy failed during one run of an experiment; the message names the strategy and seed. */
public final class ExperimentFailure extends RuntimeException {

    private final String strategy;
    private final long seed;

    public ExperimentFailure(String strategy, long seed, RuntimeException cause) {
        this(strategy, seed, "", cause);
    }

    /** A failure in walk-forward window {@code window} (the message names it); a negative window names none. */
    public ExperimentFailure(String strategy, long seed, int window, RuntimeException cause) {
        this(strategy, seed, window < 0 ? "" : " in walk-forward window " + window, cause);
    }

    private ExperimentFailure(String strategy, long seed, String where, RuntimeException cause) {
        super("strategy '" + strategy + "' failed with seed " + seed + where + ": " + cause.getMessage(), cause);
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
