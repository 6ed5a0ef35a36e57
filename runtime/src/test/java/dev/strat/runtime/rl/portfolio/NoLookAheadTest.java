package dev.strat.runtime.rl.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The no-look-ahead proof: an observation at bar t is the same whether the market's bars after t
 * are the real ones, garbage, or absent altogether. Checked for every feature alone and for the
 * full observation, at several bars, and for the stateful Ta4j feature also when it has already
 * seen the real future (an earlier, longer run) or garbage.
 */
class NoLookAheadTest {

    private static final int[] BARS = {100, 101, 150, 333, 600};

    @Test
    void everyFeatureIgnoresBarsAfterTheDecision() {
        MarketData market = Fixtures.market();
        int n = market.assets();
        AccountState account = Fixtures.account(n);
        for (Feature proto : Fixtures.allFeatures()) {
            for (int t : BARS) {
                float[] real = write(fresh(proto), market, t, account);
                float[] garbage = write(fresh(proto), Fixtures.garbageAfter(market, t, t), t, account);
                float[] sliced = write(fresh(proto), market.slice(0, t + 1), t, account);
                assertArrayEquals(real, garbage, proto.label() + " at bar " + t + " changed when later bars changed");
                assertArrayEquals(real, sliced, proto.label() + " at bar " + t + " changed when later bars were cut off");
            }
        }
    }

    @Test
    void thePerturbationIsVisibleWhenItReachesTheDecisionBar() {
        // Guards the test above against a vacuous perturbation: garbage from bar t on must show.
        MarketData market = Fixtures.market();
        AccountState account = Fixtures.account(market.assets());
        for (Feature proto : Fixtures.allFeatures()) {
            if (proto.label().equals("weights") || proto.label().equals("log_wealth")) continue;
            int t = 333;
            float[] real = write(fresh(proto), market, t, account);
            float[] garbage = write(fresh(proto), Fixtures.garbageAfter(market, t - 1, 7), t, account);
            assertFalse(Arrays.equals(real, garbage), proto.label() + " did not react to a change at its decision bar");
        }
    }

    @Test
    void fullObservationIgnoresBarsAfterTheDecision() {
        MarketData market = Fixtures.market();
        AccountState account = Fixtures.account(market.assets());
        // One shared instance that runs the real market to the end first, then sees garbage, then the real market
        // again: the Ta4j series it keeps must never leak what it saw.
        Observations shared = new Observations(Fixtures.allFeatures(), market.assets());
        float[] scratch = new float[shared.size()];
        History.Cursor cursor = History.cursor(market, market.bars() - 1);
        shared.write(cursor.view(), account, scratch);
        for (int t : BARS) {
            float[] real = observe(new Observations(Fixtures.allFeatures(), market.assets()), market, t, account);
            MarketData garbage = Fixtures.garbageAfter(market, t, 31 * t);
            assertArrayEquals(real, observe(new Observations(Fixtures.allFeatures(), market.assets()), garbage, t, account),
                    "fresh observation at bar " + t);
            assertArrayEquals(real, observe(shared, garbage, t, account), "shared observation on garbage at bar " + t);
            assertArrayEquals(real, observe(shared, market.slice(0, t + 1), t, account), "shared observation on a slice at bar " + t);
            assertArrayEquals(real, observe(shared, market, t, account), "shared observation back on the real market at bar " + t);
        }
    }

    @Test
    void sharedTaFeatureRebuildsWhenThePastDiffers() {
        // Garbage before t (not only after) must not be served from series built on the real market.
        MarketData market = Fixtures.market();
        AccountState account = Fixtures.account(market.assets());
        Feature ta = Features.ta(List.of("all"));
        write(ta, market, 600, account);
        MarketData other = Fixtures.garbageAfter(market, 100, 5);
        assertArrayEquals(write(fresh(ta), other, 400, account), write(ta, other, 400, account));
        assertArrayEquals(write(fresh(ta), market, 500, account), write(ta, market, 500, account));
    }

    @Test
    void sharedTaFeatureChecksHeldBarsItsViewReachesLater() {
        // Bars held from a longer run on the real market lie beyond bar 100; a view of another market that
        // agrees up to 100 and then moves on must not be served those bars.
        MarketData market = Fixtures.market();
        AccountState account = Fixtures.account(market.assets());
        Feature ta = Features.ta(List.of("all"));
        write(ta, market, 650, account);
        MarketData other = Fixtures.garbageAfter(market, 100, 9);
        History.Cursor cursor = History.cursor(other, 100);
        float[] out = new float[ta.width(market.assets())];
        for (int t = 100; t <= 300; t++) {
            cursor.advanceTo(t);
            ta.write(cursor.view(), account, out, 0);
        }
        assertArrayEquals(write(fresh(ta), other, 300, account), out);
    }

    /** A new instance of the same feature, so that no state is shared between the runs compared. */
    private static Feature fresh(Feature proto) {
        return Fixtures.allFeatures().stream().filter(f -> f.label().equals(proto.label())).findFirst().orElseThrow();
    }

    static float[] write(Feature feature, MarketData market, int t, AccountState account) {
        float[] out = new float[feature.width(market.assets())];
        feature.write(History.cursor(market, t).view(), account, out, 0);
        return out;
    }

    private static float[] observe(Observations obs, MarketData market, int t, AccountState account) {
        float[] out = new float[obs.size()];
        obs.write(History.cursor(market, t).view(), account, out);
        return out;
    }
}
