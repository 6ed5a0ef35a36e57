package dev.strat.runtime.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.SplittableRandom;

/**
 * The Ledoit and Wolf (2008) test of the difference of two Sharpe ratios on paired return series
 * ("Robust performance hypothesis testing with the Sharpe ratio", J. Empirical Finance 15).
 *
 * <p>The difference {@code SR1 - SR2} is a smooth function of the four moments
 * {@code (mean1, mean2, E r1^2, E r2^2)}; its standard error comes by the delta method from their
 * long-run covariance. {@link #hac} estimates that covariance with a Parzen-kernel HAC estimator
 * and gives a normal p-value. {@link #bootstrap} is the test the paper recommends for small
 * samples and fat tails: a studentised circular block bootstrap, which resamples blocks of
 * paired periods (so the dependence between the two series and within each survives) and
 * compares the original t-statistic with the bootstrap's centred ones. Both are two-sided and
 * valid under serial correlation and heteroskedasticity, which the classic Jobson-Korkie test is not.
 *
 * <p>Sharpe ratios here are per period and computed on the returns as given: subtract a
 * risk-free rate first when wanted.
 */
public final class SharpeDifference {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * A HAC test's outcome.
     *
     * @param sharpe1        per-period Sharpe ratio of the first series
     * @param sharpe2        of the second
     * @param difference     {@code sharpe1 - sharpe2}
     * @param standardError  HAC standard error of the difference
     * @param pValue         two-sided normal p-value; NaN when a series is constant
     * @param bandwidth      the Parzen bandwidth used
     * @param periods        the number of paired returns
     */
    public record Result(double sharpe1, double sharpe2, double difference, double standardError, double pValue,
                         double bandwidth, int periods) {
    }

    private SharpeDifference() {
    }

    /** The HAC test with Andrews' automatic bandwidth. */
    public static Result hac(double[] r1, double[] r2) {
        return hac(r1, r2, Double.NaN);
    }

