package dev.strat.runtime.data;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Guesses the bar length and calendar convention of a market from its timestamps.
 *
 * <p>The bar length is the most common step between consecutive bars (gaps such as weekends and
 * holidays are rarer than regular steps). Data whose timestamps are all midnights is daily (or
 * weekly when the usual step is a week). The convention follows who trades when: bars on a
 * Saturday (UTC) mean a 7-day market, so crypto; otherwise intraday bars between 00:00 and 06:00
 * UTC mean a 24-hour weekday market, so forex; otherwise stocks.
 */
public final class FrequencyInference {

    private FrequencyInference() {}

    /** The frequency of bars at these strictly increasing epoch seconds. */
    public static Frequency infer(long[] times) {
        boolean midnight = true, saturday = false, night = false;
        for (long t : times) {
            long secondOfDay = Math.floorMod(t, 86_400L);
            if (secondOfDay != 0) midnight = false;
            if (secondOfDay < 6 * 3600) night = true;
            // 1970-01-01 was a Thursday: day 2 is a Saturday.
            if (Math.floorMod(Math.floorDiv(t, 86_400L), 7) == 2) saturday = true;
        }
        long step = modalStep(times, midnight ? 86_400L : 3_600L);
        if (midnight) {
            if (step >= 6 * 86_400L) return new Frequency(Duration.ofDays(7), 52, 1.0 / 5, "weekly, 52 periods/yr");
            return saturday ? Frequency.DAILY_CRYPTO : Frequency.DAILY_STOCKS;
        }
        if (saturday) {
            return step == 3_600L ? Frequency.HOURLY_CRYPTO
                    : intraday(step, 365, 86_400.0 / step, "crypto");
        }
        if (night) {
            return step == 3_600L ? Frequency.HOURLY_FOREX
                    : intraday(step, 260, 86_400.0 / step, "forex");
        }
        return step == 3_600L ? Frequency.HOURLY_STOCKS
                : intraday(step, 252, 6.5 * 3_600 / step, "stocks");
    }

    private static Frequency intraday(long step, double days, double barsPerDay, String market) {
        String bar = step % 3_600 == 0 ? (step / 3_600) + "h" : (step / 60) + "min";
        return new Frequency(Duration.ofSeconds(step), days * barsPerDay, barsPerDay,
                bar + " " + market + ", " + Math.round(days * barsPerDay) + " periods/yr");
    }

    private static long modalStep(long[] times, long fallback) {
        if (times.length < 2) return fallback;
        Map<Long, Integer> counts = new HashMap<>();
        long best = fallback;
        int bestCount = 0;
        // A sample of steps is enough to find the mode and keeps this cheap on 60k-bar calendars.
        int stride = Math.max(1, times.length / 4096);
        for (int k = 1; k < times.length; k += stride) {
            long d = times[k] - times[k - 1];
            int c = counts.merge(d, 1, Integer::sum);
            if (c > bestCount || (c == bestCount && d < best)) {
                best = d;
                bestCount = c;
            }
        }
        return best;
    }
}
