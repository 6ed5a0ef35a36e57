package dev.strat.runtime.allocators;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * Passive-aggressive mean reversion, Li, Zhao, Hoi and Gopalkrishnan, "PAMR: Passive Aggressive
 * Mean Reversion Strategy for Portfolio Selection", Machine Learning 87(2), 2012:
 * <pre>
 *   loss   = max(0, b_t · x_t - eps)
 *   tau    = loss / ||x_t - x̄ 1||²                    (PAMR)
 *          = min(C, loss / ||x_t - x̄ 1||²)            (PAMR-1)
 *          = loss / (||x_t - x̄ 1||² + 1 / (2C))       (PAMR-2)
 *   b_{t+1} = Proj_simplex(b_t - tau (x_t - x̄ 1))
 * </pre>
 * with {@code x̄} the mean relative, {@code b_t} the previous target and {@code x_t} the relatives
 * since that decision. The first decision is uniform; tau is 0 when the relatives are all equal
 * (PAMR and PAMR-1). Fully invested: cash 0.
 */
public final class Pamr implements Stage {

    /** The three update rules of the paper. */
    public enum Variant { PAMR, PAMR1, PAMR2 }

    private final String label;
    private final double eps;
    private final double c;
    private final Variant variant;
    private final PeriodRelatives period = new PeriodRelatives();
    private double[] b;
    private double[] x;
    private Simplex simplex;

    public Pamr(String label, double eps, double c, Variant variant) {
        if (!(eps >= 0) || !Double.isFinite(eps)) throw new IllegalArgumentException("PAMR eps must be finite and >= 0");
        if (!(c >= 0)) throw new IllegalArgumentException("PAMR aggressiveness C must be >= 0");
        this.label = label;
        this.eps = eps;
        this.c = c;
        this.variant = java.util.Objects.requireNonNull(variant);
    }

    @Override public String label() { return label; }

    @Override
    public void reset(RunSetup setup) {
        int n = setup.assets();
        b = new double[n];
        x = new double[n];
        java.util.Arrays.fill(b, 1.0 / n);
        simplex = new Simplex(n);
        period.reset();
    }

    @Override
    public void propose(Decision decision, double[] out) {
        int n = b.length;
        if (period.hasPrevious()) {
            period.since(decision.history(), x);
            double mean = 0;
            for (int i = 0; i < n; i++) mean += x[i];
            mean /= n;
            double spread = 0;
            for (int i = 0; i < n; i++) spread += (x[i] - mean) * (x[i] - mean);
            double loss = Math.max(0.0, Weights.dot(b, x, n) - eps);
            double tau = switch (variant) {
                case PAMR -> spread > 0 ? loss / spread : 0.0;
                case PAMR1 -> spread > 0 ? Math.min(c, loss / spread) : 0.0;
                case PAMR2 -> c > 0 ? loss / (spread + 0.5 / c) : 0.0;
            };
            if (tau > 0) {
                for (int i = 0; i < n; i++) b[i] -= tau * (x[i] - mean);
                simplex.project(b, b);
            }
        }
        period.mark(decision.history());
        Weights.invested(b, out);
    }
}
