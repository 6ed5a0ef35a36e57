package dev.strat.runtime.transform;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * A rebalancing schedule: passes the incoming proposal through on rebalance decisions and
 * otherwise proposes the drifted holdings ({@link Decision#current()}), i.e. no trade. The first
 * decision of a run always trades. After it a decision rebalances when, with {@code every > 0},
 * it is the (1 + every)-th, (1 + 2·every)-th, ... decision of the run, or, with {@code drift > 0},
 * when the L1 distance {@code sum |current_i - proposal_i|} (cash included) exceeds
 * {@code drift}. {@code every = 0} switches the calendar off, so a pure drift band is
 * {@code every = 0, drift > 0}. Calendar schedules cut turnover; the drift band trades only
 * when the holdings have wandered far enough from the target to be worth the cost.
 */
public final class Rebalance implements Stage {

    private final String label;
    private final int every;
    private final double drift;
    private int count;

    public Rebalance(String label, int every, double drift) {
        if (every < 0) throw new IllegalArgumentException("rebalance every must be >= 0 decisions");
        if (!(drift >= 0)) throw new IllegalArgumentException("rebalance drift must be >= 0");
        if (every == 0 && drift == 0) throw new IllegalArgumentException("rebalance needs a calendar (every > 0) or a drift band (drift > 0)");
        this.label = label;
        this.every = every;
        this.drift = drift;
    }

    @Override public String label() { return label; }

    @Override
    public void reset(RunSetup setup) {
        count = 0;
    }

    @Override
    public void propose(Decision decision, double[] out) {
        double[] proposal = decision.proposal(), current = decision.current();
        boolean scheduled = count == 0 || every > 0 && count % every == 0;
        count++;
        boolean drifted = false;
        if (!scheduled && drift > 0) {
            double l1 = 0;
            for (int i = 0; i < proposal.length; i++) l1 += Math.abs(current[i] - proposal[i]);
            drifted = l1 > drift;
        }
        System.arraycopy(scheduled || drifted ? proposal : current, 0, out, 0, out.length);
    }
}
