package dev.strat.runtime.rl.train;

/** Which model a finished training hands back. */
public enum Keep {
    /** The agent as it was after the epoch with the best validation metric (restored at the end). */
    BEST,
    /** The agent as it is after the last epoch. */
    LAST
}
