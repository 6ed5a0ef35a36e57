package dev.strat.runtime.allocators;

import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test harness: builds small markets from hand-written closes and drives a stage through them the
 * way the backtester does (one decision per bar, holdings drifting with prices in between, the
 * stage seeing the market only through an advancing {@link History}).
 */
public final class Drive {

    private Drive() {
    }

    /** A market from rows of closes, one row per bar, daily bars from 2020-01-01. */
    public static MarketData market(double[]... rows) {
        int n = rows[0].length;
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < n; i++) symbols.add(String.valueOf((char) ('A' + i)));
        return market(symbols, rows);
    }

    public static MarketData market(List<String> symbols, double[]... rows) {
        int n = symbols.size(), t = rows.length;
        double[] close = new double[t * n];
        long[] times = new long[t];
        for (int k = 0; k < t; k++) {
            times[k] = 1_577_836_800L + 86_400L * k;
            System.arraycopy(rows[k], 0, close, k * n, n);
        }
        return new MarketData("test", symbols, Map.of(), times, null, null, null, close, null, Frequency.DAILY_STOCKS);
    }

    /** A random geometric-walk market of n assets and t bars. */
    public static MarketData random(int n, int t, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] rows = new double[t][n];
        for (int i = 0; i < n; i++) rows[0][i] = 10 + 90 * rnd.nextDouble();
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) vol[i] = 0.005 + 0.03 * rnd.nextDouble();
        for (int k = 1; k < t; k++) {
            for (int i = 0; i < n; i++) {
                double z = gaussian(rnd);
                rows[k][i] = rows[k - 1][i] * Math.exp(0.0003 + vol[i] * z);
            }
        }
        return market(rows);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = Math.max(rnd.nextDouble(), 1e-300), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Runs the stage with decisions at bars {@code first..last} and returns each proposal
     * (row k = decision at bar first + k). The proposal handed to the stage is the current holdings,
     * as for the first stage of a pipeline; holdings start in cash.
     */
    public static double[][] run(Stage stage, MarketData market, int first, int last) {
        return run(stage, market, first, last, null);
    }

    /** As {@link #run(Stage, MarketData, int, int)}, with the incoming proposal given per step. */
    public static double[][] run(Stage stage, MarketData market, int first, int last, double[][] proposals) {
        int n = market.assets();
        stage.reset(new RunSetup(market.symbols(), market.frequency(), 7L, first, last));
        History.Cursor cursor = History.cursor(market, first);
        History history = cursor.view();
        double[] current = new double[n + 1];
        current[n] = 1.0;
        double wealth = 1.0;
        double[][] out = new double[last - first + 1][];
        for (int t = first; t <= last; t++) {
            cursor.advanceTo(t);
            int step = t - first;
            double[] proposal = proposals == null ? current.clone() : proposals[step].clone();
            double[] cur = current.clone();
            double[] w = new double[n + 1];
            stage.propose(new Decision(history, step, proposal, cur, wealth), w);
            out[step] = w;
            if (t + 1 < market.bars()) {
                double growth = w[n];
                for (int i = 0; i < n; i++) growth += w[i] * market.relative(t + 1, i);
                for (int i = 0; i < n; i++) current[i] = w[i] * market.relative(t + 1, i) / growth;
                current[n] = w[n] / growth;
                wealth *= growth;
            }
        }
        return out;
    }

    /** Asserts a weight vector is long-only and sums to 1. */
    public static void assertValid(double[] w) {
        double sum = 0;
        for (double v : w) {
            if (!(v >= -1e-12) || !Double.isFinite(v)) throw new AssertionError("invalid weight " + v + " in " + java.util.Arrays.toString(w));
            sum += v;
        }
        if (Math.abs(sum - 1) > 1e-9) throw new AssertionError("weights sum to " + sum + ": " + java.util.Arrays.toString(w));
    }
}
