package dev.strat.runtime.risk;

/**
 * The series risk measures of {@link RiskMeasure} on one return series {@code x[0..t)}, exactly
 * riskfolio-lib's {@code MAD}, {@code CVaR_Hist}, {@code CDaR_Abs} and {@code MDD_Abs}. The tail
 * measures need only the {@code ceil(alpha T)} smallest values, which a quickselect finds in
 * linear time instead of sorting all T.
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

    /** Historical CVaR at {@code alpha}; {@code scratch} needs {@code t} entries ({@code x} is left as is). */
    public static double cvar(double[] x, int t, double alpha, double[] scratch) {
        System.arraycopy(x, 0, scratch, 0, t);
        return tail(scratch, t, alpha);
    }

    /**
     * CDaR at {@code alpha} of the uncompounded cumulative returns; {@code drawdowns} (t entries)
     * receives the T drawdowns, partially reordered by the tail selection.
     */
    public static double cdar(double[] x, int t, double alpha, double[] drawdowns) {
        drawdowns(x, t, drawdowns);
        return tail(drawdowns, t, alpha);
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

    /** How many values the tail averages: riskfolio's {@code ceil(alpha T)} (at least 1). */
    public static int tailSize(double alpha, int t) {
        return Math.max(1, (int) Math.ceil(alpha * t));
    }

    /**
     * riskfolio's CVaR_Hist rule on {@code v[0..t)}, which it reorders: with {@code j = ceil(alpha T) - 1}
     * and the {@code j + 1} smallest values {@code s_0 <= ... <= s_j},
     * {@code -s_j - Σ (s_i - s_j) / (alpha T)}. A quickselect puts the {@code j + 1} smallest first
     * (in some order, which only moves the sum's rounding) instead of sorting all T.
     */
    static double tail(double[] v, int t, double alpha) {
        int index = (int) (Math.ceil(alpha * t) - 1);
        if (index < 0) index = 0;   // alpha > 0 is checked upstream; guards alpha T rounding to 0
        if (index > t - 1) index = t - 1;
        select(v, t, index);
        double var = v[index];
        double sum = 0;
        for (int i = 0; i <= index; i++) sum = sum + v[i] - var;
        return -var - sum / (alpha * t);
    }

    /** Hoare quickselect: afterwards {@code v[k]} is the k-th smallest and {@code v[0..k)} are <= it. */
    static void select(double[] v, int len, int k) {
        int lo = 0, hi = len - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot
            if (v[mid] < v[lo]) swap(v, mid, lo);
            if (v[hi] < v[lo]) swap(v, hi, lo);
            if (v[hi] < v[mid]) swap(v, hi, mid);
            double pivot = v[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (v[i] < pivot) i++;
                while (v[j] > pivot) j--;
                if (i <= j) {
                    swap(v, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    private static void swap(double[] v, int a, int b) {
        double x = v[a];
        v[a] = v[b];
        v[b] = x;
    }
}
