package dev.strat.runtime.metrics;

import dev.strat.runtime.backtest.BacktestResult;

import java.util.Collection;

/**
 * The metric formulas of {@code shared/design/metrics.md}, on primitive arrays.
 *
 * <p>Notation: {@code V_0..V_T} wealth, {@code r_t = V_t / V_{t-1} - 1} the T period returns,
 * {@code P} periods per year, {@code rf_p = (1 + rf)^(1/P) - 1} the per-period risk-free rate.
 *
 * <p>Undefined values are NaN, never infinite: a ratio whose denominator is zero (Sharpe with zero
 * volatility, Sortino without a losing period, Omega without a period below the threshold, Calmar
 * without a drawdown) is NaN, as is any statistic that needs more periods than the run has
 * (volatility and Sharpe need T >= 2; return-based ratios need T >= 1). An infinite ratio would
 * dominate every mean across seeds and says nothing a reader can compare; tables print NaN as
 * {@code n/a}.
 */
public final class Metrics {

    private Metrics() {
    }

    /** Every metric of one run. */
    public static MetricValues compute(BacktestResult result, MetricOptions options) {
        double[] wealth = result.wealth();
        double p = result.periodsPerYear();
        double[] r = returns(wealth);
        double rfp = options.riskFreePerPeriod(p);
        // a run shorter than a year is not compounded to one unless the options ask for it
        double ar = options.annualises(r.length, p) ? annualReturn(wealth, p) : Double.NaN;
        double vol = volatility(r, p);
        double mdd = maxDrawdown(wealth);
        double[] v = new double[MetricId.values().length];
        v[MetricId.CUMULATIVE_RETURN.ordinal()] = cumulativeReturn(wealth);
        v[MetricId.ANNUAL_RETURN.ordinal()] = ar;
        v[MetricId.VOLATILITY.ordinal()] = vol;
        v[MetricId.SHARPE.ordinal()] = switch (options.convention()) {
            case STANDARD -> sharpe(r, p, rfp);
            case RIPO -> sharpeRipo(ar, vol, options.riskFree());
        };
        v[MetricId.SORTINO.ordinal()] = sortino(r, p, rfp);
        v[MetricId.OMEGA.ordinal()] = omega(r, options.omegaThreshold());
        v[MetricId.CALMAR.ordinal()] = calmar(ar, mdd);
        v[MetricId.MAX_DRAWDOWN.ordinal()] = mdd;
        v[MetricId.TURNOVER.ordinal()] = meanTurnover(result.turnover());
        v[MetricId.TURNOVER_ANNUAL.ordinal()] = annualTurnover(result.turnover(), p);
        v[MetricId.GOAL_PROBABILITY.ordinal()] = options.hasGoal() ? goalReached(wealth, options.goal()) : Double.NaN;
        v[MetricId.PSR.ordinal()] = psr(r, rfp);
        // DSR deflates for every run of an experiment: the experiment fills it in (ExperimentRunner)
        v[MetricId.DSR.ordinal()] = Double.NaN;
        // benchmark-relative metrics need the benchmark's run: the experiment fills them in (relative)
        for (MetricId id : MetricId.RELATIVE) v[id.ordinal()] = Double.NaN;
        return MetricValues.of(v);
    }

    /** One metric of one run. */
    public static double compute(BacktestResult result, MetricId metric, MetricOptions options) {
        return compute(result, options).get(metric);
    }

    /** {@code r_t = V_t / V_{t-1} - 1}, T entries. */
    public static double[] returns(double[] wealth) {
        double[] r = new double[Math.max(0, wealth.length - 1)];
        for (int t = 0; t < r.length; t++) r[t] = wealth[t + 1] / wealth[t] - 1;
        return r;
    }

    /** CR = {@code V_T / V_0 - 1}. */
    public static double cumulativeReturn(double[] wealth) {
        return wealth[wealth.length - 1] / wealth[0] - 1;
    }

