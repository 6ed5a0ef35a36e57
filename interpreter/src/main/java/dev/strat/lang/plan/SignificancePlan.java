package dev.strat.lang.plan;

/**
 * A paired significance test of every compared strategy against {@code reference}, over seeds
 * (and rolling windows).
 *
 * @param test      the test's name; {@code wilcoxon} (signed-rank) is the only one so far
 * @param reference the name of the compared entry the others are tested against
 * @param alpha     the significance level, in (0, 1)
 */
public record SignificancePlan(String test, String reference, double alpha) {
}
