package dev.strat.runtime.rl.portfolio;

import java.util.List;

/**
 * The observation features the language offers. Tensor features ({@link #returns},
 * {@link #prices}, {@link #ohlcv}) contribute channels to a (window, assets + cash, channels)
 * tensor; the others are flat. Every feature reads history only up to the decision bar and
 * declares its warm-up in bars that must be visible (the meaning of {@code Stage.warmup()}).
 */
public final class Features {

    private Features() {
    }

    /** Log returns over the last {@code window} bars; tensor (window, N + 1, 1), cash 0. Warm-up window + 1. */
    public static Feature returns(int window) {
        return new ReturnsFeature(window);
    }

    /** Closes over the last {@code window} bars relative to the decision bar's close; tensor (window, N + 1, 1), cash 1. */
    public static Feature prices(int window) {
        return new PricesFeature(window);
    }

    /** Open, high, low, close relative to the decision bar's close and log(1 + volume); tensor (window, N + 1, 5), cash 0. */
    public static Feature ohlcv(int window) {
        return new OhlcvFeature(window);
    }

    /**
     * HADAPS's volatility state per asset: the standard deviation of the last {@code window}
     * closes, relative to the decision bar's close, times the sign of the bar's return. N values.
     */
    public static Feature volatility(int window) {
        return new VolatilityFeature(window, true);
    }

    /** {@link #volatility} in HADAPS's raw price units (not divided by the close). */
    public static Feature volatilityRaw(int window) {
        return new VolatilityFeature(window, false);
    }

    /** RiPO's N x N covariance of the last {@code window} log returns, row-major. Warm-up window + 1. */
    public static Feature covariance(int window) {
        return new CovarianceFeature(window);
    }

    /**
     * Technical indicators from Ta4j per asset, e.g. {@code ta(List.of("rsi(14)", "macd", "roc(volume,6)"))} or
     * {@code ta(List.of("all"))} (RiPO's Appendix A), open, high and low {@link TaPrices#SCALED scaled} to the close.
     */
    public static Feature ta(List<String> names) {
        return new TaFeature(TaFeature.parse(names), TaPrices.SCALED);
    }

    /**
     * Technical indicators per asset, open, high and low read as {@code prices} says: Ta4j's, and
     * {@link FeatureIndicator.Computed computed} ones (user indicators) written in list order beside them.
     */
    public static Feature ta(List<? extends FeatureIndicator> indicators, TaPrices prices) {
        if (indicators.stream().allMatch(i -> i instanceof TaIndicator)) {
            return new TaFeature(indicators.stream().map(i -> (TaIndicator) i).toList(), prices);
        }
        return new IndicatorFeature(indicators, prices);
    }

    /** The drifted weights held now (N + 1, cash last). */
    public static Feature weights() {
        return new WeightsFeature();
    }

    /** {@code log(wealth / initialWealth)}. */
    public static Feature logWealth() {
        return new LogWealthFeature();
    }
}
