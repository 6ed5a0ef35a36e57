package dev.strat.runtime.compose;

import java.util.Arrays;

/**
 * The wealth of each member's shadow account after each step a composite has run, read by the
 * composite's policy. Point 0 is the starting capital; one point is added per executed step, so
 * at a decision the latest point is the wealth at the decision bar's close: nothing after the
 * decision bar is ever in the record.
 *
 * <p>Policies read it; only the composite that owns it writes it.
 */
public final class TrackRecord {

    private final int members;
    private double[][] wealth;
    private int points;

    TrackRecord(int members) {
        this.members = members;
        this.wealth = new double[members][0];
    }

    /** Starts a run: every member at {@code capital}, room for {@code periods} steps. */
    void start(double capital, int periods) {
        int capacity = Math.max(2, periods + 1);
        for (int k = 0; k < members; k++) {
            if (wealth[k].length < capacity) wealth[k] = new double[capacity];
            wealth[k][0] = capital;
        }
        points = 1;
    }

    /** Adds the wealth of member {@code k} after the step; call once per member, then {@link #advance()}. */
    void record(int k, double value) {
        if (points == wealth[k].length) wealth[k] = Arrays.copyOf(wealth[k], 2 * points);
        wealth[k][points] = value;
    }

    /** Closes the step whose wealth was {@linkplain #record recorded}. */
    void advance() {
        points++;
    }

    /** Number of members. */
    public int members() {
        return members;
    }

    /** Number of steps recorded so far (points minus the starting one). */
    public int periods() {
        return points - 1;
    }

    /**
     * Wealth of member {@code member} {@code lag} steps back: lag 0 is the latest point.
     *
     * @throws IndexOutOfBoundsException when {@code lag} is negative or beyond {@link #periods()}
     */
    public double wealth(int member, int lag) {
        if (lag < 0 || lag >= points) {
            throw new IndexOutOfBoundsException("lag " + lag + " outside 0.." + (points - 1) + " of the track record");
        }
        return wealth[member][points - 1 - lag];
    }

    /** Simple return of member {@code member} over the step {@code lag} steps back (lag 0 = the latest step). */
    public double periodReturn(int member, int lag) {
        return wealth(member, lag) / wealth(member, lag + 1) - 1;
    }
}
