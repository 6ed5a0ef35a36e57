package dev.strat.runtime.experiment;

import dev.strat.runtime.stats.SharpeRatios;

import java.util.ArrayList;
import java.util.List;

/**
 * The probabilistic and deflated Sharpe ratios (Bailey and Lopez de Prado) of one strategy's first
 * seed, shown beside a Sharpe difference test.
 *
 * @param strategy the strategy
 * @param sharpe   its annualised Sharpe ratio in excess of the risk-free rate (sample std)
 * @param psr      probability that its true Sharpe ratio exceeds 0, given skewness and kurtosis
 * @param dsr      the same against the maximum Sharpe ratio expected of {@code trials} unskilled
 *                 strategies with the compared strategies' Sharpe variance
 * @param trials   the number of strategies tried, which DSR deflates for (a symbol benchmark is not one)
 * @param periods  the number of returns
 */
public record SharpeConfidence(String strategy, double sharpe, double psr, double dsr, int trials, int periods) {

    /**
     * PSR and DSR of every compared strategy's first seed, DSR deflating for the strategies tried
     * ({@link ExperimentSpec#tried}: a symbol benchmark is shown but not counted).
     */
    public static List<SharpeConfidence> of(ExperimentSpec spec, List<StrategyResult> results) {
        int n = results.size();
        double[][] returns = new double[n][];
        double[] sharpes = new double[n];
        List<Double> tried = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            returns[k] = SharpeDiffTests.excessReturns(spec, results.get(k).firstRun());
            sharpes[k] = SharpeRatios.sharpe(returns[k]);
            if (spec.tried(results.get(k).name())) tried.add(sharpes[k]);
        }
        double variance = SharpeRatios.variance(tried.stream().mapToDouble(Double::doubleValue).toArray());
        int trials = Math.max(1, tried.size());
        List<SharpeConfidence> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double annual = Math.sqrt(results.get(k).firstRun().periodsPerYear());
            boolean enough = returns[k].length >= 2;
            out.add(new SharpeConfidence(results.get(k).name(), sharpes[k] * annual,
                    enough ? SharpeRatios.psr(returns[k], 0) : Double.NaN,
                    enough ? SharpeRatios.dsr(returns[k], trials, variance) : Double.NaN, trials, returns[k].length));
        }
        return out;
    }
}
