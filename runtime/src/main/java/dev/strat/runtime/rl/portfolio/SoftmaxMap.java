package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.rl.ActionSpace;

/**
 * {@code w = softmax(scale * a)} over the N + 1 components (cash last): the benchmark's map. The
 * scale sets how concentrated a portfolio an action in {@code [-1, 1]} can reach: the largest
 * ratio between two weights is {@code exp(2 * scale)}.
 */
final class SoftmaxMap implements ActionMap {

    private final double scale;

    SoftmaxMap(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("softmax scale must be positive, got " + scale);
        this.scale = scale;
    }

    @Override
    public String label() { return "softmax(scale=" + scale + ")"; }

    @Override
    public ActionSpace space(int assets) { return new ActionSpace.Continuous(assets + 1); }

    @Override
    public void toWeights(float[] action, double[] weights) {
        softmax(action, 0, weights, 0, weights.length, scale, 1.0);
    }

    /**
     * Writes {@code factor * softmax(scale * a[from .. from + length))} to {@code out[at ..]},
     * subtracting the maximum first so that no exponential overflows.
     */
    static void softmax(float[] a, int from, double[] out, int at, int length, double scale, double factor) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < length; j++) max = Math.max(max, scale * a[from + j]);
        if (Double.isNaN(max)) throw new IllegalArgumentException("action holds NaN");
        double sum = 0;
        for (int j = 0; j < length; j++) {
            final double e = Math.exp(scale * a[from + j] - max);
            out[at + j] = e;
            sum += e;
        }
        final double inv = factor / sum;
        for (int j = 0; j < length; j++) out[at + j] *= inv;
    }
}
