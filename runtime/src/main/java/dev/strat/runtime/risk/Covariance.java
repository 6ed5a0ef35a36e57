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

    /** riskfolio-lib's {@code cov_fix} default: the smallest eigenvalue a repaired correlation keeps. */
    public static final double PSD_THRESHOLD = 1e-8;

    static {
        // ojAlgo prints a hardware-profile banner when its classes initialise on an unknown machine
        // (see MeanVariance); repairPsd may be the first ojAlgo user in a run.
        if (System.getProperty("shut.up.ojAlgo") == null) System.setProperty("shut.up.ojAlgo", "true");
    }

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

    /** {@link #repairPsd(double[], int, double)} at riskfolio-lib's threshold {@link #PSD_THRESHOLD}. */
    public static boolean repairPsd(double[] cov, int n) {
        return repairPsd(cov, n, PSD_THRESHOLD);
    }

    /**
     * Nearest positive-semidefinite covariance by eigenvalue clipping, riskfolio-lib's
     * {@code AuxFunctions.cov_fix(cov, method="clipped", threshold)}, i.e. statsmodels'
     * {@code cov_nearest(method="clipped")}: the variances stay, the correlations are repaired.
     * <pre>
     *   s_i = sqrt(cov_ii),   C = cov / (s s')
     *   C = V diag(lambda) V'                      (symmetric eigen-decomposition, ojAlgo)
     *   if min lambda >= threshold: unchanged
     *   X = V diag(max(lambda, threshold)) V',    C'_ij = X_ij / sqrt(X_jj) / sqrt(X_ii)
     *   cov_ij = C'_ij (s_i s_j)
     * </pre>
     * An asset whose variance is zero or negative (where statsmodels would produce NaN) is
     * treated as riskless: its variance and covariances become 0. Allocates its working matrices
     * (a repair is the rare path, not the per-decision one).
     *
     * @return whether {@code cov} was changed
     */
    public static boolean repairPsd(double[] cov, int n, double threshold) {
        if (n < 1) throw new IllegalArgumentException("need at least one asset, got n = " + n);
        if (cov.length < n * n) throw new IllegalArgumentException("covariance buffer holds " + cov.length + ", need " + n * n);
        final double[] std = new double[n];
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            final double v = cov[i * n + i];
            std[i] = v > 0 ? Math.sqrt(v) : 0.0;
        }
        final org.ojalgo.matrix.store.R064Store corr = org.ojalgo.matrix.store.R064Store.FACTORY.make(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                final double c;
                if (std[i] > 0 && std[j] > 0) c = cov[i * n + j] / (std[i] * std[j]);
                else {
                    c = i == j ? 1.0 : 0.0;
                    changed |= cov[i * n + j] != 0.0;
                }
                corr.set(i, j, c);
            }
        }
        final org.ojalgo.matrix.decomposition.Eigenvalue<Double> evd = org.ojalgo.matrix.decomposition.Eigenvalue.R064.make(n, true);
        if (!evd.decompose(corr)) throw new ArithmeticException("eigen-decomposition of the correlation matrix failed");
        final org.ojalgo.matrix.store.MatrixStore<Double> vectors = evd.getV();
        final org.ojalgo.matrix.store.MatrixStore<Double> values = evd.getD();
        final double[] lambda = new double[n];
        boolean clipped = false;
        for (int k = 0; k < n; k++) {
            final double l = values.doubleValue(k, k);
            clipped |= l < threshold;
            lambda[k] = Math.max(l, threshold);
        }
        if (!clipped) {
            if (changed) zeroRiskless(cov, n, std);
            return changed;
        }
        final double[] x = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += vectors.doubleValue(i, k) * lambda[k] * vectors.doubleValue(j, k);
                x[i * n + j] = s;
            }
        }
        for (int i = 0; i < n; i++) {
            final double xi = Math.sqrt(x[i * n + i]);
            for (int j = 0; j < n; j++) {
                final double c = x[i * n + j] / Math.sqrt(x[j * n + j]) / xi;
                cov[i * n + j] = c * (std[i] * std[j]);
            }
        }
        return true;
    }

    private static void zeroRiskless(double[] cov, int n, double[] std) {
        for (int i = 0; i < n; i++) {
            if (std[i] > 0) continue;
            for (int j = 0; j < n; j++) {
                cov[i * n + j] = 0.0;
                cov[j * n + i] = 0.0;
            }
        }
    }

    /**
     * Whether {@code cov + eps I} with {@code eps = 1e-12 trace(cov)} has a Cholesky factor, i.e.
     * (up to rounding) whether the smallest eigenvalue is above {@code -1e-12 trace}. The factor
     * is built in the lower triangle and the diagonal is kept in {@code scratch} (length n), then
     * both are restored from the upper triangle and the scratch: {@code cov} comes back
     * bit-for-bit. Allocation-free.
     */
    static boolean nearlyPsd(double[] cov, int n, double[] scratch) {
        double trace = 0;
        for (int i = 0; i < n; i++) {
            scratch[i] = cov[i * n + i];
            trace += scratch[i];
        }
        if (!(trace >= 0)) return false;                     // negative or NaN trace
        if (trace == 0) {
            for (int i = 0; i < n * n; i++) if (cov[i] != 0.0) return false;
            return true;                                     // the zero matrix
        }
        final double eps = 1e-12 * trace;
        boolean ok = true;
        outer:
        for (int j = 0; j < n; j++) {
            // L_jj = sqrt(A_jj + eps - Σ_k<j L_jk²); L_ij = (A_ij - Σ_k<j L_ik L_jk) / L_jj, rows i > j
            double d = scratch[j] + eps;
            for (int k = 0; k < j; k++) d -= cov[j * n + k] * cov[j * n + k];
            if (!(d > 0)) { ok = false; break; }
            final double ljj = Math.sqrt(d);
            cov[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = cov[j * n + i];                   // A_ij from the untouched upper triangle
                for (int k = 0; k < j; k++) s -= cov[i * n + k] * cov[j * n + k];
                cov[i * n + j] = s / ljj;
                if (!Double.isFinite(cov[i * n + j])) { ok = false; break outer; }
            }
        }
        for (int i = 0; i < n; i++) {
            cov[i * n + i] = scratch[i];
            for (int j = i + 1; j < n; j++) cov[j * n + i] = cov[i * n + j];
        }
        return ok;
    }

    /** Column means of the block. */
    static void means(double[] x, int t, int n, double[] mean) {
        means(x, t, n, mean, 0);
    }

    /** Column means into {@code mean[at .. at + n)}. */
    static void means(double[] x, int t, int n, double[] mean, int at) {
        java.util.Arrays.fill(mean, at, at + n, 0.0);
        for (int r = 0; r < t; r++) {
            final int base = r * n;
            for (int i = 0; i < n; i++) mean[at + i] += x[base + i];
        }
        for (int i = 0; i < n; i++) mean[at + i] /= t;
    }

    /** {@code cov = Σ_t (x_t - mean)(x_t - mean)'}, unscaled and symmetric; row by row for the cache. */
    static void centredProducts(double[] x, int t, int n, double[] mean, double[] cov) {
        centredProducts(x, t, n, mean, 0, cov);
    }

    /** {@link #centredProducts(double[], int, int, double[], double[])} with the means at {@code mean[at ..]}. */
    static void centredProducts(double[] x, int t, int n, double[] mean, int at, double[] cov) {
        java.util.Arrays.fill(cov, 0, n * n, 0.0);
        for (int r = 0; r < t; r++) {
            final int base = r * n;
            for (int i = 0; i < n; i++) {
                final double di = x[base + i] - mean[at + i];
                final int row = i * n;
                for (int j = i; j < n; j++) cov[row + j] += di * (x[base + j] - mean[at + j]);
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
