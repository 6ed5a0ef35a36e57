package dev.strat.lang.run;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.experiment.ExperimentResult;
import dev.strat.runtime.experiment.StrategyResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the strategies of an experiment that did nothing: no trade in any seed's test run, so
 * they held the starting cash throughout (a stage whose window is longer than the data, a
 * schedule that never fires). Their metrics are all zero and say nothing about the strategy, so
 * the run warns about them, and fails when no strategy traded at all.
 */
final class NeverTraded {

    private NeverTraded() {
    }

    /** The names of the strategies whose every run has zero turnover at every decision, in experiment order. */
    static List<String> strategies(ExperimentResult result) {
        List<String> idle = new ArrayList<>();
        for (StrategyResult s : result.strategies()) {
            boolean traded = false;
            for (BacktestResult run : s.runs()) {
                for (double t : run.turnover()) {
                    if (t > 0) {
                        traded = true;
                        break;
                    }
                }
                if (traded) break;
            }
            if (!traded) idle.add(s.name());
        }
        return idle;
    }

    /** "strategy 'a'" or "strategies 'a' and 'b'". */
    static String describe(List<String> names) {
        if (names.size() == 1) return "strategy '" + names.get(0) + "'";
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return "strategies " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }
}
