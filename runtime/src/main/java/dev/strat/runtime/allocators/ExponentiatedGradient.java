package dev.strat.runtime.allocators;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * Exponentiated gradient, Helmbold, Schapire, Singer and Warmuth, "On-Line Portfolio Selection
 * Using Multiplicative Updates", Mathematical Finance 8(4), 1998:
 * {@code w_{t+1,i} ∝ w_{t,i} exp(eta x_{t,i} / (w_t · x_t))}.
 *
 * <p>{@code w_t} is this stage's previous <em>target</em> (the paper's portfolio chosen for period
 * t), not the drifted holdings: the update is the gradient step of the log-wealth of the portfolio
 * the algorithm chose, which is what the regret bound is about. {@code x_t} is the vector of
 * price relatives since that decision. The first decision is uniform. Fully invested: cash 0.
 */
public final class ExponentiatedGradient implements Stage {

    private final String label;
    private final double eta;
    private final PeriodRelatives period = new PeriodRelatives();
    private double[] w;
    private double[] x;

    public ExponentiatedGradient(String label, double eta) {
        if (!(eta >= 0) || !Double.isFinite(eta)) throw new IllegalArgumentException("eta must be finite and >= 0");
        this.label = label;
        this.eta = eta;
    }

    @Override public String label() { return label; }

    @Override
    public void reset(RunSetup setup) {
        int n = setup.assets();
        w = new double[n];
        x = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        period.reset();
    }

    @Override
    public void propose(Decision decision, double[] out) {
        int n = w.length;
        if (period.hasPrevious()) {
            period.since(decision.history(), x);
            double wx = Weights.dot(w, x, n);
            // subtract the largest exponent before exp so large eta cannot overflow
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) max = Math.max(max, eta * x[i] / wx);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] *= Math.exp(eta * x[i] / wx - max);
                sum += w[i];
            }
            for (int i = 0; i < n; i++) w[i] /= sum;
        }
        period.mark(decision.history());
        Weights.invested(w, out);
    }
}
