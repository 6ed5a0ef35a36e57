package dev.strat.runtime.data;

import java.time.Duration;

/**
 * The bar length of a market and the calendar it trades on. Periods per year follow
 * {@code shared/design/metrics.md}: 252 for daily stock data, 365 for daily crypto,
 * 252 * 6.5 for hourly US stocks, 365 * 24 for hourly crypto, 260 * 24 for hourly forex.
 *
 * @param bar            length of one bar
 * @param periodsPerYear bars in one year, used to annualise metrics
 * @param barsPerDay     bars in one trading day (1 for daily data)
 * @param label          how reports name the convention, e.g. {@code "daily, 252/yr"}
 */
public record Frequency(Duration bar, double periodsPerYear, double barsPerDay, String label) {

    public static final Frequency DAILY_STOCKS = new Frequency(Duration.ofDays(1), 252, 1, "daily, 252 periods/yr");
    public static final Frequency DAILY_CRYPTO = new Frequency(Duration.ofDays(1), 365, 1, "daily, 365 periods/yr");
    public static final Frequency HOURLY_STOCKS = new Frequency(Duration.ofHours(1), 252 * 6.5, 6.5, "hourly, 252*6.5 periods/yr");
    public static final Frequency HOURLY_CRYPTO = new Frequency(Duration.ofHours(1), 365 * 24, 24, "hourly, 365*24 periods/yr");
    public static final Frequency HOURLY_FOREX = new Frequency(Duration.ofHours(1), 260 * 24, 24, "hourly, 260*24 periods/yr");

    public Frequency {
        if (periodsPerYear <= 0 || barsPerDay <= 0) {
            throw new IllegalArgumentException("periods per year and bars per day must be positive");
        }
    }

    /** Trading days in one year on this calendar (252 for stocks, 365 for crypto, 260 for forex). */
    public double daysPerYear() {
        return periodsPerYear / barsPerDay;
    }

    /** True when bars are shorter than one day. */
    public boolean intraday() {
        return bar.compareTo(Duration.ofDays(1)) < 0;
    }
}
