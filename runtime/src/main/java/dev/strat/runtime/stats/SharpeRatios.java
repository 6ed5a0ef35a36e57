package dev.strat.runtime.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The probabilistic and deflated Sharpe ratios of Bailey and Lopez de Prado ("The Sharpe ratio
 * efficient frontier", 2012; "The deflated Sharpe ratio", 2014), on per-period (not annualised)
 * Sharpe ratios.
 *
 * <p>PSR is the probability that the true Sharpe ratio exceeds a benchmark, given the observed one,
 * the number of observations and the returns' skewness and kurtosis (fat tails and negative skew
 * widen the estimate's error). DSR is PSR against the Sharpe ratio the best of N unskilled trials
 * would be expected to show, so it discounts for the number of strategies tried.
 */
public final class SharpeRatios {

    /** The Euler-Mascheroni constant, in the expected maximum of N normals. */
    static final double EULER_GAMMA = 0.5772156649015329;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private SharpeRatios() {
    }

    /** Per-period Sharpe ratio {@code mean / sample std}; NaN with fewer than 2 returns or none varying. */
    public static double sharpe(double[] r) {
        if (r.length < 2) return Double.NaN;
        double m = mean(r), ss = 0;
        for (double x : r) ss += (x - m) * (x - m);
        double sd = Math.sqrt(ss / (r.length - 1));
        return sd > 0 ? m / sd : Double.NaN;
    }

    /** Sample skewness {@code m3 / m2^1.5} with population moments, as the papers use. */
    public static double skewness(double[] r) {
        double m = mean(r), m2 = 0, m3 = 0;
        for (double x : r) {
            double d = x - m;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= r.length;
        m3 /= r.length;
        return m3 / Math.pow(m2, 1.5);
    }

    /** Sample kurtosis {@code m4 / m2^2} (3 for a normal; not the excess). */
    public static double kurtosis(double[] r) {
        double m = mean(r), m2 = 0, m4 = 0;
        for (double x : r) {
            double d = x - m;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= r.length;
        m4 /= r.length;
        return m4 / (m2 * m2);
    }

    /**
     * PSR: {@code Phi((SR - SR*) sqrt(n - 1) / sqrt(1 - skew SR + (kurt - 1) / 4 SR^2))}.
     *
     * @param sharpe    the observed per-period Sharpe ratio
     * @param benchmark the per-period Sharpe ratio to beat
     * @param n         the number of returns
     * @param skew      their skewness
     * @param kurt      their kurtosis (3 for normal returns)
     * @return a probability in [0, 1]; NaN when an input is undefined or n < 2
     */
    public static double psr(double sharpe, double benchmark, int n, double skew, double kurt) {
        if (n < 2 || Double.isNaN(sharpe) || Double.isNaN(benchmark) || Double.isNaN(skew) || Double.isNaN(kurt)) return Double.NaN;
        double var = 1 - skew * sharpe + (kurt - 1) / 4 * sharpe * sharpe;
        // an extreme skew can push the variance term below zero: the estimate is then unusable
        if (!(var > 0)) return Double.NaN;
        return NORMAL.cumulativeProbability((sharpe - benchmark) * Math.sqrt(n - 1) / Math.sqrt(var));
    }

    /** PSR of a return series against a per-period benchmark Sharpe ratio. */
    public static double psr(double[] returns, double benchmark) {
        return psr(sharpe(returns), benchmark, returns.length, skewness(returns), kurtosis(returns));
    }

    /**
     * The expected maximum per-period Sharpe ratio of {@code trials} unskilled strategies whose
     * Sharpe ratios vary with {@code variance}: {@code sqrt(V) ((1 - g) Z(1 - 1/N) + g Z(1 - 1/(N e)))},
     * g the Euler-Mascheroni constant and Z the normal quantile. 0 for a single trial.
     */
    public static double expectedMaxSharpe(int trials, double variance) {
        if (trials < 1) throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        if (trials == 1) return 0;
        if (!(variance >= 0)) return Double.NaN;
        return Math.sqrt(variance) * ((1 - EULER_GAMMA) * NORMAL.inverseCumulativeProbability(1 - 1.0 / trials)
                + EULER_GAMMA * NORMAL.inverseCumulativeProbability(1 - 1.0 / (trials * Math.E)));
    }

    /**
     * DSR: the PSR of {@code returns} against {@link #expectedMaxSharpe} of {@code trials} strategies
     * whose per-period Sharpe ratios have variance {@code sharpeVariance}.
     */
    public static double dsr(double[] returns, int trials, double sharpeVariance) {
        return psr(returns, expectedMaxSharpe(trials, sharpeVariance));
    }

    /** Sample variance (n - 1) of the trials' Sharpe ratios, NaN entries left out; 0 for fewer than 2. */
    public static double variance(double[] sharpes) {
        int n = 0;
        double s = 0;
        for (double x : sharpes) if (!Double.isNaN(x)) { n++; s += x; }
        if (n < 2) return 0;
        double m = s / n, ss = 0;
        for (double x : sharpes) if (!Double.isNaN(x)) ss += (x - m) * (x - m);
        return ss / (n - 1);
    }

    static double mean(double[] r) {
        double s = 0;
        for (double x : r) s += x;
        return s / r.length;
    }
}
