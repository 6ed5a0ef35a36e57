package dev.strat.runtime.compose;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.RunSetup;

import java.util.Locale;

/**
 * Chooses the member whose shadow account did best over the last {@code lookback} steps of its
 * {@link TrackRecord}, by one {@link Metric}; ties go to the lowest index. Until the record holds
 * {@code lookback} steps it chooses member 0, so put the default choice first in the pool.
 *
 * <p>The record ends at the decision bar's close, so the choice uses no later price.
 */
public final class BestMember implements SwitchPolicy {

    /** How a member's last {@code lookback} steps are scored; higher is better. */
    public enum Metric {
        /** Wealth growth over the window: {@code V_now / V_then - 1}. */
        TOTAL_RETURN,
        /** Mean over standard deviation of the step returns (not annualised; the ranking is the same). */
        SHARPE,
        /** Mean over the downside deviation {@code sqrt(mean(min(r, 0)^2))} of the step returns. */
        SORTINO,
        /** Minus the largest peak-to-trough fall of wealth within the window (0 is best). */
        DRAWDOWN;

        /** The name as written in the language, e.g. {@code total_return}. */
        public String written() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Metric metric;
    private final int lookback;

    public BestMember(Metric metric, int lookback) {
        if (lookback < 1) throw new IllegalArgumentException("best: lookback must be >= 1 step, got " + lookback);
        if ((metric == Metric.SHARPE || metric == Metric.SORTINO) && lookback < 2) {
            throw new IllegalArgumentException("best: " + metric.written() + " needs a lookback of at least 2 steps");
        }
        this.metric = metric;
        this.lookback = lookback;
    }

    @Override
    public String label() {
        return "best(metric=" + metric.written() + ", lookback=" + lookback + ")";
    }

    @Override
    public void reset(RunSetup setup, String owner, int members) {
    }

    @Override
    public int choose(History history, TrackRecord record) {
        if (record.periods() < lookback) return 0;
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < record.members(); k++) {
            double s = score(record, k);
            if (s > bestScore) {   // strict: ties keep the lower index; NaN never wins
                bestScore = s;
                best = k;
            }
        }
        return best;
    }

    /** The metric of member {@code k} over the last {@code lookback} steps. */
    double score(TrackRecord record, int k) {
        switch (metric) {
            case TOTAL_RETURN:
                return record.wealth(k, 0) / record.wealth(k, lookback) - 1;
            case DRAWDOWN: {
                double peak = record.wealth(k, lookback), worst = 0;
                for (int lag = lookback - 1; lag >= 0; lag--) {
                    double w = record.wealth(k, lag);
                    if (w > peak) peak = w;
                    else worst = Math.max(worst, 1 - w / peak);
                }
                return -worst;
            }
            default: {
                double sum = 0;
                for (int lag = 0; lag < lookback; lag++) sum += record.periodReturn(k, lag);
                double mean = sum / lookback, spread = 0;
                for (int lag = 0; lag < lookback; lag++) {
                    double r = record.periodReturn(k, lag);
                    double d = metric == Metric.SHARPE ? r - mean : Math.min(r, 0);
                    spread += d * d;
                }
                spread = metric == Metric.SHARPE ? Math.sqrt(spread / (lookback - 1)) : Math.sqrt(spread / lookback);
                // a riskless record (cash, or no losses for sortino) ranks by the sign of its mean
                if (spread == 0) return mean == 0 ? 0 : Math.copySign(Double.MAX_VALUE, mean);
                return mean / spread;
            }
        }
    }
}
