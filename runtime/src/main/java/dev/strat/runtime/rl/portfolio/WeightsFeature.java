package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.History;

/** The weights held now, drifted with prices since the last rebalance: N + 1 values, cash last. */
final class WeightsFeature implements Feature {

    @Override
    public String label() { return "weights"; }

    @Override
    public int warmup() { return 1; }

    @Override
    public int width(int assets) { return assets + 1; }

    @Override
    public void write(History history, AccountState account, float[] out, int offset) {
        final double[] w = account.weights();
        for (int j = 0; j < w.length; j++) out[offset + j] = (float) w[j];
    }
}
