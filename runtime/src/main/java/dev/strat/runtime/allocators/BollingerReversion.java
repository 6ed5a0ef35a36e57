package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * Bollinger-band mean reversion (J. Bollinger, "Bollinger on Bollinger Bands", McGraw-Hill 2001):
 * an asset whose close is below its lower band {@code MA_w - k·sd_w} (moving average and
 * population standard deviation of the last {@code w} closes, the current one included) is
 * oversold and bought; all such assets share the book equally. When no asset is oversold the
 * strategy holds cash rather than everything: a reversion signal says nothing about assets
 * trading inside their bands, and holding them would turn the baseline into a diluted
 * buy-the-market portfolio whose returns no longer measure mean reversion.
 */
public final class BollingerReversion implements Stage {

    private final String label;
    private final int window;
    private final double k;
    private boolean[] chosen;

    public BollingerReversion(String label, int window, double k) {
        if (window < 2) throw new IllegalArgumentException("MR window must be >= 2");
        if (!(k >= 0) || !Double.isFinite(k)) throw new IllegalArgumentException("MR k must be finite and >= 0");
        this.label = label;
        this.window = window;
        this.k = k;
    }

    @Override public String label() { return label; }

    @Override public int warmup() { return window; }

    @Override
    public void reset(RunSetup setup) {
        chosen = new boolean[setup.assets()];
    }

    @Override
    public void propose(Decision decision, double[] out) {
        History h = decision.history();
        if (h.available() < window) {
            Weights.cash(out);
            return;
        }
        for (int i = 0; i < chosen.length; i++) {
            double sum = 0;
            for (int lag = 0; lag < window; lag++) sum += h.close(lag, i);
            double mean = sum / window, ss = 0;
            for (int lag = 0; lag < window; lag++) {
                double d = h.close(lag, i) - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / window);
            chosen[i] = h.close(0, i) < mean - k * sd;
        }
        Weights.equalOver(chosen, out);
    }
}
