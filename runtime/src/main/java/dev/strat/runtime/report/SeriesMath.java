package dev.strat.runtime.report;

/** The transformations of a wealth path that the charts draw. */
public final class SeriesMath {

    private SeriesMath() {
    }

    /** Wealth divided by its first value, so every curve starts at 1. */
    public static double[] normalised(double[] wealth) {
        double[] out = new double[wealth.length];
        double w0 = wealth[0];
        for (int t = 0; t < wealth.length; t++) out[t] = wealth[t] / w0;
        return out;
    }

    /**
     * The underwater curve {@code V_t / max_{s <= t} V_s - 1}: 0 at a new high, negative below it
     * (-0.25 is 25 % under the running peak).
     */
    public static double[] drawdown(double[] wealth) {
        double[] out = new double[wealth.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < wealth.length; t++) {
            if (wealth[t] > peak) peak = wealth[t];
            out[t] = wealth[t] / peak - 1;
        }
        return out;
    }

    /** Maximum drawdown {@code max_t 1 - V_t / max_{s <= t} V_s} as a positive fraction. */
    public static double maxDrawdown(double[] wealth) {
        double worst = 0;
        for (double d : drawdown(wealth)) worst = Math.min(worst, d);
        return -worst;
    }

    /**
     * Annualised Sharpe ratio ({@code rf = 0}) of the last {@code window} period returns, at every
     * time that has that many: entry {@code k} belongs to time index {@code k + window}. Uses the
     * sample standard deviation; a window with zero variance gives {@code NaN}.
     */
    public static double[] rollingSharpe(double[] wealth, int window, double periodsPerYear) {
        if (window < 2) throw new IllegalArgumentException("rolling window must be at least 2, got " + window);
        int periods = wealth.length - 1;
        if (periods < window) return new double[0];
        double[] r = new double[periods];
        for (int t = 0; t < periods; t++) r[t] = wealth[t + 1] / wealth[t] - 1;
        double[] out = new double[periods - window + 1];
        double scale = Math.sqrt(periodsPerYear);
        // Recomputing each window is O(T * window); running sums are O(T) and accurate enough
        // for returns of order 1e-2 (checked against the direct formula in the tests).
        // Non-finite returns (after a total loss) count as missing: windows holding one give NaN
        // instead of poisoning every later window through the running sums.
        double sum = 0, sumSq = 0;
        int missing = 0;
        for (int t = 0; t < periods; t++) {
            if (Double.isFinite(r[t])) {
                sum += r[t];
                sumSq += r[t] * r[t];
            } else {
                missing++;
            }
            if (t >= window) {
                double old = r[t - window];
                if (Double.isFinite(old)) {
                    sum -= old;
                    sumSq -= old * old;
                } else {
                    missing--;
                }
            }
            if (t >= window - 1) {
                double mean = sum / window;
                double var = (sumSq - window * mean * mean) / (window - 1);
                out[t - window + 1] = missing == 0 && var > 1e-20 ? scale * mean / Math.sqrt(var) : Double.NaN;
            }
        }
        return out;
    }

    /**
     * Mean of the last {@code window} values at each index (fewer at the start), skipping NaNs;
     * NaN where the window holds none.
     */
    public static double[] trailingMean(double[] values, int window) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1");
        double[] out = new double[values.length];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                sum += values[i];
                count++;
            }
            int drop = i - window;
            if (drop >= 0 && Double.isFinite(values[drop])) {
                sum -= values[drop];
                count--;
            }
            out[i] = count == 0 ? Double.NaN : sum / count;
        }
        return out;
    }
}
