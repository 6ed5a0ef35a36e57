package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * CORN-U with a single expert, Li, Hoi and Gopalkrishnan, "CORN: Correlation-driven
 * Nonparametric Learning Approach for Portfolio Selection", ACM Transactions on Intelligent
 * Systems and Technology 2(3), 2011 (Algorithm 1). At decision bar t the latest market window is
 * the {@code w x N} block of price relatives of bars {@code t-w+1..t}. Every earlier window ending
 * at bar {@code s < t} whose Pearson correlation with it (over the flattened {@code w·N} entries)
 * is at least {@code rho} contributes its following relatives {@code x_{s+1}} to the similarity
 * set; the portfolio is the log-optimal portfolio of that set ({@link LogOptimal}), uniform when
 * the set is empty. Windows of zero variance have no correlation and never match.
 *
 * <p>Only the most recent {@code scan} candidate windows are compared, which bounds the cost of
 * a decision to {@code O(scan · w · N)} plus the solver; set {@code scan} at least as large as the
 * run to reproduce the paper's use of the whole history. Fully invested: cash 0.
 */
public final class Corn implements Stage {

    private final String label;
    private final int window;
    private final double rho;
    private final int scan;
    private final boolean warmStart;
    private int n;
    private int capacity;      // candidate windows the buffers hold: scan, or fewer when the run is shorter
    private double[] rel;      // relatives of the visible tail, row r = bar (now - r), r = 0..rows-1
    private double[] matched;  // following-day relatives of the matching windows, row-major
    private double[] b;
    private LogOptimal solver;

    public Corn(String label, int window, double rho, int scan) {
        this(label, window, rho, scan, true);
    }

    /**
     * @param warmStart start the log-optimal solver at the previous decision's portfolio when the
     *                  similarity set has at least as many days as there are assets (the optimum is
     *                  then unique, so the answer is the cold-started one to the solver's
     *                  tolerance); false always starts it at the uniform portfolio
     */
    Corn(String label, int window, double rho, int scan, boolean warmStart) {
        if (window < 1) throw new IllegalArgumentException("CORN window must be >= 1");
        if (!(rho >= -1 && rho <= 1)) throw new IllegalArgumentException("CORN rho must be in [-1, 1]");
        if (scan < 1) throw new IllegalArgumentException("CORN scan must be >= 1");
        this.label = label;
        this.window = window;
        this.rho = rho;
        this.scan = scan;
        this.warmStart = warmStart;
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
        // b still holds the previous decision's portfolio (zeros after reset, which solveFrom
        // treats as "no start"); with fewer days than assets the optimum need not be unique, so
        // the answer must not depend on where the iteration starts
        if (warmStart && found >= 2 * n) solver.solveFrom(matched, found, b);
        else solver.solve(matched, found, b);
        Weights.invested(b, out);
    }
}
