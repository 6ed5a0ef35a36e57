package dev.strat.runtime.risk;

/**
 * The series risk measures of {@link RiskMeasure} on one return series {@code x[0..t)}, exactly
 * riskfolio-lib's {@code MAD}, {@code CVaR_Hist}, {@code CDaR_Abs} and {@code MDD_Abs}. The tail
 * measures need only the {@code ceil(alpha T)} smallest values, which they select with a bounded
 * heap in {@code scratch} instead of sorting all T.
 */
public final class RiskMeasures {

    private RiskMeasures() {
    }

    /** Mean absolute deviation {@code (1/T) Σ |x_t - mean|}. */
    public static double mad(double[] x, int t) {
        double sum = 0;
        for (int i = 0; i < t; i++) sum += x[i];
        double mean = sum / t;
        double dev = 0;
        for (int i = 0; i < t; i++) dev += Math.abs(x[i] - mean);
        return dev / t;
    }

    /** Historical CVaR at {@code alpha}; {@code scratch} needs {@code ceil(alpha t)} entries. */
    public static double cvar(double[] x, int t, double alpha, double[] scratch) {
        return tail(x, t, alpha, scratch);
    }

    /**
     * CDaR at {@code alpha} of the uncompounded cumulative returns; {@code drawdowns} receives the
     * T drawdowns (needs t entries), {@code scratch} needs {@code ceil(alpha t)}.
     */
    public static double cdar(double[] x, int t, double alpha, double[] drawdowns, double[] scratch) {
        drawdowns(x, t, drawdowns);
        return tail(drawdowns, t, alpha, scratch);
    }

    /** Maximum drawdown of the uncompounded cumulative returns (0 when the sum never falls). */
    public static double mdd(double[] x, int t) {
        double nav = 1, peak = 1, worst = 0;  // riskfolio starts the sum at 1, which is a peak
        for (int i = 0; i < t; i++) {
            nav += x[i];
            if (nav > peak) peak = nav;
            double dd = peak - nav;
            if (dd > worst) worst = dd;
        }
        return worst;
    }

    /** {@code dd_t = NAV_t - max_{u<=t} NAV_u} with {@code NAV = 1 + cumulative sum} (non-positive). */
    static void drawdowns(double[] x, int t, double[] out) {
        double nav = 1, peak = 1;
        for (int i = 0; i < t; i++) {
            nav += x[i];
            if (nav > peak) peak = nav;
            out[i] = -(peak - nav);
        }
    }

    /** Entries {@code tail needs}: {@code ceil(alpha t)}. */
    public static int tailSize(double alpha, int t) {
        return Math.max(1, (int) Math.ceil(alpha * t));
    }

    /**
     * riskfolio's CVaR_Hist rule on {@code x[0..t)}: with {@code j = ceil(alpha T) - 1} and the
     * {@code j + 1} smallest values {@code s_0 <= ... <= s_j}, {@code -s_j - Σ (s_i - s_j)/(alpha T)}.
     */
    static double tail(double[] x, int t, double alpha, double[] heap) {
        int index = (int) (Math.ceil(alpha * t) - 1);
        if (index < 0) index = 0;  // alpha T <= 0: riskfolio would index -1 (the maximum); alpha > 0 is checked upstream
        if (index > t - 1) index = t - 1;
        int m = index + 1;
        // max-heap of the m smallest values seen
        int size = 0;
        for (int i = 0; i < t; i++) {
            double v = x[i];
            if (size < m) {
                int c = size++;
                while (c > 0) {
                    int p = (c - 1) >> 1;
                    if (heap[p] >= v) break;
                    heap[c] = heap[p];
                    c = p;
                }
                heap[c] = v;
            } else if (v < heap[0]) {
                siftDown(heap, size, v);
            }
        }
        double var = heap[0];  // the m-th smallest, s_j
        double sum = 0;
        for (int i = 0; i < m; i++) sum = sum + heap[i] - var;
        return -var - sum / (alpha * t);
    }

    private static void siftDown(double[] heap, int size, double v) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) break;
            int r = l + 1;
            int big = r < size && heap[r] > heap[l] ? r : l;
            if (heap[big] <= v) break;
            heap[c] = heap[big];
            c = big;
        }
        heap[c] = v;
    }
}
