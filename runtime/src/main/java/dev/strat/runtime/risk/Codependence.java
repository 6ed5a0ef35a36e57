package dev.strat.runtime.risk;

/**
 * Codependence measures between assets and the distances hierarchical clustering works on, as
 * riskfolio-lib defines them ({@code AuxFunctions.codep_dist}, {@code AuxFunctions.cov2corr}).
 * Matrices are {@code n x n}, row-major, written into caller-owned buffers.
 */
public final class Codependence {

    private Codependence() {}

    /**
     * Pearson correlation from a covariance matrix, riskfolio-lib's {@code cov2corr}:
     * <pre>
     *   corr_ij = clip(cov_ij / sqrt(cov_ii cov_jj), -1, 1),   corr_ii = 1
     * </pre>
     * An asset with zero (or non-positive) variance gets correlation 0 with every other asset and
     * 1 with itself, where pandas and riskfolio would give NaN. {@code corr} may be {@code cov}
     * itself (in place).
     */
    public static void correlation(double[] cov, int n, double[] corr) {
        if (n < 1) throw new IllegalArgumentException("need at least one asset, got n = " + n);
        if (cov.length < n * n || corr.length < n * n) {
            throw new IllegalArgumentException("correlation needs n x n = " + n * n + " buffers");
        }
        // the diagonal is overwritten last, so an in-place call still reads the variances
        for (int i = 0; i < n; i++) {
            final double vi = cov[i * n + i];
            for (int j = i + 1; j < n; j++) {
                final double vj = cov[j * n + j];
                double c = 0.0;
                if (vi > 0 && vj > 0) {
                    c = cov[i * n + j] / (Math.sqrt(vi) * Math.sqrt(vj));
                    c = c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c;
                }
                corr[i * n + j] = c;
                corr[j * n + i] = c;
            }
        }
        for (int i = 0; i < n; i++) corr[i * n + i] = 1.0;
    }

    /**
     * riskfolio-lib's correlation distances ({@code codep_dist}):
     * <pre>
     *   signed    (pearson, spearman, kendall):       d_ij = sqrt(clip((1 - rho_ij) / 2, 0, 1))
     *   absolute  (abs_pearson, abs_spearman, ...):   d_ij = sqrt(clip(1 - |rho_ij|, 0, 1))
     * </pre>
     * The first is Lopez de Prado's (2016) HRP distance. {@code dist} may be {@code corr} itself.
     */
    public static void distance(double[] corr, int n, boolean absolute, double[] dist) {
        if (n < 1) throw new IllegalArgumentException("need at least one asset, got n = " + n);
        if (corr.length < n * n || dist.length < n * n) {
            throw new IllegalArgumentException("distance needs n x n = " + n * n + " buffers");
        }
        for (int k = 0; k < n * n; k++) {
            final double rho = corr[k];
            double v = absolute ? 1.0 - Math.abs(rho) : (1.0 - rho) / 2;
            v = v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
            dist[k] = Math.sqrt(v);
        }
    }
}
