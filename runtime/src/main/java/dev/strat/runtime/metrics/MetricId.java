package dev.strat.runtime.metrics;

import java.util.List;
import java.util.Optional;

/**
 * The metrics of {@code shared/design/metrics.md}, with the names users write for them.
 * {@code higherIsBetter} orders strategies in tables and picks the best model on validation.
 */
public enum MetricId {
    CUMULATIVE_RETURN("cr", List.of("cumulative_return"), "cumulative return", true, true),
    ANNUAL_RETURN("ar", List.of("annual_return", "cagr"), "annualised return", true, true),
    VOLATILITY("vol", List.of("volatility"), "annualised volatility", false, true),
    SHARPE("sharpe", List.of("sr"), "Sharpe ratio", true, false),
    SORTINO("sortino", List.of(), "Sortino ratio", true, false),
    OMEGA("omega", List.of(), "Omega ratio (threshold 0)", true, false),
    CALMAR("calmar", List.of(), "Calmar ratio", true, false),
    MAX_DRAWDOWN("mdd", List.of("max_drawdown"), "maximum drawdown", false, true),
    /**
     * What {@code BacktestResult.turnover} records, averaged over decisions: the sum over the N
     * assets and cash of {@code |w_new - w_drifted|}. Counting cash makes it two-way: a trade from
     * cash into an asset of 10 % of wealth counts 20 %, twice the share of wealth traded. Not annualised.
     */
    TURNOVER("turnover", List.of(), "mean two-way turnover per decision: sum over assets and cash of |w_new - w_drifted| "
            + "(twice the share of wealth traded), not annualised", false, true),
    /** {@link #TURNOVER} times the periods per year: the same two-way turnover, annualised. */
    TURNOVER_ANNUAL("turnover_yr", List.of("annual_turnover"), "two-way turnover per year: turnover times the periods per year",
            false, true),
    GOAL_PROBABILITY("goal_probability", List.of("goal"), "share of paths reaching the goal", true, true),
    /**
     * Probabilistic Sharpe ratio (Bailey and Lopez de Prado 2012) of one run's excess returns:
     * the probability that the true Sharpe ratio exceeds 0 given the run's length, skewness and kurtosis.
     */
    PSR("psr", List.of("probabilistic_sharpe"), "probabilistic Sharpe ratio: P(true Sharpe > 0) given length, skew and kurtosis",
            true, false),
    /**
     * Deflated Sharpe ratio (Bailey and Lopez de Prado 2014): the PSR against the Sharpe ratio the
     * best of the experiment's trials would show by luck alone. The trials are every run compared,
     * strategies times seeds; an experiment computes it ({@code ExperimentRunner}), a lone run has NaN.
     */
    DSR("dsr", List.of("deflated_sharpe"), "deflated Sharpe ratio: PSR against the best Sharpe expected by luck from "
            + "the experiment's trials (strategies x seeds)", true, false),
    /**
     * Jensen's alpha against the experiment's benchmark: the intercept of the CAPM regression of
     * the period excess returns on the benchmark's, times P (annualised arithmetically). NaN without a benchmark.
     */
    ALPHA("alpha", List.of("jensen_alpha"), "annualised CAPM alpha: regression intercept of (r - rf) on (r_bench - rf), times "
            + "periods per year", true, true),
    /** The slope of that regression. NaN without a benchmark. */
    BETA("beta", List.of(), "CAPM beta: regression slope of (r - rf) on (r_bench - rf)", false, false),
    /** {@code sqrt(P) std(r - r_bench)}. NaN without a benchmark. */
    TRACKING_ERROR("te", List.of("tracking_error"), "annualised tracking error: sqrt(P) std(r - r_bench)", false, true),
    /** {@code sqrt(P) mean(r - r_bench) / std(r - r_bench)}. NaN without a benchmark. */
    INFORMATION_RATIO("ir", List.of("information_ratio"), "information ratio: sqrt(P) mean(r - r_bench) / std(r - r_bench)",
            true, false);

    /** The metrics measured against a benchmark, NaN in an experiment without one. */
    public static final java.util.Set<MetricId> RELATIVE = java.util.EnumSet.of(ALPHA, BETA, TRACKING_ERROR, INFORMATION_RATIO);

    private final String key;
    private final List<String> aliases;
    private final String description;
    private final boolean higherIsBetter;
    private final boolean percent;

    MetricId(String key, List<String> aliases, String description, boolean higherIsBetter, boolean percent) {
        this.key = key;
        this.aliases = aliases;
        this.description = description;
        this.higherIsBetter = higherIsBetter;
        this.percent = percent;
    }

    /** The canonical name, as written in tables and results. */
    public String key() { return key; }
    public List<String> aliases() { return aliases; }
    public String description() { return description; }
    public boolean higherIsBetter() { return higherIsBetter; }
    /**
     * False for metrics no value of which is better than another (beta, tracking error: how close
     * to the benchmark a strategy moves is a description, not a score); tables mark no best for them.
     */
    public boolean ranked() { return this != BETA && this != TRACKING_ERROR; }

    /** True when the value is a fraction best shown as a percentage. */
    public boolean percent() { return percent; }

    /** Looks a metric up by its key or one of its aliases. */
    public static Optional<MetricId> byName(String name) {
        for (MetricId m : values()) {
            if (m.key.equals(name) || m.aliases.contains(name)) return Optional.of(m);
        }
        return Optional.empty();
    }
}
