package dev.strat.runtime.data;

import java.util.List;

/**
 * A multivariate geometric Brownian motion fitted to a market: log returns per bar are
 * {@code mean + L z} with {@code z} standard normal and {@code L} the lower Cholesky factor of
 * {@code covariance}. Arrays are owned by the model; do not modify them.
 *
 * @param source     name of the market it was fitted to
 * @param symbols    asset symbols, in column order
 * @param mean       per-bar mean log return of each asset
 * @param covariance per-bar covariance of log returns (sample covariance, divisor T-1)
 * @param cholesky   lower-triangular L with L L' = covariance + ridge * I
 * @param ridge      diagonal jitter that was needed to make the covariance positive definite (0 normally)
 * @param start      closes at the last calibration bar, where simulated paths start
 * @param lastTime   epoch seconds of the last calibration bar; simulated bars follow it
 * @param frequency  the market's frequency, kept by the simulated paths
 * @param samples    number of log returns the estimate used
 */
public record GbmModel(String source, List<String> symbols, double[] mean, double[][] covariance, double[][] cholesky,
                       double ridge, double[] start, long lastTime, Frequency frequency, int samples) {

    public GbmModel {
        symbols = List.copyOf(symbols);
    }

    public int assets() { return symbols.size(); }
}
