package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.pipeline.StageReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the backtests of consecutive walk-forward windows into one run over their concatenated test
 * span, and cuts one run into the windows' pieces.
 *
 * <p>Chaining: window {@code k + 1} starts with window {@code k}'s final wealth. The experiment's
 * windows are legs of one account ({@link dev.strat.runtime.backtest.Backtester.Leg}): each starts
 * from the weights and wealth the one before ended with, so their wealth paths already join and are
 * copied as they are, and the concatenation is exactly the account's continuous run. Windows that
 * were each backtested on an account of their own (starting wealth differing from the previous
 * window's final wealth) have their wealth path scaled to the chained wealth instead; costs are a
 * fraction of wealth ({@link dev.strat.runtime.backtest.CostModel}), so that is the path such a
 * window would have had with the chained capital.
 */
public final class RunChaining {

    private RunChaining() {
    }

    /**
     * The run over {@code windows} back to back: times and wealth joined at the shared boundary bar
     * (wealth chained), weights, turnover and costs concatenated, stage series concatenated (NaN
     * where a window did not report a series; categorical labels merged, first seen first) and
     * counters summed. Name, label, seed and symbols are the first window's.
     */
    public static BacktestResult concat(List<BacktestResult> windows) {
        if (windows.isEmpty()) throw new IllegalArgumentException("nothing to concatenate");
        if (windows.size() == 1) return windows.get(0);
        BacktestResult first = windows.get(0);
        int m = first.assets() + 1;
        int periods = 0;
        for (BacktestResult w : windows) periods += w.periods();
        long[] times = new long[periods + 1];
        double[] wealth = new double[periods + 1];
        double[] weights = new double[periods * m];
        double[] turnover = new double[periods];
        double[] costs = new double[periods];
        times[0] = first.times()[0];
        wealth[0] = first.wealth()[0];
        int at = 0;
        for (int k = 0; k < windows.size(); k++) {
            BacktestResult w = windows.get(k);
            if (k > 0 && w.times()[0] != times[at]) {
                throw new IllegalArgumentException("window " + k + " does not start where window " + (k - 1) + " ends");
            }
            int p = w.periods();
            // a carried window continues the wealth as it is; only a window on its own account is rescaled
            boolean continues = w.wealth()[0] == wealth[at];
            double scale = continues ? 1 : wealth[at] / w.wealth()[0];
            for (int t = 1; t <= p; t++) {
                times[at + t] = w.times()[t];
                wealth[at + t] = continues ? w.wealth()[t] : w.wealth()[t] * scale;
            }
            System.arraycopy(w.weights(), 0, weights, at * m, p * m);
            System.arraycopy(w.turnover(), 0, turnover, at, p);
            System.arraycopy(w.costs(), 0, costs, at, p);
            at += p;
        }
        return new BacktestResult(first.strategy(), first.label(), first.seed(), first.symbols(), times, wealth, weights,
                turnover, costs, first.periodsPerYear(), concatReports(windows, periods));
    }

    /**
     * Periods {@code from .. to - 1} of {@code run} as a run of their own (wealth {@code from .. to}).
     * Stage series are cut the same way; counters cover the whole run and are not split, so the
     * piece has none.
     */
    public static BacktestResult slice(BacktestResult run, int from, int to) {
        if (from < 0 || to <= from || to > run.periods()) {
            throw new IllegalArgumentException("cannot cut periods " + from + ".." + to + " from a run of " + run.periods());
        }
        int m = run.assets() + 1;
        Map<String, double[]> series = new LinkedHashMap<>();
        run.reports().series().forEach((k, v) -> series.put(k, Arrays.copyOfRange(v, from, to)));
        StageReport reports = new StageReport(series, run.reports().categories(), Map.of());
        return new BacktestResult(run.strategy(), run.label(), run.seed(), run.symbols(),
                Arrays.copyOfRange(run.times(), from, to + 1), Arrays.copyOfRange(run.wealth(), from, to + 1),
                Arrays.copyOfRange(run.weights(), from * m, to * m), Arrays.copyOfRange(run.turnover(), from, to),
                Arrays.copyOfRange(run.costs(), from, to), run.periodsPerYear(), reports);
    }

    private static StageReport concatReports(List<BacktestResult> windows, int periods) {
        Map<String, double[]> series = new LinkedHashMap<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        Map<String, Long> counters = new LinkedHashMap<>();
        int at = 0;
        for (BacktestResult w : windows) {
            StageReport r = w.reports();
            for (Map.Entry<String, double[]> e : r.series().entrySet()) {
                double[] out = series.computeIfAbsent(e.getKey(), k -> {
                    double[] v = new double[periods];
                    Arrays.fill(v, Double.NaN);
                    return v;
                });
                double[] in = e.getValue();
                List<String> own = r.categoriesOf(e.getKey());
                if (own.isEmpty()) {
                    System.arraycopy(in, 0, out, at, in.length);
                    continue;
                }
                // a window may name categories differently: map its indices into the merged label list
                List<String> merged = labels.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                for (String l : own) if (!merged.contains(l)) merged.add(l);
                for (int t = 0; t < in.length; t++) {
                    double v = in[t];
                    int i = (int) v;
                    out[at + t] = Double.isFinite(v) && i == v && i >= 0 && i < own.size() ? merged.indexOf(own.get(i)) : v;
                }
            }
            r.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
            at += w.periods();
        }
        return new StageReport(series, labels, counters);
    }
}
