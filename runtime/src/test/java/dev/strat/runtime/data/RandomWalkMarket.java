package dev.strat.runtime.data;

/** Test fixture: the runtime's random-walk market ({@link SyntheticMarkets#randomWalk}), under the name tests use. */
public final class RandomWalkMarket {

    private RandomWalkMarket() {
    }

    public static MarketData of(int assets, int bars, long seed) {
        return SyntheticMarkets.randomWalk(assets, bars, seed);
    }
}
