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
 * @param significance the significance tests asked for, in the order written (empty for none)
 * @param warmup    bars of history to skip before the first decision (0 = the pipeline's own warm-up)
 * @param riskFree  the annual risk-free rate used by Sharpe and Sortino
 * @param conventions how metrics are stated: intervals, annualisation, what cash earns, whether costs were given
 */
public record ExperimentPlan(String name, MarketPlan market, SplitPlan split, List<StrategyPlan> compare,
                             List<Long> seeds, List<MetricId> metrics, List<SignificancePlan> significance,
                             Optional<String> reportPath, CostPlan costs, double capital, int warmup,
                             double riskFree, Span span, Conventions conventions, Optional<Benchmark> benchmark) {

    /**
     * {@code benchmark NAME}: what alpha, beta, tracking error and information ratio measure against.
     *
     * @param name     a compared strategy's name, or a symbol of the market
     * @param strategy true for a compared strategy; false for a symbol, held as a row of its own
     * @param span     where it is written, for errors only the data can reveal (an unknown symbol)
     */
    public record Benchmark(String name, boolean strategy, Span span) { }

    /**
     * The experiment's stated conventions.
     *
     * @param ciLevel         {@code ci 95%}: bootstrap interval coverage, NaN when not asked
     * @param annualiseAlways {@code annualise always}: compound a test shorter than a year to a year
     * @param cashEarnsRf     {@code cash_rate rf}: cash earns the experiment's {@code rf}
     * @param costsGiven      the program has a {@code costs} line or the experiment a fee or slippage;
     *                        a run without is frictionless, which it says
     * @param metrics         {@code convention ripo}: RiPO's Sharpe ((AR - rf) / vol, 0 when AR &lt; 0);
     *                        {@code STANDARD} otherwise
     */
    public record Conventions(double ciLevel, boolean annualiseAlways, boolean cashEarnsRf, boolean costsGiven,
                              dev.strat.runtime.metrics.MetricOptions.Convention metrics) {
        /** No interval, no annualisation of short tests, cash earns nothing, costs given. */
        public static final Conventions DEFAULT = new Conventions(Double.NaN, false, false, true);

        public Conventions {
            java.util.Objects.requireNonNull(metrics, "metrics");
        }

        /** The standard metric formulas. */
        public Conventions(double ciLevel, boolean annualiseAlways, boolean cashEarnsRf, boolean costsGiven) {
            this(ciLevel, annualiseAlways, cashEarnsRf, costsGiven, dev.strat.runtime.metrics.MetricOptions.Convention.STANDARD);
        }
    }

    public ExperimentPlan(String name, MarketPlan market, SplitPlan split, List<StrategyPlan> compare,
                          List<Long> seeds, List<MetricId> metrics, List<SignificancePlan> significance,
                          Optional<String> reportPath, CostPlan costs, double capital, int warmup,
                          double riskFree, Span span) {
        this(name, market, split, compare, seeds, metrics, significance, reportPath, costs, capital, warmup, riskFree, span,
                Conventions.DEFAULT, Optional.empty());
    }

    /** Metrics reported when an experiment names none. */
    public static final List<MetricId> DEFAULT_METRICS = List.of(MetricId.CUMULATIVE_RETURN, MetricId.ANNUAL_RETURN,
            MetricId.VOLATILITY, MetricId.SHARPE, MetricId.SORTINO, MetricId.MAX_DRAWDOWN, MetricId.CALMAR,
            MetricId.TURNOVER);

    public static final double DEFAULT_CAPITAL = 1_000_000;

    public ExperimentPlan {
        compare = List.copyOf(compare);
        seeds = List.copyOf(seeds);
        metrics = List.copyOf(metrics);
        significance = List.copyOf(significance);
        java.util.Objects.requireNonNull(conventions, "conventions");
        java.util.Objects.requireNonNull(benchmark, "benchmark");
    }
}
