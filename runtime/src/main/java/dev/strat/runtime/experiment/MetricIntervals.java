package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.metrics.Metrics;
import dev.strat.runtime.stats.SharpeDifference;
import dev.strat.runtime.stats.StationaryBootstrap;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Stationary-bootstrap confidence intervals (Politis and Romano 1994) of the metrics that are a
 * function of a run's return series alone, on the first seed's run: resampling blocks of periods
 * keeps the returns' serial dependence, which an interval over seeds cannot see (a deterministic
 * strategy has the same value for every seed). Turnover, goal probability, PSR and DSR have none.
 * Same seed, same interval.
 */
public final class MetricIntervals {

    /** The metrics that get an interval. */
    public static final Set<MetricId> BOOTSTRAPPED = EnumSet.of(MetricId.CUMULATIVE_RETURN, MetricId.ANNUAL_RETURN,
            MetricId.VOLATILITY, MetricId.SHARPE, MetricId.SORTINO, MetricId.OMEGA, MetricId.CALMAR, MetricId.MAX_DRAWDOWN);
    /** Resamples per interval. */
    public static final int RESAMPLES = 999;

    private MetricIntervals() {
    }

    /** The mean block length used for a run of {@code periods} returns: the cube root, as for the Sharpe test. */
    public static int meanBlock(int periods) {
        return SharpeDifference.defaultBlock(periods);
    }

    /**
     * Intervals of every bootstrapped metric of {@code strategy}'s first run at the options'
     * {@link MetricOptions#ciLevel()}; empty when the options ask for none or the run has fewer
     * than 2 returns.
     */
    public static Map<MetricId, StationaryBootstrap.Interval> of(ExperimentSpec spec, StrategyResult strategy) {
        Map<MetricId, StationaryBootstrap.Interval> out = new EnumMap<>(MetricId.class);
        MetricOptions options = spec.options();
        BacktestResult run = strategy.firstRun();
        double[] r = run.returns();
        if (!options.hasCi() || r.length < 2) return out;
        double p = run.periodsPerYear();
        for (MetricId id : BOOTSTRAPPED) {
            out.put(id, StationaryBootstrap.interval(r, x -> metric(id, x, p, options), options.ciLevel(), meanBlock(r.length),
                    RESAMPLES, spec.seeds().get(0)));
        }
        return out;
    }

    /** One metric of a return series, as {@link Metrics#compute} computes it from the run's wealth. */
    static double metric(MetricId id, double[] r, double periodsPerYear, MetricOptions options) {
        double rfp = options.riskFreePerPeriod(periodsPerYear);
        return switch (id) {
            case CUMULATIVE_RETURN -> Metrics.cumulativeReturn(wealth(r));
            case ANNUAL_RETURN -> annual(r, periodsPerYear, options);
            case VOLATILITY -> Metrics.volatility(r, periodsPerYear);
            case SHARPE -> switch (options.convention()) {
                case STANDARD -> Metrics.sharpe(r, periodsPerYear, rfp);
                case RIPO -> Metrics.sharpeRipo(annual(r, periodsPerYear, options), Metrics.volatility(r, periodsPerYear),
                        options.riskFree());
            };
            case SORTINO -> Metrics.sortino(r, periodsPerYear, rfp);
            case OMEGA -> Metrics.omega(r, options.omegaThreshold());
            case CALMAR -> Metrics.calmar(annual(r, periodsPerYear, options), Metrics.maxDrawdown(wealth(r)));
            case MAX_DRAWDOWN -> Metrics.maxDrawdown(wealth(r));
            default -> throw new IllegalArgumentException(id.key() + " has no bootstrap interval");
        };
    }

    private static double annual(double[] r, double periodsPerYear, MetricOptions options) {
        return options.annualises(r.length, periodsPerYear) ? Metrics.annualReturn(wealth(r), periodsPerYear) : Double.NaN;
    }

    /** Wealth from 1 through the returns. */
    private static double[] wealth(double[] r) {
        double[] w = new double[r.length + 1];
        w[0] = 1;
        for (int t = 0; t < r.length; t++) w[t + 1] = w[t] * (1 + r[t]);
        return w;
    }
}
