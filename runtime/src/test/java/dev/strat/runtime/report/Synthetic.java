package dev.strat.runtime.report;

import dev.strat.runtime.metrics.MetricId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Deterministic synthetic report inputs: random-walk wealth and slowly drifting weights. */
final class Synthetic {

    static final long START = 1_420_156_800L; // 2015-01-02T00:00:00Z
    static final long DAY = 86_400L;

    private Synthetic() {
    }

    static long[] days(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) t[i] = START + i * DAY;
        return t;
    }

    static double[] wealth(int n, double drift, double vol, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[n];
        w[0] = 1_000_000;
        for (int i = 1; i < n; i++) w[i] = w[i - 1] * Math.exp(drift + vol * gaussian(rnd));
        return w;
    }

    /** Rows x (assets + 1) weights summing to 1, cash last, drifting smoothly. */
    static double[] weights(int rows, int assets, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int cols = assets + 1;
        double[] level = new double[cols];
        for (int c = 0; c < cols; c++) level[c] = rnd.nextDouble(0.2, 2.0) * (c < 3 ? 3 : 1);
        double[] w = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                level[c] = Math.max(0.01, level[c] * Math.exp(0.08 * gaussian(rnd)));
                sum += level[c];
            }
            for (int c = 0; c < cols; c++) w[r * cols + c] = level[c] / sum;
        }
        return w;
    }

    static List<String> columns(int assets) {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < assets; i++) cols.add("A" + (char) ('A' + i % 26) + (i / 26 == 0 ? "" : Integer.toString(i / 26)));
        cols.add("cash");
        return cols;
    }

    static ReportData data(List<String> strategies, List<String> labels, int bars, int assets) {
        List<MetricColumn> cols = List.of(MetricColumn.of(MetricId.ANNUAL_RETURN), MetricColumn.of(MetricId.SHARPE),
                MetricColumn.of(MetricId.MAX_DRAWDOWN));
        List<ReportRow> rows = new ArrayList<>();
        List<SeriesSet> series = new ArrayList<>();
        long[] t = days(bars);
        for (int i = 0; i < strategies.size(); i++) {
            double[] w = wealth(bars, 0.0002 + 0.0002 * i, 0.008 + 0.003 * i, 7 + i);
            double years = (bars - 1) / 252.0;
            double ar = Math.pow(w[bars - 1] / w[0], 1 / years) - 1;
            double mdd = SeriesMath.maxDrawdown(w);
            double sharpe = 0.4 + 0.3 * i;
            rows.add(new ReportRow(strategies.get(i), labels.get(i),
                    List.of(String.format("%.2f %%", 100 * ar), String.format("%.2f ± %.2f", sharpe, 0.1),
                            String.format("%.2f %%", 100 * mdd)),
                    new double[] {ar, sharpe, mdd}, new double[] {Double.NaN, 0.1 + 0.05 * i, Double.NaN}));
            series.add(new SeriesSet(strategies.get(i), t, w, columns(assets), weights(bars - 1, assets, 100 + i)));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("data", "../shared/data/us_large_caps_daily.csv.gz");
        settings.put("test period", "2015-01-02..2016-12-30");
        settings.put("costs", "fee 0.25%, slippage 0%..0.1%");
        settings.put("capital", "1000000");
        settings.put("frequency", "daily, 252 periods/yr");
        settings.put("seeds", "1, 2, 3");
        settings.put("strat version", "0.1.0-SNAPSHOT");
        settings.put("command", "strat run examples/cmp.strat --report out/cmp");
        return new ReportData("experiment cmp", "us large caps, test 2015..2016, 3 seeds", settings, cols, rows,
                series, 252, List.of("AAPL: 3 missing closes forward-filled", "symbol <BRK.B> dropped: no data"));
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
