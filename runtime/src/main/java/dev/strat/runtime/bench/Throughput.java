package dev.strat.runtime.bench;

import java.util.Arrays;

/**
 * The result of {@link BacktestBench#measure}: asset-steps per second of each timed round, summarised.
 *
 * @param stage      the measured stage's label
 * @param assets     assets of the market
 * @param periods    decisions per backtest
 * @param iterations backtests per timed round
 * @param cpuClock   true when rounds were timed on the thread's CPU clock, false for wall clock
 * @param median     median round, asset-steps per second
 * @param min        slowest round
 * @param max        fastest round
 * @param rounds     number of timed rounds
 */
public record Throughput(String stage, int assets, int periods, int iterations, boolean cpuClock, double median, double min,
                         double max, int rounds) {

    /** Summarises per-round rates (the array is not modified). */
    public static Throughput of(String stage, int assets, int periods, int iterations, boolean cpuClock, double[] rates) {
        if (rates.length == 0) throw new IllegalArgumentException("no timed rounds");
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
        return new Throughput(stage, assets, periods, iterations, cpuClock, median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** Milliseconds one backtest takes at the median rate. */
    public double millisPerRun() {
        return (double) periods * assets / median * 1e3;
    }
}
