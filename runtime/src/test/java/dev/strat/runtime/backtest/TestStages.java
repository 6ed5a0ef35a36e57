package dev.strat.runtime.backtest;

import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test-only stages and markets shared by the backtest, metrics and experiment tests. */
public final class TestStages {

    private TestStages() {
    }

    /** Rebalances to the same weights (N + 1, cash last) at every decision. */
    public static Stage constant(String label, double... weights) {
        return new Stage() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public void reset(RunSetup setup) {
                if (setup.assets() + 1 != weights.length) throw new IllegalArgumentException("wrong width");
            }

            @Override
            public void propose(Decision decision, double[] out) {
                System.arraycopy(weights, 0, out, 0, weights.length);
            }
        };
    }

    /** Random long-only weights drawn from the run's seed: a stand-in for a stochastic agent. */
    public static Stage randomWeights() {
        return new Stage() {
            private SplittableRandom random;

            @Override
            public String label() {
                return "random";
            }

            @Override
            public void reset(RunSetup setup) {
                random = setup.random("agent");
            }

            @Override
            public void propose(Decision decision, double[] out) {
                double sum = 0;
                for (int j = 0; j < out.length; j++) {
                    out[j] = -Math.log(1 - random.nextDouble());
                    sum += out[j];
                }
                for (int j = 0; j < out.length; j++) out[j] /= sum;
            }
        };
    }

    /** A daily market from 2019-01-01 (consecutive days) with the given closes, one row per bar. */
    public static MarketData market(List<String> symbols, double[][] closes) {
        int n = symbols.size();
        long[] times = new long[closes.length];
        double[] flat = new double[closes.length * n];
        long day0 = LocalDate.of(2019, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (int t = 0; t < closes.length; t++) {
            times[t] = day0 + 86_400L * t;
            System.arraycopy(closes[t], 0, flat, t * n, n);
        }
        return new MarketData("test", symbols, Map.of(), times, null, null, null, flat, null, Frequency.DAILY_STOCKS);
    }
}
