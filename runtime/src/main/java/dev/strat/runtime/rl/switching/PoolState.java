package dev.strat.runtime.rl.switching;

import dev.strat.runtime.rl.ObservationLayout;

/**
 * The state of a learned switch or blend at a decision, written the same way in training and in
 * the test: for every member, the log growth of its shadow account over each of the last
 * {@code lookback} steps (member-major, most recent first; zero for steps before the record
 * starts), then the composite's previous decision: the one-hot choice of a switch or the member
 * weights of a blend (all zero before the first decision).
 */
public final class PoolState {

    /** The wealth of member {@code member} {@code lag} steps back (lag 0: now). */
    @FunctionalInterface
    public interface Wealth {
        double at(int member, int lag);
    }

    private final int members;
    private final int lookback;

    public PoolState(int members, int lookback) {
        if (members < 1) throw new IllegalArgumentException("a pool needs at least one member");
        if (lookback < 1) throw new IllegalArgumentException("lookback must be at least 1 step, got " + lookback);
        this.members = members;
        this.lookback = lookback;
    }

    public int members() { return members; }

    public int lookback() { return lookback; }

    /** Values in one state. */
    public int size() { return members * (lookback + 1); }

    public ObservationLayout layout() { return ObservationLayout.flat(size()); }

    /**
     * Writes the state.
     *
     * @param periods  steps in the members' record so far
     * @param wealth   the members' shadow wealth
     * @param previous the previous decision's member weights (one-hot for a switch), zeros before the first
     */
    public void write(int periods, Wealth wealth, double[] previous, float[] out) {
        int known = Math.min(lookback, periods);
        for (int k = 0; k < members; k++) {
            int at = k * lookback;
            for (int j = 0; j < known; j++) out[at + j] = (float) Math.log(wealth.at(k, j) / wealth.at(k, j + 1));
            for (int j = known; j < lookback; j++) out[at + j] = 0f;
        }
        int at = members * lookback;
        for (int k = 0; k < members; k++) out[at + k] = (float) previous[k];
    }
}
