package dev.strat.runtime.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The stationary bootstrap of Politis and Romano (1994): resamples a series in blocks of random,
 * geometrically distributed length (mean {@code meanBlock}) that wrap around the end, so the
 * resample is stationary and keeps short-range dependence. Percentile confidence intervals for
 * any metric computed from a return series.
 */
public final class StationaryBootstrap {

    /**
     * A confidence interval.
     *
     * @param estimate the metric on the original series
     * @param lower    the lower percentile bound
     * @param upper    the upper percentile bound
     * @param level    the coverage asked for, e.g. 0.95
     * @param valid    the number of resamples whose metric was defined (NaN ones are left out)
     */
    public record Interval(double estimate, double lower, double upper, double level, int valid) {
    }

    private StationaryBootstrap() {
    }

    /**
     * One stationary-bootstrap resample of {@code series} into {@code out}.
     *
     * @param meanBlock mean block length, at least 1 (1 gives the i.i.d. bootstrap)
     */
    public static void resample(double[] series, double meanBlock, SplittableRandom rng, double[] out) {
        int t = series.length;
        double pNew = 1 / meanBlock;
        int at = rng.nextInt(t);
        for (int i = 0; i < out.length; i++) {
            if (i > 0) at = rng.nextDouble() < pNew ? rng.nextInt(t) : (at + 1) % t;
            out[i] = series[at];
        }
    }

    /**
     * The percentile interval of {@code metric} over {@code resamples} stationary-bootstrap resamples.
     *
     * @param level     coverage in (0, 1)
     * @param meanBlock mean block length in periods, at least 1
     * @param seed      random seed; same seed, same interval
     */
    public static Interval interval(double[] series, ToDoubleFunction<double[]> metric, double level, double meanBlock,
                                    int resamples, long seed) {
        if (series.length < 2) throw new IllegalArgumentException("a bootstrap needs at least 2 observations, got " + series.length);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must lie in (0, 1), got " + level);
        if (!(meanBlock >= 1)) throw new IllegalArgumentException("mean block length must be at least 1, got " + meanBlock);
        if (resamples < 1) throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] buf = new double[series.length];
        double[] stats = new double[resamples];
        int valid = 0;
        for (int k = 0; k < resamples; k++) {
            resample(series, meanBlock, rng, buf);
            double v = metric.applyAsDouble(buf);
            if (!Double.isNaN(v)) stats[valid++] = v;
        }
        double estimate = metric.applyAsDouble(series.clone());
        if (valid == 0) return new Interval(estimate, Double.NaN, Double.NaN, level, 0);
        double[] sorted = Arrays.copyOf(stats, valid);
        Arrays.sort(sorted);
        double tail = (1 - level) / 2;
        return new Interval(estimate, quantile(sorted, tail), quantile(sorted, 1 - tail), level, valid);
    }

    /** Linear-interpolated quantile of sorted values (type 7, as R's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
