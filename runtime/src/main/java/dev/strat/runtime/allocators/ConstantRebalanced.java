package dev.strat.runtime.allocators;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * Constant rebalanced portfolio (Cover 1991): trades back to the same target weights at every
 * decision. With uniform weights it is UCRP, the standard OLPS benchmark.
 */
public final class ConstantRebalanced implements Stage {

    private final String label;
    private final double[] target;

    /**
     * @param target N + 1 weights, cash last, non-negative and summing to 1; {@code null} means
     *               uniform 1/N over the assets of the run
     */
    public ConstantRebalanced(String label, double[] target) {
        this.label = label;
        if (target != null) {
            double sum = 0;
            for (double w : target) {
                if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("CRP weights must be finite and non-negative");
                sum += w;
            }
            if (Math.abs(sum - 1) > 1e-6) throw new IllegalArgumentException("CRP weights must sum to 1, got " + sum);
        }
        this.target = target == null ? null : target.clone();
    }

    /** Uniform CRP. */
    public static ConstantRebalanced uniform(String label) {
        return new ConstantRebalanced(label, null);
    }

    @Override public String label() { return label; }

    @Override
    public void reset(RunSetup setup) {
        if (target != null && target.length != setup.assets() + 1) {
            throw new IllegalArgumentException("CRP has " + (target.length - 1) + " asset weights but the run has " + setup.assets() + " assets");
        }
    }

    @Override
    public void propose(Decision decision, double[] out) {
        if (target == null) Weights.uniform(out);
        else System.arraycopy(target, 0, out, 0, out.length);
    }
}
