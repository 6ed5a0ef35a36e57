package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ta} feature when some of its indicators are {@link FeatureIndicator.Computed computed}
 * ones: the Ta4j indicators go through one {@link TaFeature} (which keeps its series and memo),
 * the computed ones are asked at each decision, and the values are written asset-major in the
 * order the indicators were listed, as {@link TaFeature} writes them. Non-finite values are
 * written as 0, as {@link TaFeature} does for values that cannot be computed.
 */
final class IndicatorFeature implements Feature, RunScoped {

    private final List<FeatureIndicator> indicators;
    private final TaFeature ta;
    private final int taOutputs;
    private final int outputs;
    private final int warmup;
    private float[] taValues = new float[0];
    private double[][] computed;

    IndicatorFeature(List<? extends FeatureIndicator> indicators, TaPrices prices) {
        if (indicators.isEmpty()) throw new IllegalArgumentException("ta needs at least one indicator");
        this.indicators = List.copyOf(indicators);
        List<TaIndicator> builtIn = new ArrayList<>();
        int w = 1, k = 0;
        for (FeatureIndicator i : this.indicators) {
            k += i.outputs();
            if (i instanceof TaIndicator t) builtIn.add(t);
            else w = Math.max(w, ((FeatureIndicator.Computed) i).warmup());
        }
        this.ta = builtIn.isEmpty() ? null : new TaFeature(builtIn, prices);
        this.taOutputs = builtIn.stream().mapToInt(TaIndicator::outputs).sum();
        this.warmup = ta == null ? w : Math.max(w, ta.warmup());
        this.outputs = k;
        this.computed = new double[this.indicators.size()][];
    }

    @Override
    public String label() {
        StringBuilder b = new StringBuilder("ta(");
        for (int k = 0; k < indicators.size(); k++) b.append(k == 0 ? "" : ", ").append(indicators.get(k).label());
        return b.append(')').toString();
    }

    @Override public int warmup() { return warmup; }

    @Override public int width(int assets) { return assets * outputs; }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        final int assets = history.assets();
        if (ta != null) {
            if (taValues.length != assets * taOutputs) taValues = new float[assets * taOutputs];
            ta.write(history, account, taValues, 0);
        }
        for (int j = 0; j < indicators.size(); j++) {
            if (!(indicators.get(j) instanceof FeatureIndicator.Computed c)) continue;
            if (computed[j] == null || computed[j].length != assets * c.outputs()) computed[j] = new double[assets * c.outputs()];
            c.compute(history, computed[j]);
        }
        int at = offset;
        for (int i = 0; i < assets; i++) {
            int fromTa = i * taOutputs;
            for (int j = 0; j < indicators.size(); j++) {
                FeatureIndicator indicator = indicators.get(j);
                int n = indicator.outputs();
                if (indicator instanceof TaIndicator) {
                    System.arraycopy(taValues, fromTa, out, at, n);
                    fromTa += n;
                } else {
                    for (int v = 0; v < n; v++) {
                        double x = computed[j][i * n + v];
                        out[at + v] = Double.isFinite(x) ? (float) x : 0f;
                    }
                }
                at += n;
            }
        }
    }

    @Override
    public void startRun(long seed) {
        for (FeatureIndicator i : indicators) if (i instanceof RunScoped s) s.startRun(seed);
    }

    @Override
    public void close() {
        for (FeatureIndicator i : indicators) if (i instanceof RunScoped s) s.close();
    }
}
