package dev.strat.runtime.transform;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * Replaces the incoming proposal by its Euclidean projection onto the weight set
 * {@code {w : min_weight <= w_i <= max_weight (assets), w_cash >= min_cash, sum w = 1}}: the
 * smallest change, in the least-squares sense, that makes the proposal respect position limits
 * and a cash floor. Cash has no upper bound beyond 1, so weight an asset may not hold flows to the
 * other assets and to cash in proportion to how far each is from its bounds.
 *
 * <p>The set is non-empty exactly when {@code min_weight <= max_weight} and
 * {@code N · min_weight + min_cash <= 1}; {@link #check} says why when it is not.
 */
public final class Constrain implements Stage {

    private final String label;
    private final double minWeight;
    private final double maxWeight;
    private final double minCash;
    private BoundedSimplex projection;

    public Constrain(String label, double maxWeight, double minWeight, double minCash) {
        this.label = label;
        this.minWeight = minWeight;
        this.maxWeight = maxWeight;
        this.minCash = minCash;
    }

    /**
     * Why the bounds admit no portfolio of {@code assets} assets, or null when they do. Callers
     * that know the universe before a run use it to reject a strategy with a clear message.
     */
    public static String check(int assets, double maxWeight, double minWeight, double minCash) {
        if (minWeight < 0 || minCash < 0 || maxWeight < 0) return "bounds must be non-negative";
        if (minWeight > maxWeight) {
            return "min_weight " + pct(minWeight) + " exceeds max_weight " + pct(maxWeight);
        }
        if (assets * minWeight + minCash > 1 + 1e-12) {
            return assets + " assets x min_weight " + pct(minWeight) + " + min_cash " + pct(minCash) + " = "
                    + pct(assets * minWeight + minCash) + " exceeds 100%";
        }
        return null;
    }

    private static String pct(double v) {
        // ten significant digits hide binary rounding such as 110.00000000000001
        return new java.math.BigDecimal(v * 100).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString() + "%";
    }

    @Override public String label() { return label; }

    @Override
    public void reset(RunSetup setup) {
        int n = setup.assets();
        String problem = check(n, maxWeight, minWeight, minCash);
        if (problem != null) throw new IllegalArgumentException("constrain: " + problem);
        double[] lo = new double[n + 1], hi = new double[n + 1];
        for (int i = 0; i < n; i++) {
            lo[i] = minWeight;
            hi[i] = Math.min(1.0, maxWeight);
        }
        lo[n] = minCash;
        hi[n] = 1.0;
        projection = new BoundedSimplex(lo, hi);
    }

    @Override
    public void propose(Decision decision, double[] out) {
        projection.project(decision.proposal(), out);
    }
}