    /** AR = {@code (V_T / V_0)^(P / T) - 1}; NaN when T = 0. */
    public static double annualReturn(double[] wealth, double periodsPerYear) {
        int periods = wealth.length - 1;
        if (periods < 1) return Double.NaN;
        return Math.pow(wealth[periods] / wealth[0], periodsPerYear / periods) - 1;
    }

    /** {@code sqrt(P) * std(r)} with the sample standard deviation (denominator T - 1); NaN when T < 2. */
    public static double volatility(double[] returns, double periodsPerYear) {
        return Math.sqrt(periodsPerYear) * sampleStd(returns);
    }

    /** {@code sqrt(P) * mean(r - rf_p) / std(r)}; NaN when T < 2 or the returns are constant. */
    public static double sharpe(double[] returns, double periodsPerYear, double riskFreePerPeriod) {
        double sd = sampleStd(returns);
        if (!(sd > 0)) return Double.NaN;
        return Math.sqrt(periodsPerYear) * (mean(returns) - riskFreePerPeriod) / sd;
    }

    /**
     * RiPO's Sharpe ratio {@code (AR - rf) / vol} with annual figures, set to 0 when AR < 0 (as the
     * paper does); NaN when the volatility is zero or undefined and AR >= 0.
     */
    public static double sharpeRipo(double annualReturn, double volatility, double riskFree) {
        if (annualReturn < 0) return 0;
        if (!(volatility > 0)) return Double.NaN;
        return (annualReturn - riskFree) / volatility;
    }

    /**
     * {@code sqrt(P) * mean(r - rf_p) / sqrt(mean(min(0, r - rf_p)^2))}, the downside deviation
     * taken over all T periods (not only the losing ones); NaN when no period is below rf_p.
     */
    public static double sortino(double[] returns, double periodsPerYear, double riskFreePerPeriod) {
        int n = returns.length;
        if (n == 0) return Double.NaN;
        double excess = 0, downside = 0;
        for (double r : returns) {
            double e = r - riskFreePerPeriod;
            excess += e;
            if (e < 0) downside += e * e;
        }
        if (!(downside > 0)) return Double.NaN;
        return Math.sqrt(periodsPerYear) * (excess / n) / Math.sqrt(downside / n);
    }

    /**
     * {@code sum(max(0, r - tau)) / sum(max(0, tau - r))} with a per-period threshold tau; NaN when
     * no period falls below tau (or there are no periods).
     */
    public static double omega(double[] returns, double threshold) {
        double gains = 0, losses = 0;
        for (double r : returns) {
            if (r > threshold) gains += r - threshold;
            else losses += threshold - r;
        }
        if (!(losses > 0)) return Double.NaN;
        return gains / losses;
    }

    /** {@code max_t (1 - V_t / max_{s <= t} V_s)}, a fraction in [0, 1). */
    public static double maxDrawdown(double[] wealth) {
        double peak = wealth[0], worst = 0;
        for (double v : wealth) {
            if (v > peak) peak = v;
            double dd = 1 - v / peak;
            if (dd > worst) worst = dd;
        }
        return worst;
    }

    /** AR / MDD; NaN when there was no drawdown. */
    public static double calmar(double annualReturn, double maxDrawdown) {
        if (!(maxDrawdown > 0)) return Double.NaN;
        return annualReturn / maxDrawdown;
    }

    /**
     * Mean over decisions of {@code sum_i |w_new_i - w_drifted_i|} over the assets and cash: two-way
     * turnover (twice the share of wealth traded); NaN when T = 0.
     */
    public static double meanTurnover(double[] turnover) {
        return mean(turnover);
    }

    /** The annualised sum of turnover: mean turnover per decision times P. */
    public static double annualTurnover(double[] turnover, double periodsPerYear) {
        return mean(turnover) * periodsPerYear;
    }

    /** PSR of the returns in excess of {@code rf_p} against a zero Sharpe ratio; NaN for fewer than 2 returns. */
    public static double psr(double[] returns, double riskFreePerPeriod) {
        if (returns.length < 2) return Double.NaN;
        return dev.strat.runtime.stats.SharpeRatios.psr(excess(returns, riskFreePerPeriod), 0);
    }

