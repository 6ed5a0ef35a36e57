package dev.strat.runtime.risk.barrier;

/**
 * The portfolio's most recent one-period net returns, oldest overwritten first: what the risk
 * adapters (ARS, DCM) read to judge how the strategy has been doing. A ring buffer on a primitive
 * array; one per run.
 */
public final class RecentReturns {

    private final double[] ring;
    private int count;
    private int next;

    /** @param capacity the longest window any reader asks for (at least 1) */
    public RecentReturns(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        ring = new double[capacity];
    }

    /** Records the newest return. */
    public void add(double r) {
        ring[next] = r;
        next = (next + 1) % ring.length;
        if (count < ring.length) count++;
    }

    /** Returns recorded so far, at most the capacity. */
    public int size() { return count; }

    /** The mean of the last {@code window} returns; the caller checks {@code size() >= window}. */
    public double meanOfLast(int window) {
        if (window < 1 || window > count) throw new IllegalArgumentException("window " + window + " but " + count + " returns recorded");
        double s = 0;
        for (int k = 1; k <= window; k++) s += ring[Math.floorMod(next - k, ring.length)];
        return s / window;
    }

    /** Forgets everything, for a new run. */
    public void clear() {
        count = 0;
        next = 0;
    }
}
