package dev.strat.runtime.allocators;

import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Time-series momentum, cross-sectional momentum and Bollinger reversion on hand-made prices. */
class SignalRulesTest {

    private final MarketData m = Drive.market(
            new double[]{10, 10, 10},
            new double[]{11, 9, 12},
            new double[]{9, 8, 10.5});

    @Test
    void tsmHoldsPositiveTrailingReturnsEqually() {
        TimeSeriesMomentum tsm = new TimeSeriesMomentum("tsm", 2, 0);
        assertEquals(3, tsm.warmup());
        // bar 2 vs bar 0: A 9/10 down, B 8/10 down, C 10.5/10 up
        assertArrayEquals(new double[]{0, 0, 1, 0}, Drive.run(tsm, m, 2, 2)[0], 1e-12);
    }

    @Test
    void tsmSkipUsesTheOlderWindow() {
        // skip 1, lookback 1: bar 1 vs bar 0: A up, B down, C up
        TimeSeriesMomentum tsm = new TimeSeriesMomentum("tsm", 1, 1);
        assertArrayEquals(new double[]{0.5, 0, 0.5, 0}, Drive.run(tsm, m, 2, 2)[0], 1e-12);
    }

    @Test
    void tsmHoldsCashWhenEverythingFell() {
        MarketData down = Drive.market(new double[]{10, 10}, new double[]{9, 9.5});
        assertArrayEquals(new double[]{0, 0, 1}, Drive.run(new TimeSeriesMomentum("tsm", 1, 0), down, 1, 1)[0], 1e-12);
    }

    @Test
    void csmHoldsTheTopWinnersEvenWhenTheyFell() {
        // returns over 2 bars: A -10%, B -20%, C +5%: top 2 = C, A
        CrossSectionalMomentum csm = new CrossSectionalMomentum("csm", 2, 2);
        assertEquals(3, csm.warmup());
        assertArrayEquals(new double[]{0.5, 0, 0.5, 0}, Drive.run(csm, m, 2, 2)[0], 1e-12);
        // top larger than the universe holds everything
        assertArrayEquals(new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0, 0}, Drive.run(new CrossSectionalMomentum("csm", 2, 5), m, 2, 2)[0], 1e-12);
    }

    @Test
    void csmBreaksTiesByMarketOrder() {
        MarketData tie = Drive.market(new double[]{10, 20, 30}, new double[]{11, 22, 33});
        assertArrayEquals(new double[]{1, 0, 0, 0}, Drive.run(new CrossSectionalMomentum("csm", 1, 1), tie, 1, 1)[0], 1e-12);
    }

    @Test
    void mrBuysAssetsBelowTheLowerBand() {
        MarketData p = Drive.market(
                new double[]{10, 10, 10},
                new double[]{10, 10, 11},
                new double[]{7, 10, 12});
        // A: mean 9, population sd sqrt(2); lower band at k = 1 is 7.586 > 7: oversold.
        // B: flat, sd 0, close 10 is not below 10. C: rising.
        BollingerReversion mr = new BollingerReversion("mr", 3, 1);
        assertEquals(3, mr.warmup());
        assertArrayEquals(new double[]{1, 0, 0, 0}, Drive.run(mr, p, 2, 2)[0], 1e-12);
        // k = 1.5: band 9 - 2.121 = 6.879 < 7, nothing oversold -> cash
        assertArrayEquals(new double[]{0, 0, 0, 1}, Drive.run(new BollingerReversion("mr", 3, 1.5), p, 2, 2)[0], 1e-12);
    }
}
