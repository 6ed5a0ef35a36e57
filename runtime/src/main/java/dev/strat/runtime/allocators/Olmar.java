package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * OLMAR-1, Li and Hoi, "On-Line Portfolio Selection with Moving Average Reversion", ICML 2012
 * (Algorithm 1 with the moving-average predictor of eq. 1):
 * <pre>
 *   x̃_{t+1,i} = MA_w(p_i) / p_{t,i} = (1/w) sum_{k=0}^{w-1} p_{t-k,i} / p_{t,i}
 *   lambda    = max(0, (eps - b_t · x̃) / ||x̃ - mean(x̃) 1||²)     (0 when the denominator is 0)
 *   b_{t+1}   = Proj_simplex(b_t + lambda (x̃ - mean(x̃) 1))
 * </pre>
 * {@code b_t} is the previous target (uniform before the first decision). While fewer than
 * {@code window} closes are visible the moving average runs over the closes that are. Fully
 * invested: cash 0.
 */
public final class Olmar implements Stage {

    private final String label;
    private final int window;
    private final double eps;
    private double[] b;
    private double[] predicted;
    private Simplex simplex;

    public Olmar(String label, int window, double eps) {
        if (window < 1) throw new IllegalArgumentException("OLMAR window must be >= 1");
        if (!(eps >= 0) || !Double.isFinite(eps)) throw new IllegalArgumentException("OLMAR eps must be finite and >= 0");
        this.label = label;
        this.window = window;
        this.eps = eps;
    }

    @Override public String label() { return label; }

    /** The moving average needs {@code window} closes. */
    @Override public int warmup() { return window; }

    @Override
    public void reset(RunSetup setup) {
        int n = setup.assets();
        b = new double[n];
        predicted = new double[n];
        java.util.Arrays.fill(b, 1.0 / n);
        simplex = new Simplex(n);
    }

    @Override
    public void propose(Decision decision, double[] out) {
        History h = decision.history();
        int n = b.length;
        int w = Math.min(window, h.available());
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double now = h.close(0, i), sum = 0;
            for (int k = 0; k < w; k++) sum += h.close(k, i);
            predicted[i] = sum / w / now;
            mean += predicted[i];
        }
        mean /= n;
        double spread = 0;
        for (int i = 0; i < n; i++) spread += (predicted[i] - mean) * (predicted[i] - mean);
        double lambda = spread > 0 ? Math.max(0.0, (eps - Weights.dot(b, predicted, n)) / spread) : 0.0;
        if (lambda > 0) {
            for (int i = 0; i < n; i++) b[i] += lambda * (predicted[i] - mean);
            simplex.project(b, b);
        }
        Weights.invested(b, out);
    }
}
