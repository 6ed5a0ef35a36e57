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
 * the set is empty. Windows of zero variance have no correlation and never match (a variance
 * below 1e-12 of the sum of squared deviations from 1 counts as zero: it is rounding).
 *
 * <p>Only the most recent {@code scan} candidate windows are compared, which bounds the cost of
 * a decision to {@code O(scan · w · N)} plus the solver; set {@code scan} at least as large as the
 * run to reproduce the paper's use of the whole history. Fully invested: cash 0.
 *
 * <h2>Cost</h2>
 * Consecutive decisions share almost all of their work, and the stage keeps it: each bar's
 * relatives, their sum and sum of squares (taken about 1 to avoid cancellation) and the mean and
 * variance of the window ending at the bar are cached, in rings just long enough for the bars a
 * decision can read (so memory does not grow with the run); the dot products of a bar's relatives with those {@code lag} bars earlier are computed once,
 * when the bar is the newest one, and kept for the {@code window} decisions whose latest window
 * contains it. A candidate's covariance with the latest window is then the sum of {@code window}
 * kept dot products, so a decision costs {@code O(scan · N)} for the new dot products plus
 * {@code O(scan · window)} to assemble the correlations, instead of {@code O(scan · window · N)}.
 * Kept values depend only on the bars involved, never on the order of decisions, so spaced or
 * repeated decisions give the same answer as a fresh computation. The log-optimal solver starts
 * at the previous decision's portfolio (see {@link LogOptimal#solveFrom}).
 */
public final class Corn implements Stage {

    /** A window's variance below this fraction of its sum of squares is rounding: the window is flat. */
    private static final double FLAT = 1e-12;

    private final String label;
    private final int window;
    private final double rho;
    private final int scan;
    private final boolean warmStart;
    private int n;
    private int capacity;      // candidate windows a decision can have: scan, or fewer when the run is shorter
    // Per-bar caches live in rings of `ring` bars, bar b at position b % ring: a decision reads
    // only bars now - capacity - 2 window .. now, so older ones may be overwritten.
    private int ring;
    private double[] rel;      // price relatives, position * n + i, cached as bars become visible
    private double[] rowSum;   // sum of (relative - 1) over the assets
    private double[] rowSq;    // sum of (relative - 1)^2
    private double[] winSum;   // sum of (relative - 1) over the window ending at the bar
    private double[] winVar;   // that window's sum of squared deviations from its mean, -1 when flat
    private int cachedThrough; // last bar whose relatives are cached
    private int contiguousFrom; // first bar of the cached run of bars that ends at cachedThrough
    private double[] dots;     // window slots x (capacity + 1): dots[slot][lag] = y(bar) · y(bar - lag), y = relative - 1
    private int[] slotBar;     // the bar each slot was computed for (-1: none)
    private int[] slotLags;    // how many lags each slot holds
    private int[] hits;        // ring positions of the days after the matching windows
    private double[] latest;   // scratch: the relatives - 1 of the bar whose dot products are computed
    private double[] cov;      // per candidate lag: sum over the window of the kept dot products
    private double[] matched;  // following-day relatives of the matching windows, row-major
    private double[] b;
    private LogOptimal solver;

    public Corn(String label, int window, double rho, int scan) {
        this(label, window, rho, scan, true);
    }

