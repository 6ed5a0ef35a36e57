package dev.strat.runtime.risk.barrier;

import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The barrier controller's price forecasts, computed by hand on a two-asset market. */
class PriceForecastTest {

    /** Asset A: closes 1, 2, 3, ... ; asset B: 10 every bar but the last, which is 20. */
    private static MarketData market(int bars) {
        double[] close = new double[bars * 2];
        long[] times = new long[bars];
        for (int k = 0; k < bars; k++) {
            times[k] = 1_577_836_800L + 86_400L * k;
            close[2 * k] = k + 1;
            close[2 * k + 1] = k == bars - 1 ? 20 : 10;
        }
        return new MarketData("hand", List.of("A", "B"), Map.of(), times, null, null, null, close, null, Frequency.DAILY_STOCKS);
    }

    @Test
    void movingAverageIsTheMeanOfTheLastClosesRelativeToTheLatest() {
        History h = History.cursor(market(10), 9).view();   // A's last closes 6..10, B's 10, 10, 10, 10, 20
        double[] dp = new double[2];
        new PriceForecast.MovingAverage(5).forecast(h, dp);
        assertEquals((8.0 - 10) / 10, dp[0], 1e-15);
        assertEquals((12.0 - 20) / 20, dp[1], 1e-15);
        assertEquals(5, new PriceForecast.MovingAverage(5).warmup());
    }

    @Test
    void exponentialAverageWeighsRecentClosesMore() {
        History h = History.cursor(market(10), 9).view();
        double[] dp = new double[2];
        // half-life 1 over 3 closes: weights 1, 1/2, 1/4 on closes 10, 9, 8 (A) and 20, 10, 10 (B)
        new PriceForecast.ExponentialAverage(1, 3).forecast(h, dp);
        double a = (10 + 9 * 0.5 + 8 * 0.25) / 1.75, b = (20 + 10 * 0.5 + 10 * 0.25) / 1.75;
        assertEquals((a - 10) / 10, dp[0], 1e-15);
        assertEquals((b - 20) / 20, dp[1], 1e-15);
        // a longer half-life moves it towards the plain mean
        double[] slow = new double[2];
        new PriceForecast.ExponentialAverage(1e9, 3).forecast(h, slow);
        assertEquals((9.0 - 10) / 10, slow[0], 1e-9);
    }

    @Test
    void readsNothingAfterTheDecisionBar() {
        // the same decision bar in a longer market: later bars must not move the forecast
        double[] shortRun = new double[2], longRun = new double[2];
        PriceForecast f = new PriceForecast.ExponentialAverage(2, 6);
        f.forecast(History.cursor(market(10), 8).view(), shortRun);
        f.forecast(History.cursor(market(30), 8).view(), longRun);
        assertEquals(shortRun[0], longRun[0], 0.0);
        assertEquals(shortRun[1], longRun[1], 0.0);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PriceForecast.MovingAverage(0));
        assertThrows(IllegalArgumentException.class, () -> new PriceForecast.ExponentialAverage(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new PriceForecast.ExponentialAverage(2, 0));
    }
}
