package dev.strat.runtime.backtest;

import java.util.List;

/**
 * The per-period accounting of the portfolio environment, shared by the {@link Backtester} and
 * the reinforcement-learning environment so that a policy is charged and paid exactly the same
 * way whether it trains or is backtested. See {@link Backtester} for the model.
 */
public final class Accounting {

    private Accounting() {
    }

    /**
     * Books one period: the asset turnover from the drifted weights to {@code target} (returned),
     * the gross return ({@code out[0]}), the full turnover with cash ({@code out[1]}), and the
     * weights drifted by the period's prices, written back into {@code drifted}. A small method of
     * its own so that the JIT compiles the arithmetic the same way whatever the caller is.
     */
    public static double settle(double[] target, double[] drifted, double[] relatives, double cashRelative, int n,
                                double[] out) {
        double traded = 0;
        double gross = target[n] * cashRelative;
        for (int i = 0; i < n; i++) {
            final double w = target[i];
            traded += Math.abs(w - drifted[i]);
            gross += w * relatives[i];
        }
        out[0] = gross;
        out[1] = traded + Math.abs(target[n] - drifted[n]);
        final double inv = 1 / gross;
        for (int i = 0; i < n; i++) drifted[i] = target[i] * relatives[i] * inv;
        drifted[n] = target[n] * cashRelative * inv;
        return traded;
    }

    /**
     * Checks a proposal of {@code n + 1} weights in place: clips noise-level negatives (down to
     * {@link Backtester#NEGATIVE_TOLERANCE}) and renormalises noise-level sum drift (within
     * {@link Backtester#SUM_TOLERANCE}). Returns {@code null} when the proposal is (now) valid,
     * otherwise what is wrong with it, for the caller's error message.
     *
     * @param symbols the asset names, to name the offending column
     */
    public static String tidy(double[] w, int n, List<String> symbols) {
        double sum = 0;
        boolean clipped = false;
        for (int j = 0; j <= n; j++) {
            final double x = w[j];
            if (!(x >= -Backtester.NEGATIVE_TOLERANCE) || x == Double.POSITIVE_INFINITY) {
                return "weight " + x + " for " + (j == n ? "cash" : symbols.get(j))
                        + "; weights must be finite and non-negative (long-only)";
            }
            if (x < 0) {
                w[j] = 0;
                clipped = true;
            } else {
                sum += x;
            }
        }
        if (!(Math.abs(sum - 1) <= Backtester.SUM_TOLERANCE)) {
            return "weights summing to " + sum + "; a proposal must sum to 1 (cash included)";
        }
        if (sum != 1.0 || clipped) {
            final double inv = 1 / sum;
            for (int j = 0; j <= n; j++) w[j] *= inv;
        }
        return null;
    }
}