    /**
     * @param warmStart start the log-optimal solver at the previous decision's portfolio when the
     *                  similarity set has at least twice as many days as there are assets (the
     *                  optimum is then unique and well conditioned, so the answer is the
     *                  cold-started one to 1e-9); false always starts it at the uniform portfolio
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
        ring = capacity + 2 * window + 2;
        rel = new double[ring * n];
        rowSum = new double[ring];
        rowSq = new double[ring];
        winSum = new double[ring];
        winVar = new double[ring];
        cachedThrough = 0;
        contiguousFrom = 1;
        dots = new double[window * (capacity + 1)];
        slotBar = new int[window];
        java.util.Arrays.fill(slotBar, -1);
        slotLags = new int[window];
        cov = new double[capacity + 1];
        latest = new double[n];
        hits = new int[capacity + 1];
        matched = new double[capacity * n];
        b = new double[n];
        solver = new LogOptimal(n);
    }

    @Override
    public void propose(Decision decision, double[] out) {
        History h = decision.history();
        int now = h.now();              // relatives exist for bars 1..now
        if (now < window) {
            Weights.uniform(out);
            return;
        }
        cacheThrough(h);
        // candidate windows end at bars now-lag, lag = 1..candidates; their next day is now-lag+1
        int candidates = Math.min(capacity, now - window);
        double latestVar = winVar[now % ring];
        double latestMean = winSum[now % ring] / (window * n);
        int found = 0;
        if (latestVar > 0) {
            java.util.Arrays.fill(cov, 0, candidates + 1, 0.0);
            for (int j = 0; j < window; j++) {
                int base = slot(now - j, candidates) * (capacity + 1);
                for (int lag = 1; lag <= candidates; lag++) cov[lag] += dots[base + lag];
            }
            // corr = c / sqrt(var * latestVar) >= rho, compared in squares to spare a root and a division
            double rho2 = rho * rho * latestVar;
            // the candidate window ends at bar now - lag (ring position end), its next day at next
            for (int lag = 1, next = now % ring; lag <= candidates; lag++) {
                int end = next == 0 ? ring - 1 : next - 1;
                double var = winVar[end];
                double c = cov[lag] - winSum[end] * latestMean;
                boolean match = var > 0 && (rho > 0 ? c > 0 && c * c >= rho2 * var : c >= 0 || c * c <= rho2 * var);
                // written unconditionally and kept by advancing the count: no branch to mispredict
                // on a test that is close to a coin flip
                hits[found] = next;
                found += match ? 1 : 0;
                next = end;
            }
            for (int k = 0; k < found; k++) System.arraycopy(rel, hits[k] * n, matched, k * n, n);
        }
        // b still holds the previous decision's portfolio (zeros after reset, which solveFrom
        // treats as "no start"); with few days the optimum need not be unique or well conditioned,
        // so then the answer must not depend on where the iteration starts
        if (warmStart && found >= 2 * n) solver.solveFrom(matched, found, b);
        else solver.solve(matched, found, b);
        Weights.invested(b, out);
    }

    /**
     * Caches the relatives of the bars up to now with their row sums and sums of squares, and the
     * sum and variance of the window ending at each of those bars.
     */
    private void cacheThrough(History h) {
        int now = h.now();
        // the oldest window a decision reads ends at now - capacity, so starts window - 1 bars earlier
        int from = Math.max(1, Math.max(cachedThrough + 1, now - capacity - 2 * window));
        if (from > cachedThrough + 1) contiguousFrom = from; // a gap: older rows are not ours to use
        int len = window * n;
        for (int bar = from; bar <= now; bar++) {
            int lag = now - bar;
            int at = bar % ring;
            double s = 0, q = 0;
            for (int i = 0; i < n; i++) {
                double x = h.relative(lag, i);
                rel[at * n + i] = x;
                double y = x - 1.0;
                s += y;
                q += y * y;
            }
            rowSum[at] = s;
            rowSq[at] = q;
            if (bar - window + 1 >= contiguousFrom) {
                double sum = 0, sq = 0;
                for (int j = 0; j < window; j++) {
                    sum += rowSum[(bar - j) % ring];
                    sq += rowSq[(bar - j) % ring];
                }
                double var = sq - sum * (sum / len);
                winSum[at] = sum;
                // a variance this small next to the sum of squares is rounding: the window is flat
                winVar[at] = var > FLAT * sq ? var : -1;
            } else {
                winVar[at] = -1; // rows missing: never read (decisions only read windows inside the cache)
            }
        }
        cachedThrough = Math.max(cachedThrough, now);
    }

    /**
     * The slot holding the dot products of {@code bar} with the {@code lags} bars before it,
     * computing them when the slot holds another bar or too few lags.
     */
    private int slot(int bar, int lags) {
        int s = bar % window;
        if (slotBar[s] != bar || slotLags[s] < lags) {
            int base = s * (capacity + 1);
            int from = slotBar[s] == bar ? slotLags[s] + 1 : 1;
            int a = (bar % ring) * n;
            for (int i = 0; i < n; i++) latest[i] = rel[a + i] - 1.0;
            int lag = from, pos = (bar - from) % ring;
            // four lags per pass: independent sums hide the addition latency; each dot product is
            // still summed over the assets in order, so its value does not depend on the blocking
            for (; lag + 3 <= lags; lag += 4) {
                int p1 = pos == 0 ? ring - 1 : pos - 1, p2 = p1 == 0 ? ring - 1 : p1 - 1, p3 = p2 == 0 ? ring - 1 : p2 - 1;
                int c0 = pos * n, c1 = p1 * n, c2 = p2 * n, c3 = p3 * n;
                double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
                for (int i = 0; i < n; i++) {
                    double y = latest[i];
                    d0 += y * (rel[c0 + i] - 1.0);
                    d1 += y * (rel[c1 + i] - 1.0);
                    d2 += y * (rel[c2 + i] - 1.0);
                    d3 += y * (rel[c3 + i] - 1.0);
                }
                dots[base + lag] = d0;
                dots[base + lag + 1] = d1;
                dots[base + lag + 2] = d2;
                dots[base + lag + 3] = d3;
                pos = p3 == 0 ? ring - 1 : p3 - 1;
            }
            for (; lag <= lags; lag++, pos = pos == 0 ? ring - 1 : pos - 1) {
                int c = pos * n;
                double d = 0;
                for (int i = 0; i < n; i++) d += latest[i] * (rel[c + i] - 1.0);
                dots[base + lag] = d;
            }
            slotBar[s] = bar;
            slotLags[s] = lags;
        }
        return s;
    }
}
