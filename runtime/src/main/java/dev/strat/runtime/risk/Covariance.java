package dev.strat.runtime.risk;

/**
 * Estimators over a {@code T x N} returns block {@code x}, row-major (row {@code t} = bar
 * {@code t}, oldest first: {@code x[t * n + i]} is asset {@code i} at bar {@code t}). Outputs go
 * into caller-owned buffers ({@code mean} of length {@code n}, {@code cov} of length
 * {@code n * n}, row-major and symmetric), so nothing is allocated per call.
 *
 * <p>Inputs must be finite; these functions do not skip missing values.
 */
public final class Covariance {

    private Covariance() {}

    /**
     * Sample mean and unbiased sample covariance, numpy/pandas semantics ({@code X.mean(0)},
     * {@code np.cov(X.T, ddof=1)}, {@code DataFrame.cov()}):
     * <pre>
     *   mean_i  = (1/T) Σ_t x_ti
     *   cov_ij  = 1/(T-1) Σ_t (x_ti - mean_i)(x_tj - mean_j)
     * </pre>
     * Two passes (mean first, then centred products), which is as accurate as numpy's.
     *
     * @param t bars, at least 2
     */
    public static void sample(double[] x, int t, int n, double[] mean, double[] cov) {
        check(x, t, n, mean, cov, 2);
        means(x, t, n, mean);
        centredProducts(x, t, n, mean, cov);
        final double scale = 1.0 / (t - 1);
        for (int i = 0; i < n * n; i++) cov[i] *= scale;
    }

    /**
     * Ledoit-Wolf shrinkage towards a scaled identity, exactly scikit-learn's
     * {@code sklearn.covariance.LedoitWolf(assume_centered=False)} (which riskfolio-lib's
     * {@code method_cov='ledoit'} calls). Note scikit-learn's divisor is {@code T}, not
     * {@code T-1}: with {@code d_t = x_t - mean} and
     * <pre>
     *   S     = (1/T) Σ_t d_t d_t'                       (maximum-likelihood covariance)
     *   mu    = trace(S) / N
     *   delta = (1/N) ‖S - mu I‖²_F
     *   beta  = min(delta, (1/(N T)) ((1/T) Σ_t ‖d_t‖⁴ - ‖S‖²_F))
     *   s     = beta / delta   (0 when beta = 0)
     *   cov   = (1 - s) S + s mu I
     * </pre>
     * (O. Ledoit and M. Wolf, "A well-conditioned estimator for large-dimensional covariance
     * matrices", J. Multivariate Analysis 88, 2004.) With one asset the shrinkage is 0, as in
     * scikit-learn. {@code mean} receives the sample mean (scikit-learn's {@code location_}).
     *
     * @param t bars, at least 1
     * @return the shrinkage {@code s} in [0, 1]
     */
    public static double ledoitWolf(double[] x, int t, int n, double[] mean, double[] cov) {
        check(x, t, n, mean, cov, 1);
        means(x, t, n, mean);
        centredProducts(x, t, n, mean, cov);
        final double invT = 1.0 / t;
        for (int i = 0; i < n * n; i++) cov[i] *= invT;
        if (n == 1) return 0.0;
        // beta_ = Σ_t (Σ_i d_ti²)², the sum of the entries of (X²)'X²
        double betaSum = 0;
        for (int r = 0; r < t; r++) {
            final int base = r * n;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                final double d = x[base + i] - mean[i];
                sq += d * d;
            }
            betaSum += sq * sq;
        }
        double trace = 0;
        double frobenius = 0; // ‖S‖²_F = delta_ / T² in scikit-learn's notation
        for (int i = 0; i < n; i++) {
            trace += cov[i * n + i];
            for (int j = 0; j < n; j++) frobenius += cov[i * n + j] * cov[i * n + j];
        }
        final double mu = trace / n;
        // same association as scikit-learn, so the rounding follows it closely
        double beta = 1.0 / ((double) n * t) * (betaSum / t - frobenius);
        final double delta = (frobenius - 2.0 * mu * trace + n * mu * mu) / n;
        beta = Math.min(beta, delta);
        final double shrinkage = beta == 0 ? 0.0 : beta / delta;
        final double keep = 1.0 - shrinkage;
        for (int i = 0; i < n * n; i++) cov[i] *= keep;
        for (int i = 0; i < n; i++) cov[i * n + i] += shrinkage * mu;
        return shrinkage;
    }

    /** Column means of the block. */
    static void means(double[] x, int t, int n, double[] mean) {
        java.util.Arrays.fill(mean, 0, n, 0.0);
        for (int r = 0; r < t; r++) {
            final int base = r * n;
            for (int i = 0; i < n; i++) mean[i] += x[base + i];
        }
        for (int i = 0; i < n; i++) mean[i] /= t;
    }

    /** {@code cov = Σ_t (x_t - mean)(x_t - mean)'}, unscaled and symmetric; row by row for the cache. */
    static void centredProducts(double[] x, int t, int n, double[] mean, double[] cov) {
        java.util.Arrays.fill(cov, 0, n * n, 0.0);
        for (int r = 0; r < t; r++) {
            final int base = r * n;
            for (int i = 0; i < n; i++) {
                final double di = x[base + i] - mean[i];
                final int row = i * n;
                for (int j = i; j < n; j++) cov[row + j] += di * (x[base + j] - mean[j]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) cov[j * n + i] = cov[i * n + j];
        }
    }

    static void check(double[] x, int t, int n, double[] mean, double[] cov, int minBars) {
        if (n < 1) throw new IllegalArgumentException("need at least one asset, got n = " + n);
        if (t < minBars) throw new IllegalArgumentException("need at least " + minBars + " bars, got t = " + t);
        if (x.length < t * n) throw new IllegalArgumentException("returns block holds " + x.length + " values, t x n = " + t * n);
        if (mean.length < n) throw new IllegalArgumentException("mean buffer holds " + mean.length + ", need " + n);
        if (cov.length < n * n) throw new IllegalArgumentException("covariance buffer holds " + cov.length + ", need " + n * n);
    }
}
