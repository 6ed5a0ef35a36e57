package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * A pass-through stage that records what flows through a pipeline at its place: the proposals
 * it receives (with the holdings they were made from) and every executed outcome.
 */
class Probe implements Stage {

    final List<double[]> proposals = new ArrayList<>();
    final List<double[]> currents = new ArrayList<>();
    final List<double[]> executed = new ArrayList<>();
    final List<Double> logReturns = new ArrayList<>();
    /** For each run (reset), how many outcomes it observed. */
    final List<Integer> runs = new ArrayList<>();

    @Override public String label() { return "probe"; }

    @Override
    public void reset(RunSetup setup) {
        runs.add(0);
    }

    @Override
    public void propose(Decision decision, double[] out) {
        proposals.add(decision.proposal().clone());
        currents.add(decision.current().clone());
        System.arraycopy(decision.proposal(), 0, out, 0, out.length);
    }

    @Override
    public void observe(Outcome outcome) {
        executed.add(outcome.executed().clone());
        logReturns.add(outcome.logReturn());
        runs.set(runs.size() - 1, runs.get(runs.size() - 1) + 1);
    }

    void clear() {
        proposals.clear();
        currents.clear();
        executed.clear();
        logReturns.clear();
        runs.clear();
    }

    /** The largest asset weight (cash excluded) among {@code rows}. */
    static double maxAssetWeight(List<double[]> rows) {
        double max = 0;
        for (double[] w : rows) for (int i = 0; i < w.length - 1; i++) max = Math.max(max, w[i]);
        return max;
    }
}
