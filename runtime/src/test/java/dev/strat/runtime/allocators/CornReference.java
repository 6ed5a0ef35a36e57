package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * The textbook CORN computation the optimised {@link Corn} must reproduce: every decision copies
 * the visible relatives, computes each candidate's Pearson correlation in two passes from scratch
 * and solves the log-optimal problem from the uniform portfolio. (Corn's code before it kept work
 * between decisions.)
 */
final class CornReference implements Stage {

    private final String label;
    private final int window;
    private final double rho;
    private final int scan;
    private int n;
    private int capacity;      // candidate windows the buffers hold: scan, or fewer when the run is shorter
    private double[] rel;      // relatives of the visible tail, row r = bar (now - r), r = 0..rows-1
    private double[] matched;  // following-day relatives of the matching windows, row-major
    private double[] b;
    private LogOptimal solver;

    CornReference(String label, int window, double rho, int scan) {
        if (window < 1) throw new IllegalArgumentException("CORN window must be >= 1");
        if (!(rho >= -1 && rho <= 1)) throw new IllegalArgumentException("CORN rho must be in [-1, 1]");
        if (scan < 1) throw new IllegalArgumentException("CORN scan must be >= 1");
        this.label = label;
        this.window = window;
        this.rho = rho;
        this.scan = scan;
    }

    @Override public String label() { return label; }

    /** The latest window of {@code window} relatives needs {@code window + 1} closes. */
    @Override public int warmup() { return window + 1; }

    @Override
    public void reset(RunSetup setup) {
        n = setup.assets();
        // no decision of this run can see more than lastBar candidate windows
        capacity = Math.max(1, Math.min(scan, setup.lastBar()));
        rel = new double[(capacity + window) * n];
        matched = new double[capacity * n];
        b = new double[n];
        solver = new LogOptimal(n);
    }

    @Override
    public void propose(Decision decision, double[] out) {
        History h = decision.history();
        int bars = h.now();             // relatives exist for bars 1..now
        if (bars < window) {
            Weights.uniform(out);
            return;
        }
        // candidate windows end at lags 1..candidates (bar now-lag), their next day is lag-1
        int candidates = Math.min(capacity, bars - window);
        int rows = candidates + window;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) rel[r * n + i] = h.relative(r, i);
        }
        int len = window * n;
        double latestMean = 0;
        for (int k = 0; k < len; k++) latestMean += rel[k];
        latestMean /= len;
        double latestVar = 0;
        for (int k = 0; k < len; k++) latestVar += (rel[k] - latestMean) * (rel[k] - latestMean);
        int found = 0;
        if (latestVar > 0) {
            for (int lag = 1; lag <= candidates; lag++) {
                int start = lag * n;
                double mean = 0;
                for (int k = 0; k < len; k++) mean += rel[start + k];
                mean /= len;
                double var = 0, cov = 0;
                for (int k = 0; k < len; k++) {
                    double d = rel[start + k] - mean;
                    var += d * d;
                    cov += d * (rel[k] - latestMean);
                }
                if (var > 0 && cov / Math.sqrt(var * latestVar) >= rho) {
                    System.arraycopy(rel, (lag - 1) * n, matched, found * n, n);
                    found++;
                }
            }
        }
        solver.solve(matched, found, b);
        Weights.invested(b, out);
    }
}
