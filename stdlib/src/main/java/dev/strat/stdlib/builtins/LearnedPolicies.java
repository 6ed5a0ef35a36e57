package dev.strat.stdlib.builtins;

import dev.strat.runtime.compose.Blend;
import dev.strat.runtime.compose.Switch;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.portfolio.AgentFactory;
import dev.strat.runtime.rl.switching.LearnedPoolPolicy;
import dev.strat.runtime.rl.switching.LearningPool;
import dev.strat.runtime.rl.switching.PoolLearning;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.ComponentBinder;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An agent as the policy of a switch or blend: {@code switch ppo(lookback=24) every 5 over hc + [no_trade]},
 * the HRP/HERC switching paper's high level. The call's parameters are the agent's own (the same
 * schema as {@code agent ppo(...)}, minus what a portfolio agent alone needs: features, actions,
 * reward, epochs and validation) with the paper's defaults (RLlib's PPO), plus {@code lookback},
 * {@code hold_bonus} and {@code timesteps}. The checker binds a policy call against
 * {@link #schema}; the switch and blend factories build it with {@link #build}.
 */
public final class LearnedPolicies {

    /** Agents that can learn as a switch or blend policy. */
    public static final List<String> AGENTS = List.of("ppo");

    /** Parameters of a portfolio agent that a pool policy does not have: its state, action and training are fixed. */
    private static final Set<String> DROPPED = Set.of("features", "actions", "reward", "epochs", "select", "patience", "train_with");

    /** RLlib's PPO defaults, as the paper ran it: two tanh layers of 256, lr 5e-5, lambda 1, clip 0.3, 30 SGD epochs of minibatch 128, rollouts of 4000. */
    private static final Map<String, Value> PAPER = Map.of(
            "hidden", new Value.ListOf(List.of(Specs.integer(256), Specs.integer(256))),
            "lr", Specs.num(5e-5),
            "n_steps", Specs.integer(4000),
            "gae_lambda", Specs.num(1.0),
            "batch", Specs.integer(128),
            "n_epochs", Specs.integer(30),
            "clip", Specs.num(0.3));

    private LearnedPolicies() {
    }

    /**
     * The parameters of {@code agent} as a pool policy, or empty when it cannot be one.
     * The returned built-in only carries the schema; it is not registered and builds nothing itself.
     */
    public static Optional<Builtin> schema(Builtin agent) {
        if (agent.kind() != StageKind.AGENT || !AGENTS.contains(agent.name())) return Optional.empty();
        List<ParamSpec> params = new ArrayList<>();
        for (ParamSpec p : agent.params()) {
            if (DROPPED.contains(p.name())) continue;
            Value paper = PAPER.get(p.name());
            params.add(paper == null ? p : new ParamSpec(p.name(), p.type(), paper, p.min(), p.max(), p.doc()));
        }
        params.add(Specs.count("lookback", 24, 1, "steps of every member's record in the state (log growth per step)"));
        params.add(Specs.number("hold_bonus", 0, -1, 1,
                "added to a decision's reward when it chose no_trade and every asset fell over its bars (the paper's formula was lost)"));
        params.add(Specs.count("timesteps", 100_000, 1, "high-level decisions trained in all; episodes replay the train split"));
        return Optional.of(new Builtin(agent.name(), StageKind.AGENT, params,
                agent.name() + " as the policy of a switch or blend.",
                "Learns from the members' recent records which member to execute (switch) or how to weigh them (blend).",
                agent.reference(), "strategy sw = switch ppo(lookback=24) every 5 over [ucrp, olmar, no_trade]",
                (args, context) -> {
                    throw new BuildException(agent.name() + " as a policy is built by its switch or blend");
                }));
    }

    /** True when a composite's policy value is a learning agent's call. */
    static boolean learns(Value policy) {
        return policy instanceof Value.Call c && AGENTS.contains(c.name());
    }

    /** The trainable switch ({@code blend == false}) or blend over the context's members with the learning policy {@code call}. */
    static Stage build(boolean blend, Value.Call call, String name, int every, List<Stage> members, List<String> names,
                       BuildContext context, ComponentBinder components) {
        Arguments args = new Arguments(call.args());
        if (!blend && members.size() < 2) {
            throw new BuildException("switch " + call.name() + " needs at least two members to choose from, the pool has " + members.size());
        }
        double[] hidden = args.numbers("hidden");
        for (double h : hidden) {
            if (h != Math.rint(h)) throw new BuildException("'hidden' widths must be whole numbers, got " + h);
        }
        NetSpec actor = AgentStages.network(args.get("net"), hidden, "tanh", context, components);
        NetSpec critic = AgentStages.network(args.get("critic"), hidden, "tanh", context, components);
        AgentFactory factory = Agents.ppo(args, actor, critic);
        String device = args.text("device");
        if (device.equals("gpu")) {
            try {
                Compute.of("gpu");
            } catch (IllegalArgumentException e) {
                throw new BuildException(e.getMessage());
            }
        }
        int lookback = args.integer("lookback");
        PoolLearning settings = new PoolLearning(lookback, args.number("hold_bonus"), args.integer("timesteps"), device);
        LearnedPoolPolicy policy = new LearnedPoolPolicy(call.render(), blend, members.size(), lookback);
        Stage composite = blend ? new Blend(name, policy, every, members, names) : new Switch(name, policy, every, members, names);
        return new LearningPool(composite, policy, call.name(), factory, settings);
    }
}
