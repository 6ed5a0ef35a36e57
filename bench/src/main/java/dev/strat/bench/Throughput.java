package dev.strat.bench;

import java.util.Arrays;

/**
 * The result of {@link BacktestBench#measure}: asset-steps per second of each timed round.
 *
 * @param stage      the measured stage's label
 * @param assets     assets of the market
 * @param periods    decisions per backtest
 * @param iterations backtests per timed round
 * @param cpuClock   true when rounds were timed on the thread's CPU clock, false for wall clock
 * @param rates      asset-steps per second of each round, sorted ascending
 */
public record Throughput(String stage, int assets, int periods, int iterations, boolean cpuClock, double[] rates) {

    public Throughput {
        if (rates.length == 0) throw new IllegalArgumentException("no timed rounds");
        rates = rates.clone();
        Arrays.sort(rates);
    }

    /** Summarises per-round rates (the array is not modified). */
    public static Throughput of(String stage, int assets, int periods, int iterations, boolean cpuClock, double[] rates) {
        return new Throughput(stage, assets, periods, iterations, cpuClock, rates);
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    /** Median round, asset-steps per second. */
    public double median() {
        int mid = rates.length / 2;
        return rates.length % 2 == 1 ? rates[mid] : 0.5 * (rates[mid - 1] + rates[mid]);
    }

    /** Slowest round. */
    public double min() {
        return rates[0];
    }

    /** Fastest round. */
    public double max() {
        return rates[rates.length - 1];
    }

    /** Number of timed rounds. */
    public int rounds() {
        return rates.length;
    }

    /** Milliseconds one backtest takes at the median rate. */
    public double millisPerRun() {
        return (double) periods * assets / median() * 1e3;
    }
}
