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

    /**
     * The error for an experiment on a fixed split whose warm-up leaves no decision in its test
     * period ({@code test} in bars), or empty. A rolling split's windows are checked by its walk-forward.
     */
    public static Optional<String> noDecision(ExperimentPlan plan, dev.strat.runtime.data.BarRange test) {
        if (plan.split() instanceof SplitPlan.Rolling) return Optional.empty();
        int firstBar = Math.max(test.from(), plan.warmup());
        if (test.to() - 1 > firstBar) return Optional.empty();
        return Optional.of("experiment '" + plan.name() + "' has no decision to make: its test period holds " + test.bars()
                + " bar(s) after a warm-up of " + plan.warmup());
    }

    /** The warning for an experiment with no {@code costs} line, which trades without fees or slippage. */
    public static Optional<String> frictionless(ExperimentPlan plan) {
        if (plan.conventions().costsGiven()) return Optional.empty();
        return Optional.of("no 'costs' line: " + plan.name() + " trades without fees or slippage (frictionless); "
                + "add e.g. 'costs fee 10bp, slippage 0%..5bp'");
    }

    /**
     * The agents of {@code strategy} that select their best epoch on the valid part ({@code select}
     * other than {@code last}) under a split that has none: they keep the last epoch's model.
     */
    public static List<LearnerBudget.Finding> unselectable(StrategyPlan strategy, SplitPlan split) {
        boolean valid = switch (split) {
            case SplitPlan.Fixed f -> f.valid().isPresent();
            case SplitPlan.Rolling r -> r.valid() != null;
        };
        if (valid) return List.of();
        List<LearnerBudget.Finding> out = new java.util.ArrayList<>();
        for (StageNode node : strategy.pipeline().walk()) {
            if (node.builtin().kind() != dev.strat.stdlib.StageKind.AGENT || !node.args().has("select")
                    || !node.args().has("epochs")) continue;
            String select = node.args().text("select");
            if (select.equals("last")) continue;
            // the agent's own words (LearningAgentStage.selects, its label the call as built), so the run, which
            // says it again when the agent trains, does not print it a second time
            out.add(new LearnerBudget.Finding(node, false, node.builtin().name() + node.args().render()
                    + ": the split has no valid part, so select=" + select + " cannot choose an epoch; the last epoch's model is kept"));
        }
        return out;
    }
}
