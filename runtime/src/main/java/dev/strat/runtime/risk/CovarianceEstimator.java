package dev.strat.runtime.risk;

import java.util.Locale;

/**
 * A covariance estimator by name, for stages that let the user choose one. {@link #estimate}
 * writes the sample mean and the estimator's covariance, then makes sure the result is usable:
 * should the smallest eigenvalue be below {@code -1e-12 trace} (found by a shifted Cholesky
 * attempt, cheap and allocation-free) the matrix is repaired by {@link Covariance#repairPsd}.
 * Both estimators here are positive semidefinite in exact arithmetic, so a repair only ever undoes
 * rounding on near-singular blocks; the check is there for callers that feed their own data.
 */
public enum CovarianceEstimator {

    /** {@link Covariance#sample}: divisor T - 1, numpy/pandas. */
    SAMPLE("sample") {
        @Override
        void raw(double[] x, int t, int n, double[] mean, double[] cov) {
            Covariance.sample(x, t, n, mean, cov);
        }
    },
    /** {@link Covariance#ledoitWolf}: scikit-learn's LedoitWolf, divisor T. */
    LEDOIT_WOLF("ledoit_wolf") {
        @Override
        void raw(double[] x, int t, int n, double[] mean, double[] cov) {
            Covariance.ledoitWolf(x, t, n, mean, cov);
        }
    };

    private final String key;

    CovarianceEstimator(String key) {
        this.key = key;
    }

    /** The name used in {@code .strat} parameters ({@code sample}, {@code ledoit_wolf}). */
    public String key() { return key; }

    /** The names accepted by {@link #parse}, in declaration order. */
    public static java.util.List<String> keys() {
        return java.util.Arrays.stream(values()).map(CovarianceEstimator::key).toList();
    }

    /** The estimator named {@code name} (case-insensitive); a clear message otherwise. */
    public static CovarianceEstimator parse(String name) {
        for (CovarianceEstimator e : values()) if (e.key.equals(name.toLowerCase(Locale.ROOT))) return e;
        throw new IllegalArgumentException("unknown covariance estimator '" + name + "', expected one of " + keys());
    }

    abstract void raw(double[] x, int t, int n, double[] mean, double[] cov);

    /** Like {@link #estimate(double[], int, int, double[], double[], double[])} with a scratch it allocates (n doubles). */
    public boolean estimate(double[] x, int t, int n, double[] mean, double[] cov) {
        return estimate(x, t, n, mean, cov, new double[n]);
    }

    /**
     * Mean (out n) and covariance (out n * n) of the {@code t x n} block {@code x}, repaired to
     * positive semidefinite when needed. Allocation-free unless a repair happens.
     *
     * @param scratch at least n doubles, overwritten
     * @return whether a repair changed the estimate
     */
    public boolean estimate(double[] x, int t, int n, double[] mean, double[] cov, double[] scratch) {
        if (scratch.length < n) throw new IllegalArgumentException("scratch holds " + scratch.length + ", need " + n);
        raw(x, t, n, mean, cov);
        if (Covariance.nearlyPsd(cov, n, scratch)) return false;
        return Covariance.repairPsd(cov, n);
    }
}
