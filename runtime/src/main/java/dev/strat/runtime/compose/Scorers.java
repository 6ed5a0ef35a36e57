package dev.strat.runtime.compose;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.RunSetup;

import java.util.SplittableRandom;

/** The rule-based scorers: momentum, low volatility and a random shuffle. */
public final class Scorers {

    private Scorers() {
    }

    /**
     * The return over the last {@code lookback} bars, {@code close(now) / close(now - lookback) - 1}:
     * past winners first (cross-sectional momentum). Warm-up {@code lookback + 1} bars.
     */
    public static Scorer momentum(int lookback) {
        if (lookback < 1) throw new IllegalArgumentException("momentum: lookback must be >= 1 bar, got " + lookback);
        return new Scorer() {
            @Override
            public String label() { return "momentum(lookback=" + lookback + ")"; }

            @Override
            public int warmup() { return lookback + 1; }

            @Override
            public void score(History history, double[] scores) {
                for (int i = 0; i < history.assets(); i++) scores[i] = history.close(0, i) / history.close(lookback, i) - 1;
            }
        };
    }

    /**
     * Minus the sample standard deviation of the last {@code lookback} one-bar simple returns:
     * the calmest assets first. Warm-up {@code lookback + 1} bars.
     */
    public static Scorer lowVolatility(int lookback) {
        if (lookback < 2) throw new IllegalArgumentException("low_vol: lookback must be >= 2 bars, got " + lookback);
        return new Scorer() {
            @Override
            public String label() { return "low_vol(lookback=" + lookback + ")"; }

            @Override
            public int warmup() { return lookback + 1; }

            @Override
            public void score(History history, double[] scores) {
                for (int i = 0; i < history.assets(); i++) {
                    double sum = 0, squares = 0;
                    for (int lag = 0; lag < lookback; lag++) {
                        double r = history.relative(lag, i) - 1;
                        sum += r;
                        squares += r * r;
                    }
                    double mean = sum / lookback;
                    double variance = Math.max(0, (squares - lookback * mean * mean) / (lookback - 1));
                    scores[i] = -Math.sqrt(variance);
                }
            }
        };
    }

    /**
     * Independent uniform scores at every ranking, from {@code random(owner + "/scorer")}: a random
     * pick, the baseline a learned selector must beat. Same seed, same picks.
     */
    public static Scorer shuffle() {
        return new Scorer() {
            private SplittableRandom random;

            @Override
            public String label() { return "shuffle"; }

            @Override
            public void reset(RunSetup setup, String owner) {
                random = setup.random(owner + "/scorer");
            }

            @Override
            public void score(History history, double[] scores) {
                for (int i = 0; i < history.assets(); i++) scores[i] = random.nextDouble();
            }
        };
    }
}
