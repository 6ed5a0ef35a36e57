package dev.strat.lang.plan;

import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.DataException;
import dev.strat.runtime.data.DateRange;
import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.WalkForward;
import dev.strat.runtime.experiment.Protocol;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.StandardLibrary;
import dev.strat.stdlib.builtins.LearnedPolicies;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Says before training when a learner cannot learn much from its train split: an on-policy agent
 * (PPO, A2C) updates once per full rollout of {@code n_steps} environment steps, which run on across
 * its {@code epochs} passes over the split, so {@code epochs x train bars / n_steps} rollouts is
 * all it gets; an off-policy agent (SAC, TD3, DDPG) acts at random for {@code learning_starts}
 * steps before its first update. A learner with fewer than {@value #MIN_UPDATES} updates is
 * tested close to its random initial policy, which must be said rather than its metrics reported
 * as a trained agent's; one with no update at all is tested untrained, an error.
 *
 * <p>{@code strat check} (on the bars of the data's calendar) and {@code strat run} (on the loaded
 * market) both count the train bars with {@link #trainBars} and word the findings with
 * {@link #findings}, so they say the same thing.
 */
public final class LearnerBudget {

    /** Fewer updates than this is a warning. */
    public static final int MIN_UPDATES = 10;

    /**
     * One learner's problem.
     *
     * @param agent   the agent stage, whose span the diagnostic points at
     * @param fatal   true when the learner makes no update at all (it is tested untrained)
     * @param message what is wrong and what to change
     */
    public record Finding(StageNode agent, boolean fatal, String message) { }

    private LearnerBudget() {
    }

    /**
     * The bars a learner of an experiment with this split trains on first: the train part of a
     * fixed split, the first walk-forward window's train block (less the bars it keeps for
     * validation) of a rolling one. Empty when the split does not train or does not resolve on
     * {@code market} (the split's own checks say why).
     */
    public static OptionalLong trainBars(SplitPlan split, MarketData market) {
        try {
            return switch (split) {
                case SplitPlan.Fixed f -> f.train().isEmpty() ? OptionalLong.empty()
                        : OptionalLong.of(dev.strat.runtime.data.SplitPlan.resolve(market, Map.of("train", f.train().get())).bars("train").bars());
                case SplitPlan.Rolling ro -> {
                    var blocks = WalkForward.windows(market, ro.train(), ro.test(), new DateRange(ro.from(), ro.to()), ro.expanding());
                    int validBars = ro.valid() == null ? 0 : ro.valid().bars(market.frequency());
                    Protocol.WalkForward walk = Protocol.WalkForward.of(blocks, Protocol.Retrain.SCRATCH, validBars);
                    yield walk.windows().isEmpty() ? OptionalLong.empty()
                            : OptionalLong.of(walk.windows().get(0).train().map(BarRange::bars).orElse(0));
                }
            };
        } catch (DataException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * One finding per learner of {@code strategy} (pool members and roles included) that would make
     * fewer than {@link #MIN_UPDATES} updates on {@code trainBars} bars (an upper bound on its
     * steps: warm-up bars take a few); {@code frequency} turns an {@code every 1w} schedule into bars.
     */
    public static List<Finding> findings(StrategyPlan strategy, long trainBars, Frequency frequency) {
        List<Finding> out = new ArrayList<>();
        for (StageNode node : strategy.pipeline().walk()) {
            pooled(strategy, node).ifPresent(out::add);
            if (node.builtin().kind() != StageKind.AGENT || !node.args().has("epochs")) continue;
            // an agent consulted every k bars (its every clause) takes one step per decision
            int every = node.every().map(p -> p instanceof Value.Length l ? l.length().bars(frequency) : (int) ((Value.Num) p).value())
                    .map(k -> Math.max(1, k)).orElse(1);
            long steps = (long) node.args().integer("epochs") * (trainBars / every);
            String bars = trainBars + " train bars" + (every > 1 ? " / every " + every : "");
            String who = "strategy '" + strategy.name() + "': " + node.builtin().name();
            if (node.args().has("n_steps")) {
                int nSteps = node.args().integer("n_steps");
                long updates = steps / nSteps;
                if (updates == 0) {
                    out.add(new Finding(node, true, who + " never fills a rollout of n_steps=" + nSteps + " (" + node.args().integer("epochs")
                            + " epochs x " + bars + " = " + steps + " steps), so it makes no update and is tested untrained; "
                            + "lower n_steps or lengthen the train split"));
                } else if (updates < MIN_UPDATES) {
                    out.add(new Finding(node, false, who + " makes only " + updates + " update" + (updates == 1 ? "" : "s") + " (" + steps
                            + " steps / n_steps=" + nSteps + "); lower n_steps or add epochs for at least " + MIN_UPDATES));
                }
            } else if (node.args().has("learning_starts")) {
                int starts = node.args().integer("learning_starts");
                long updates = Math.max(0, steps - starts);
                if (updates == 0) {
                    out.add(new Finding(node, true, who + " never passes learning_starts=" + starts + " (" + node.args().integer("epochs")
                            + " epochs x " + bars + " = " + steps + " steps), so it makes no update and is tested untrained; "
                            + "lower learning_starts or lengthen the train split"));
                } else if (updates < MIN_UPDATES) {
                    out.add(new Finding(node, false, who + " makes " + updates + " update" + (updates == 1 ? "" : "s") + ": its " + steps
                            + " steps barely pass learning_starts=" + starts + "; lower learning_starts or add epochs"));
                }
            }
        }
        return out;
    }

    /**
     * A learning switch or blend ({@code switch ppo(...) every 5 over pool}) trains for
     * {@code timesteps} decisions, replaying the train split as often as that takes, and updates once
     * per {@code n_steps} of them: its budget does not depend on the split.
     */
    private static Optional<Finding> pooled(StrategyPlan strategy, StageNode node) {
        if (!node.args().has("policy") || !(node.args().get("policy") instanceof Value.Call call)
                || !LearnedPolicies.AGENTS.contains(call.name())) {
            return Optional.empty();
        }
        long nSteps = policyInteger(call, "n_steps"), timesteps = policyInteger(call, "timesteps");
        if (nSteps <= 0 || timesteps <= 0) return Optional.empty();
        long updates = timesteps / nSteps;
        String who = "strategy '" + strategy.name() + "': " + node.builtin().name() + " " + call.name();
        if (updates == 0) {
            return Optional.of(new Finding(node, true, who + " never fills a rollout of n_steps=" + nSteps + " in its timesteps="
                    + timesteps + " decisions, so it makes no update and is tested untrained; lower n_steps or raise timesteps"));
        }
        if (updates < MIN_UPDATES) {
            return Optional.of(new Finding(node, false, who + " makes only " + updates + " update" + (updates == 1 ? "" : "s")
                    + " (timesteps=" + timesteps + " / n_steps=" + nSteps + "); lower n_steps or raise timesteps for at least " + MIN_UPDATES));
        }
        return Optional.empty();
    }

    /** A whole-number argument of a learning policy: as written, else the policy's default; -1 when there is none. */
    private static long policyInteger(Value.Call call, String name) {
        Value v = call.args().get(name);
        if (v == null) {
            v = StandardLibrary.registry().find(call.name()).flatMap(LearnedPolicies::schema)
                    .flatMap(b -> b.params().stream().filter(p -> p.name().equals(name)).findFirst())
                    .map(ParamSpec::defaultValue).orElse(null);
        }
        return v instanceof Value.Num n ? (long) n.value() : -1;
    }
}
