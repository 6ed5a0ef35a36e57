package dev.strat.runtime.experiment;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.stats.SharpeDifference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@code significance sharpe_diff(reference)}: the Ledoit-Wolf (2008) test of the difference
 * of Sharpe ratios over time, reference against each other strategy.
 *
 * <p>It uses the first seed's run of each strategy (under a walk-forward, its chained run), so
 * that pairs are periods, not seeds: a deterministic strategy's seeds add nothing, and a learner's
 * other seeds are what the Wilcoxon test is for. Returns are in excess of the experiment's
 * risk-free rate per period, as the Sharpe column is. The p-value is the studentised circular
 * block bootstrap's (block length about {@code T^(1/3)}, seeded by the first seed), which the paper
 * recommends over the HAC normal p-value for small samples and fat tails; the HAC p-value is in
 * the note.
 */
final class SharpeDiffTests {

    private SharpeDiffTests() {
    }

    static List<SignificanceResult> run(ExperimentSpec spec, SignificanceSpec sig, List<StrategyResult> results) {
        StrategyResult reference = null;
        for (StrategyResult r : results) if (r.name().equals(sig.reference())) reference = r;
        if (reference == null) throw new IllegalArgumentException("significance reference '" + sig.reference() + "' is not compared");
        double[] ref = excessReturns(spec, reference.firstRun());
        long seed = spec.seeds().get(0);
        List<SignificanceResult> tests = new ArrayList<>();
        for (StrategyResult other : results) {
            if (other == reference) continue;
            double[] oth = excessReturns(spec, other.firstRun());
            tests.add(test(sig, reference.name(), ref, other.name(), oth, reference.firstRun().periodsPerYear(), seed));
        }
        return tests;
    }

    static SignificanceResult test(SignificanceSpec sig, String reference, double[] ref, String other, double[] oth,
                                   double periodsPerYear, long seed) {
        double smallest = 1.0 / (sig.resamples() + 1);
        if (ref.length != oth.length || ref.length < 3) {
            return new SignificanceResult(SignificanceTest.SHARPE_DIFF, MetricId.SHARPE, reference, other, Math.min(ref.length, oth.length),
                    sig.resamples(), Double.NaN, false, false, false, smallest,
                    ref.length != oth.length ? "the two runs cover different periods" : "fewer than 3 periods");
        }
        SharpeDifference.Result hac = SharpeDifference.hac(ref, oth);
        if (Double.isNaN(hac.pValue())) {
            return new SignificanceResult(SignificanceTest.SHARPE_DIFF, MetricId.SHARPE, reference, other, ref.length, sig.resamples(),
                    Double.NaN, false, false, false, smallest, "a constant return series has no Sharpe ratio");
        }
        int block = SharpeDifference.defaultBlock(ref.length);
        double p = SharpeDifference.bootstrap(ref, oth, block, sig.resamples(), seed);
        double annual = Math.sqrt(periodsPerYear);
        String note = String.format(Locale.ROOT, "annualised Sharpe %.2f vs %.2f; HAC p = %s; block %d, %d resamples",
                hac.sharpe1() * annual, hac.sharpe2() * annual, Wilcoxon.formatP(hac.pValue()), block, sig.resamples());
        return new SignificanceResult(SignificanceTest.SHARPE_DIFF, MetricId.SHARPE, reference, other, ref.length, sig.resamples(),
                p, false, p < sig.alpha(), hac.difference() > 0, smallest, note);
    }

    /** Per-period returns less the experiment's per-period risk-free rate. */
    static double[] excessReturns(ExperimentSpec spec, BacktestResult run) {
        double rf = spec.options().riskFreePerPeriod(run.periodsPerYear());
        double[] r = run.returns();
        for (int t = 0; t < r.length; t++) r[t] -= rf;
        return r;
    }
}