    /**
     * The HAC test.
     *
     * @param bandwidth the Parzen bandwidth (lags at or beyond it are ignored); NaN for Andrews' automatic choice
     */
    public static Result hac(double[] r1, double[] r2, double bandwidth) {
        check(r1, r2);
        int t = r1.length;
        double[] m = moments(r1, r2, 0, t, null);
        double[] grad = gradient(m);
        if (grad == null) return new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, t);
        double[][] y = centred(r1, r2, m);
        double bw = Double.isNaN(bandwidth) ? Hac.andrewsBandwidth(y) : bandwidth;
        double se = Math.sqrt(quadratic(grad, Hac.covariance(y, bw)) / t);
        double diff = sharpe(m[0], m[2]) - sharpe(m[1], m[3]);
        double p = se > 0 ? 2 * NORMAL.cumulativeProbability(-Math.abs(diff) / se) : (diff == 0 ? 1 : 0);
        return new Result(sharpe(m[0], m[2]), sharpe(m[1], m[3]), diff, se, p, bw, t);
    }

    /**
     * The studentised circular block bootstrap p-value of Ledoit and Wolf (2008, section 3.2):
     * {@code (#{d* >= d} + 1) / (M + 1)} with {@code d = |diff| / se_HAC} and {@code d* = |diff* - diff| / se*},
     * where {@code se*} is the block-sum standard error of each resample.
     *
     * @param block     block length in periods (at least 1, at most T)
     * @param resamples M, the number of bootstrap resamples
     * @param seed      the random seed; same seed, same p-value
     * @return the p-value in (0, 1]; NaN when a series is constant
     */
    public static double bootstrap(double[] r1, double[] r2, int block, int resamples, long seed) {
        check(r1, r2);
        int t = r1.length;
        if (block < 1 || block > t) throw new IllegalArgumentException("block length must be in [1, " + t + "], got " + block);
        if (resamples < 1) throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        Result observed = hac(r1, r2);
        if (Double.isNaN(observed.pValue())) return Double.NaN;
        if (!(observed.standardError() > 0)) return observed.pValue();
        double d = Math.abs(observed.difference()) / observed.standardError();
        int blocks = t / block, n = blocks * block;
        double[] b1 = new double[n], b2 = new double[n];
        SplittableRandom rng = new SplittableRandom(seed);
        int exceed = 0;
        for (int k = 0; k < resamples; k++) {
            for (int j = 0; j < blocks; j++) {
                int start = rng.nextInt(t);
                for (int i = 0; i < block; i++) {
                    int src = (start + i) % t;
                    b1[j * block + i] = r1[src];
                    b2[j * block + i] = r2[src];
                }
            }
            double[] m = moments(b1, b2, 0, n, null);
            double[] grad = gradient(m);
            if (grad == null) { exceed++; continue; } // a degenerate resample counts against significance
            double[][] psi = blockCovariance(b1, b2, m, block);
            double se = Math.sqrt(quadratic(grad, psi) / n);
            double diff = sharpe(m[0], m[2]) - sharpe(m[1], m[3]);
            double dStar = se > 0 ? Math.abs(diff - observed.difference()) / se : Double.POSITIVE_INFINITY;
            if (dStar >= d) exceed++;
        }
        return (exceed + 1.0) / (resamples + 1.0);
    }

    /** A block length that grows like {@code T^(1/3)}, the rate for block bootstraps of smooth functions. */
    public static int defaultBlock(int periods) {
        return Math.max(1, Math.min(periods, (int) Math.round(Math.cbrt(periods))));
    }

    /** The natural covariance of a block resample: {@code (1/l) sum_j zeta_j zeta_j'}, zeta_j = block sum / sqrt(b). */
    private static double[][] blockCovariance(double[] r1, double[] r2, double[] m, int block) {
        int blocks = r1.length / block;
        double[][] psi = new double[4][4];
        double[] z = new double[4];
        for (int j = 0; j < blocks; j++) {
            java.util.Arrays.fill(z, 0);
            for (int i = j * block; i < (j + 1) * block; i++) {
                z[0] += r1[i] - m[0];
                z[1] += r2[i] - m[1];
                z[2] += r1[i] * r1[i] - m[2];
                z[3] += r2[i] * r2[i] - m[3];
            }
            for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++) psi[a][b] += z[a] * z[b] / block;
        }
        for (double[] row : psi) for (int b = 0; b < 4; b++) row[b] /= blocks;
        return psi;
    }

    /** (mean1, mean2, E r1^2, E r2^2) over [from, to). */
    private static double[] moments(double[] r1, double[] r2, int from, int to, double[] out) {
        double[] m = out == null ? new double[4] : out;
        java.util.Arrays.fill(m, 0);
        for (int i = from; i < to; i++) {
            m[0] += r1[i];
            m[1] += r2[i];
            m[2] += r1[i] * r1[i];
            m[3] += r2[i] * r2[i];
        }
        int n = to - from;
        for (int a = 0; a < 4; a++) m[a] /= n;
        return m;
    }

    /** Gradient of {@code a / sqrt(c - a^2) - b / sqrt(d - b^2)}; null when a variance is not positive. */
    private static double[] gradient(double[] m) {
        double v1 = m[2] - m[0] * m[0], v2 = m[3] - m[1] * m[1];
        if (!(v1 > 1e-300) || !(v2 > 1e-300)) return null;
        double p1 = Math.pow(v1, 1.5), p2 = Math.pow(v2, 1.5);
        return new double[]{m[2] / p1, -m[3] / p2, -m[0] / (2 * p1), m[1] / (2 * p2)};
    }

    private static double sharpe(double mean, double second) {
        return mean / Math.sqrt(second - mean * mean);
    }

    private static double[][] centred(double[] r1, double[] r2, double[] m) {
        double[][] y = new double[r1.length][4];
        for (int i = 0; i < r1.length; i++) {
            y[i][0] = r1[i] - m[0];
            y[i][1] = r2[i] - m[1];
            y[i][2] = r1[i] * r1[i] - m[2];
            y[i][3] = r2[i] * r2[i] - m[3];
        }
        return y;
    }

    private static double quadratic(double[] g, double[][] psi) {
        double s = 0;
        for (int a = 0; a < g.length; a++) for (int b = 0; b < g.length; b++) s += g[a] * psi[a][b] * g[b];
        return Math.max(0, s);
    }

    private static void check(double[] r1, double[] r2) {
        if (r1.length != r2.length) throw new IllegalArgumentException("paired series differ in length: " + r1.length + " and " + r2.length);
        if (r1.length < 3) throw new IllegalArgumentException("the Sharpe difference test needs at least 3 periods, got " + r1.length);
    }
}
