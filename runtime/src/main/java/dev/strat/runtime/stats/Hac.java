package dev.strat.runtime.stats;

/**
 * Heteroskedasticity and autocorrelation consistent (HAC) long-run covariance of a multivariate
 * series with the Parzen kernel, as Ledoit and Wolf (2008) use it, and Andrews' (1991) automatic
 * bandwidth from AR(1) models of each column.
 *
 * <p>Rows are periods, columns are variables; the series must already be centred.
 */
public final class Hac {

    private Hac() {
    }

    /** The Parzen kernel, which keeps the estimate positive semi-definite. */
    public static double parzen(double x) {
        double a = Math.abs(x);
        if (a <= 0.5) return 1 - 6 * a * a + 6 * a * a * a;
        if (a <= 1) return 2 * (1 - a) * (1 - a) * (1 - a);
        return 0;
    }

    /**
     * Andrews' (1991) plug-in bandwidth for the Parzen kernel, {@code 2.6614 (alpha(2) T)^(1/5)},
     * with alpha(2) from an AR(1) fitted to each column (equal weights). 0 when no column is
     * autocorrelated, so that only the lag-0 covariance is used.
     */
    public static double andrewsBandwidth(double[][] y) {
        int t = y.length, k = y[0].length;
        double num = 0, den = 0;
        for (int c = 0; c < k; c++) {
            double sxy = 0, sxx = 0;
            for (int i = 1; i < t; i++) {
                sxy += y[i][c] * y[i - 1][c];
                sxx += y[i - 1][c] * y[i - 1][c];
            }
            if (!(sxx > 0)) continue;
            // clipped away from 1, where the formula blows up
            double rho = Math.max(-0.97, Math.min(0.97, sxy / sxx));
            double s2 = 0;
            for (int i = 1; i < t; i++) {
                double e = y[i][c] - rho * y[i - 1][c];
                s2 += e * e;
            }
            s2 /= t - 1;
            num += 4 * rho * rho * s2 * s2 / Math.pow(1 - rho, 8);
            den += s2 * s2 / Math.pow(1 - rho, 4);
        }
        if (!(den > 0) || !(num > 0)) return 0;
        return 2.6614 * Math.pow(num / den * t, 0.2);
    }

    /**
     * {@code Gamma_0 + sum_j k(j / bandwidth) (Gamma_j + Gamma_j')}, with {@code Gamma_j = (1/T) sum_t
     * y_t y_{t-j}'}, times the small-sample factor {@code T / (T - k)} that Ledoit and Wolf apply.
     *
     * @param y         centred series, T rows of k columns
     * @param bandwidth the kernel's bandwidth; lags at or beyond it get weight 0
     */
    public static double[][] covariance(double[][] y, double bandwidth) {
        int t = y.length, k = y[0].length;
        double[][] psi = new double[k][k];
        int maxLag = bandwidth > 0 ? Math.min(t - 1, (int) Math.ceil(bandwidth)) : 0;
        for (int j = 0; j <= maxLag; j++) {
            double w = j == 0 ? 1 : parzen(j / bandwidth);
            if (w == 0) continue;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double g = 0;
                    for (int i = j; i < t; i++) g += y[i][a] * y[i - j][b];
                    g /= t;
                    psi[a][b] += w * g;
                    if (j > 0) psi[b][a] += w * g;
                }
            }
        }
        double scale = t > k ? (double) t / (t - k) : 1;
        for (double[] row : psi) for (int b = 0; b < k; b++) row[b] *= scale;
        return psi;
    }
}
