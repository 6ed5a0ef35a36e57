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
    TURNOVER("turnover", List.of(), "mean turnover per decision", false, true),
    GOAL_PROBABILITY("goal_probability", List.of("goal"), "share of paths reaching the goal", true, true);

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
