package dev.strat.runtime.rl.portfolio;

import java.util.Arrays;

/**
 * How the {@code ta(...)} feature reads a bar's open, high and low when the close is adjusted for
 * dividends and they are not, as in {@code ripo_sp500_top10_daily} (Yahoo's adjusted close beside
 * split-only-adjusted open, high and low; the close can sit below the low on early dates). Mixed
 * scales corrupt every indicator that compares the close with the range (Williams %R, stochastic,
 * BOP, CCI, ATR, the directional indicators).
 *
 * <h2>Policy</h2>
 * The right fix scales open, high and low by the adjustment factor f = adjusted close / raw close.
 * No data set here stores the raw close, so {@link #SCALED} estimates f, causally: the adjustment
 * factor moves only on ex-dividend days, by a fraction of a percent, while the open of a bar sits
 * next to the previous bar's raw close (the overnight gap). So f at bar t is estimated as the
 * median over the last {@value #WINDOW} bars s <= t of close(s - 1) / open(s): the median shrugs
 * off gap days, and it reads no bar after t. Open, high and low are multiplied by f, then the high
 * is raised and the low lowered to take in the close and the scaled open, so that every bar is
 * consistent (low <= open, close <= high), which the range indicators assume. A quarter of bars
 * keeps the estimate steady (its noise would otherwise jitter the typical price CCI reads) at the
 * cost of following a dividend step about half a quarter late; early bars use the ratios there are
 * (no extra warm-up: the estimate only gets steadier). On unadjusted data
 * f stays within the typical overnight gap of 1; close-only data (open, high, low missing) reads
 * the close and is left as it is. Volume is never scaled (dividends do not change it).
 *
 * <p>{@link #AS_STORED} reads the prices as the file stores them.
 */
public enum TaPrices {
    /** Open, high and low as stored. */
    AS_STORED,
    /** Open, high and low scaled by the estimated adjustment factor, bars made consistent. */
    SCALED;

    /** Bars of overnight ratios the factor is the median of. */
    public static final int WINDOW = 63;

    /**
     * The estimated adjustment factor of bar {@code t} of one asset: the median of
     * {@code closes[s - 1] / opens[s]} over {@code s} in {@code (t - WINDOW, t]}, {@code s >= 1},
     * skipping missing or non-positive prices; 1 when there is no such ratio. Reads indices up
     * to {@code t} only. Arrays are strided: element {@code s} is at {@code offset + s * stride}.
     */
    static double factor(double[] values, int closeOffset, int openOffset, int stride, int t) {
        double[] ratios = new double[WINDOW];
        int m = 0;
        for (int s = Math.max(1, t - WINDOW + 1); s <= t; s++) {
            double prevClose = values[closeOffset + (s - 1) * stride];
            double open = values[openOffset + s * stride];
            if (prevClose > 0 && open > 0) ratios[m++] = prevClose / open;
        }
        if (m == 0) return 1;
        Arrays.sort(ratios, 0, m);
        return m % 2 == 1 ? ratios[m / 2] : (ratios[m / 2 - 1] + ratios[m / 2]) / 2;
    }
}
