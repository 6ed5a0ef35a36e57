package dev.strat.lang.plan;

import dev.strat.runtime.data.DateRange;
import dev.strat.runtime.data.MarketData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an experiment plan earns before anything runs, worded once for {@code strat check} and
 * {@code strat run}: the split resolved to bars (with its warnings about ranges cut to the data)
 * and the warning that a run without a {@code costs} line trades for free. The learner's budget
 * is {@link LearnerBudget}. Check works on the bars of the data's calendar, run on the loaded
 * market; both resolve through here, so they report the same thing.
 */
public final class PreRun {

    private PreRun() {
    }

    /**
     * Resolves the split on the market's calendar. A rolling split resolves to its whole span
     * {@code from..to} here, which checks its dates against the data; its windows come from the
     * walk-forward.
     *
     * @throws dev.strat.runtime.data.DataException when a part holds no bar or lies outside the data
     */
    public static dev.strat.runtime.data.SplitPlan resolveSplit(SplitPlan split, MarketData market) {
        Map<String, DateRange> ranges = new LinkedHashMap<>();
        switch (split) {
            case SplitPlan.Fixed f -> {
                f.train().ifPresent(r -> ranges.put("train", r));
                f.valid().ifPresent(r -> ranges.put("valid", r));
                ranges.put("test", f.test());
            }
            case SplitPlan.Rolling r -> ranges.put("test", new DateRange(r.from(), r.to()));
        }
        return dev.strat.runtime.data.SplitPlan.resolve(market, ranges);
    }

    /** The notes on split ranges cut to the data ({@code train ... runs past the data}); empty when the split does not resolve. */
    public static List<String> splitWarnings(SplitPlan split, MarketData market) {
        try {
            return resolveSplit(split, market).warnings();
        } catch (dev.strat.runtime.data.DataException e) {
            return List.of();
        }
    }

    /** The warning for an experiment with no {@code costs} line, which trades without fees or slippage. */
    public static Optional<String> frictionless(ExperimentPlan plan) {
        if (plan.conventions().costsGiven()) return Optional.empty();
        return Optional.of("no 'costs' line: " + plan.name() + " trades without fees or slippage (frictionless); "
                + "add e.g. 'costs fee 10bp, slippage 0%..5bp'");
    }
}