    /** {@code r_t - rf_p}, a new array. */
    public static double[] excess(double[] returns, double riskFreePerPeriod) {
        double[] e = returns.clone();
        for (int t = 0; t < e.length; t++) e[t] -= riskFreePerPeriod;
        return e;
    }

    /**
     * {@code values} with the benchmark-relative metrics of returns {@code r} against the
     * benchmark's returns {@code rb} over the same periods; NaN where the lengths differ or there
     * are fewer than 2 periods.
     */
    public static MetricValues relative(MetricValues values, double[] r, double[] rb, double periodsPerYear,
                                        double riskFreePerPeriod) {
        double alpha = Double.NaN, beta = Double.NaN, te = Double.NaN, ir = Double.NaN;
        if (r.length == rb.length && r.length >= 2) {
            double[] ab = capm(excess(r, riskFreePerPeriod), excess(rb, riskFreePerPeriod));
            alpha = ab[0] * periodsPerYear;
            beta = ab[1];
            double[] active = new double[r.length];
            for (int t = 0; t < r.length; t++) active[t] = r[t] - rb[t];
            double sd = sampleStd(active);
            te = Math.sqrt(periodsPerYear) * sd;
            ir = sd > 0 ? Math.sqrt(periodsPerYear) * mean(active) / sd : Double.NaN;
        }
        return values.with(MetricId.ALPHA, alpha).with(MetricId.BETA, beta).with(MetricId.TRACKING_ERROR, te)
                .with(MetricId.INFORMATION_RATIO, ir);
    }

    /**
     * Ordinary least squares of {@code y} on {@code x} with an intercept: {@code {alpha, beta}};
     * both NaN when {@code x} does not vary.
     */
    public static double[] capm(double[] y, double[] x) {
        double mx = mean(x), my = mean(y), sxy = 0, sxx = 0;
        for (int t = 0; t < x.length; t++) {
            double dx = x[t] - mx;
            sxy += dx * (y[t] - my);
            sxx += dx * dx;
        }
        if (!(sxx > 0)) return new double[]{Double.NaN, Double.NaN};
        double beta = sxy / sxx;
        return new double[]{my - beta * mx, beta};
    }

    /** 1 when {@code V_T >= goal * V_0}, else 0; averaged over paths this is the goal probability. */
    public static double goalReached(double[] wealth, double goalMultiple) {
        return wealth[wealth.length - 1] >= goalMultiple * wealth[0] ? 1 : 0;
    }

    /**
     * Share of runs (Monte Carlo paths, or seeds) whose final wealth reaches {@code goal} times
     * their initial capital; NaN for no runs.
     */
    public static double goalProbability(Collection<BacktestResult> runs, double goalMultiple) {
        if (runs.isEmpty()) return Double.NaN;
        int hits = 0;
        for (BacktestResult run : runs) hits += (int) goalReached(run.wealth(), goalMultiple);
        return (double) hits / runs.size();
    }

    /** Arithmetic mean; NaN for no values (and whenever a value is NaN). */
    public static double mean(double[] values) {
        if (values.length == 0) return Double.NaN;
        double s = 0;
        for (double v : values) s += v;
        return s / values.length;
    }

    /** Sample standard deviation (denominator n - 1, two-pass); exactly 0 for identical values, NaN for fewer than two. */
    public static double sampleStd(double[] values) {
        int n = values.length;
        if (n < 2) return Double.NaN;
        // Identical values have no spread; the two-pass formula could return rounding noise (1e-18)
        // that would turn a zero-volatility Sharpe ratio into an astronomically large number.
        boolean constant = true;
        for (int k = 1; k < n && constant; k++) constant = values[k] == values[0];
        if (constant) return values[0] == values[0] ? 0 : Double.NaN;
        double mu = mean(values);
        double ss = 0;
        for (double v : values) {
            double d = v - mu;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }
}
