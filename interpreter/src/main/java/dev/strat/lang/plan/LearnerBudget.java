package dev.strat.lang.run;

import dev.strat.lang.plan.StageNode;
import dev.strat.lang.plan.StrategyPlan;
import dev.strat.stdlib.StageKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Says before training when a learner cannot learn much from its train split: an on-policy agent
 * (PPO, A2C) updates once per full rollout of {@code n_steps} environment steps, which run on across
 * its {@code epochs} passes over the split, so {@code epochs x train bars / n_steps} rollouts is
 * all it gets; an off-policy agent (SAC, TD3, DDPG) acts at random for {@code learning_starts}
 * steps before its first update. A learner with fewer than {@value #MIN_UPDATES} updates is
 * tested close to its random initial policy, which the run must say rather than report its
 * metrics as a trained agent's.
 */
final class LearnerBudget {

    /** Fewer updates than this is a warning. */
    static final int MIN_UPDATES = 10;

    private LearnerBudget() {
    }

    /**
     * One warning per learner of {@code strategy} that would make fewer than {@link #MIN_UPDATES}
     * updates on {@code trainBars} bars (an upper bound on its steps: warm-up bars take a few).
     */
    static List<String> warnings(StrategyPlan strategy, long trainBars) {
        List<String> out = new ArrayList<>();
        for (StageNode node : strategy.pipeline().walk()) {
            if (node.builtin().kind() != StageKind.AGENT || !node.args().has("epochs")) continue;
            long steps = (long) node.args().integer("epochs") * trainBars;
            String who = "strategy '" + strategy.name() + "': " + node.builtin().name();
            if (node.args().has("n_steps")) {
                int nSteps = node.args().integer("n_steps");
                long updates = steps / nSteps;
                if (updates == 0) {
                    out.add(who + " never fills a rollout of n_steps=" + nSteps + " (" + node.args().integer("epochs") + " epochs x "
                            + trainBars + " train bars = " + steps + " steps), so it makes no update and is tested untrained; "
                            + "lower n_steps or lengthen the train split");
                } else if (updates < MIN_UPDATES) {
                    out.add(who + " makes only " + updates + " update" + (updates == 1 ? "" : "s") + " (" + steps + " steps / n_steps="
                            + nSteps + "); lower n_steps or add epochs for at least " + MIN_UPDATES);
                }
            } else if (node.args().has("learning_starts")) {
                int starts = node.args().integer("learning_starts");
                long updates = Math.max(0, steps - starts);
                if (updates < MIN_UPDATES) {
                    out.add(who + " makes " + updates + " update" + (updates == 1 ? "" : "s") + ": its " + steps
                            + " steps barely pass learning_starts=" + starts + "; lower learning_starts or add epochs");
                }
            }
        }
        return out;
    }
}
