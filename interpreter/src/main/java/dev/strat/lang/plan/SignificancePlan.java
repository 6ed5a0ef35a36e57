package dev.strat.lang.plan;

/**
 * A paired significance test of every compared strategy against {@code reference}.
 *
 * @param test      the test's name: {@code wilcoxon} (signed-rank over seeds, which measures
 *                  seed-to-seed noise) or {@code sharpe_diff} (Ledoit-Wolf Sharpe-ratio difference
 *                  over time, on the first seed's returns)
 * @param reference the name of the compared entry the others are tested against
 * @param alpha     the significance level, in (0, 1)
 * @param resamples bootstrap resamples of {@code sharpe_diff}; unused by {@code wilcoxon}
 */
public record SignificancePlan(String test, String reference, double alpha, int resamples) {

    /** The default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 999;

    /** A test without resamples (Wilcoxon), or with the default number. */
    public SignificancePlan(String test, String reference, double alpha) {
        this(test, reference, alpha, DEFAULT_RESAMPLES);
    }
}
