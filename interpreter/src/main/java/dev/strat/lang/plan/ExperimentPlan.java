package dev.strat.lang.plan;

import dev.strat.lang.diag.Span;
import dev.strat.runtime.metrics.MetricId;

import java.util.List;
import java.util.Optional;

/**
 * One checked experiment (or {@code backtest} command, which is an experiment with one strategy
 * and one seed): run each compared strategy on the market over the split, once per seed.
 *
 * @param seeds     the run seeds, in order
 * @param metrics   the metrics to report, in order
 * @param warmup    bars of history to skip before the first decision (0 = the pipeline's own warm-up)
 * @param riskFree  the annual risk-free rate used by Sharpe and Sortino
 */
public record ExperimentPlan(String name, MarketPlan market, SplitPlan split, List<StrategyPlan> compare,
                             List<Long> seeds, List<MetricId> metrics, Optional<SignificancePlan> significance,
                             Optional<String> reportPath, CostPlan costs, double capital, int warmup,
                             double riskFree, Span span) {

    /** Metrics reported when an experiment names none. */
    public static final List<MetricId> DEFAULT_METRICS = List.of(MetricId.CUMULATIVE_RETURN, MetricId.ANNUAL_RETURN,
            MetricId.VOLATILITY, MetricId.SHARPE, MetricId.SORTINO, MetricId.MAX_DRAWDOWN, MetricId.CALMAR,
            MetricId.TURNOVER);

    public static final double DEFAULT_CAPITAL = 1_000_000;

    public ExperimentPlan {
        compare = List.copyOf(compare);
        seeds = List.copyOf(seeds);
        metrics = List.copyOf(metrics);
    }
}
