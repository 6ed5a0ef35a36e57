package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.rl.ActionSpace;

import java.util.Arrays;

/**
 * The Euclidean projection of the action onto the probability simplex (Duchi, Shalev-Shwartz,
 * Singer and Chandra, 2008, Figure 1): {@code w = max(a - theta, 0)} with the {@code theta} that
 * makes the weights sum to 1. Sort-based, O(n log n); the sort buffer is reused.
 */
final class SimplexMap implements ActionMap {

    private double[] sorted = new double[0];

    @Override
    public String label() { return "simplex"; }

    @Override
    public ActionSpace space(int assets) { return new ActionSpace.Continuous(assets + 1); }

    @Override
    public void toWeights(float[] action, double[] weights) {
        final int m = weights.length;
        if (sorted.length != m) sorted = new double[m];
        for (int j = 0; j < m; j++) {
            if (Float.isNaN(action[j])) throw new IllegalArgumentException("action holds NaN");
            sorted[j] = action[j];
        }
        Arrays.sort(sorted);
        // Walk the values from the largest down: rho is the last count k with u_k - (sum_k - 1) / k > 0.
        double cumulative = 0;
        double theta = 0;
        for (int k = 1; k <= m; k++) {
            final double u = sorted[m - k];
            cumulative += u;
            final double candidate = (cumulative - 1) / k;
            if (u - candidate > 0) theta = candidate;
        }
        for (int j = 0; j < m; j++) weights[j] = Math.max(action[j] - theta, 0);
    }
}
