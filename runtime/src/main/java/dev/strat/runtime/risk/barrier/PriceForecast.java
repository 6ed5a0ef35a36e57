package dev.strat.runtime.risk.barrier;

import dev.strat.runtime.data.History;

/**
 * The barrier controller's forecast of each asset's next price change, {@code dp_i}: the return the
 * controller's correction is steered towards, and the newest row of the predicted covariance.
 * It reads only the closes up to the decision bar.
 *
 * <p>Implementations are immutable and allocation-free per call, so one instance may serve every
 * run of a strategy.
 */
public sealed interface PriceForecast permits PriceForecast.MovingAverage, PriceForecast.ExponentialAverage {

    /** Closes the forecast reads, the decision bar's included. */
    int warmup();

    /**
     * Writes the forecast price change of each asset into {@code dp}.
     *
     * @param history closes up to the decision bar; at least {@link #warmup()} visible
     * @param dp      receives one fraction per asset of the history (its first {@code history.assets()}
     *                entries), e.g. 0.01 for +1%
     */
    void forecast(History history, double[] dp);

    /**
     * RiPO's forecast: {@code dp_i = (MA_i - P_{t,i}) / P_{t,i}}, MA the mean of the last
     * {@code window} closes (5 in the paper). It points back towards the recent mean: a
     * mean-reversion forecast, as the authors' code computes it.
     *
     * @param window closes in the mean, at least 1
     */
    record MovingAverage(int window) implements PriceForecast {
        public MovingAverage {
            if (window < 1) throw new IllegalArgumentException("the moving average needs at least 1 close, got " + window);
        }

        @Override public int warmup() { return window; }

        @Override
        public void forecast(History history, double[] dp) {
            for (int i = 0, n = history.assets(); i < n; i++) {
                double sum = 0;
                for (int k = 0; k < window; k++) sum += history.close(k, i);
                final double now = history.close(0, i);
                dp[i] = (sum / window - now) / now;
            }
        }
    }

    /**
     * Like {@link MovingAverage} with exponentially decaying weights: close k bars back weighs
     * {@code 0.5^(k / halflife)}, over the last {@code window} closes, the weights normalised.
     * Recent closes count more, so the forecast turns faster after a move.
     *
     * @param halflife bars after which a close's weight halves, above 0
     * @param window   closes read, at least 1
     */
    record ExponentialAverage(double halflife, int window) implements PriceForecast {
        public ExponentialAverage {
            if (!(halflife > 0) || Double.isInfinite(halflife)) {
                throw new IllegalArgumentException("the half-life must be a positive number of bars, got " + halflife);
            }
            if (window < 1) throw new IllegalArgumentException("the exponential average needs at least 1 close, got " + window);
        }

        @Override public int warmup() { return window; }

        @Override
        public void forecast(History history, double[] dp) {
            final double decay = Math.pow(0.5, 1 / halflife);
            for (int i = 0, n = history.assets(); i < n; i++) {
                double sum = 0, weights = 0, w = 1;
                for (int k = 0; k < window; k++) {
                    sum += w * history.close(k, i);
                    weights += w;
                    w *= decay;
                }
                final double now = history.close(0, i);
                dp[i] = (sum / weights - now) / now;
            }
        }
    }
}
