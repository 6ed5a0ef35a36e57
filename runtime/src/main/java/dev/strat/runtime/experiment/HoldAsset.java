package dev.strat.runtime.experiment;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.util.Arrays;

/**
 * The benchmark of an experiment that names a symbol ({@code benchmark SPY}): all wealth in that
 * one asset from the first decision on. A 100 % position drifts to 100 %, so it trades once, and
 * its wealth is the asset's price path net of that first trade's costs.
 */
public final class HoldAsset implements Stage {

    private final int asset;
    private final String symbol;

    /**
     * @param asset  the asset's index in the market
     * @param symbol its symbol, for the label
     */
    public HoldAsset(int asset, String symbol) {
        if (asset < 0) throw new IllegalArgumentException("asset index must be non-negative, got " + asset);
        this.asset = asset;
        this.symbol = symbol;
    }

    /** The benchmark as a compared strategy named by its symbol. */
    public static NamedStrategy strategy(int asset, String symbol) {
        return new NamedStrategy(symbol, "hold " + symbol + " (benchmark)", seed -> new HoldAsset(asset, symbol));
    }

    @Override
    public String label() {
        return "hold " + symbol;
    }

    @Override
    public void reset(RunSetup setup) {
        if (asset >= setup.assets()) {
            throw new IllegalArgumentException("benchmark asset " + asset + " is outside a market of " + setup.assets() + " assets");
        }
    }

    @Override
    public void propose(Decision decision, double[] out) {
        Arrays.fill(out, 0);
        out[asset] = 1;
    }
}
