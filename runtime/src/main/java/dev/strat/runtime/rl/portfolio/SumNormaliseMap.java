package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.rl.ActionSpace;

/**
 * RiPO's map: the action in {@code [-1, 1]^(N+1)} is rescaled to {@code [0, 1]} by
 * {@code (a + 1) / 2} (clamped, so out-of-box actions cannot go short) and divided by its sum;
 * an all-zero rescaled action (every component at -1) means equal weights. Cash is the last
 * component.
 */
final class SumNormaliseMap implements ActionMap {

    @Override
    public String label() { return "sum_normalise"; }

    @Override
    public ActionSpace space(int assets) { return new ActionSpace.Continuous(assets + 1); }

    @Override
    public void toWeights(float[] action, double[] weights) {
        final int m = weights.length;
        double sum = 0;
        for (int j = 0; j < m; j++) {
            final double x = Math.max(0, Math.min(1, (action[j] + 1.0) * 0.5));
            weights[j] = x;
            sum += x;
        }
        if (!(sum > 0)) {
            if (Double.isNaN(sum)) throw new IllegalArgumentException("action holds NaN");
            java.util.Arrays.fill(weights, 1.0 / m);
            return;
        }
        final double inv = 1 / sum;
        for (int j = 0; j < m; j++) weights[j] *= inv;
    }
}
