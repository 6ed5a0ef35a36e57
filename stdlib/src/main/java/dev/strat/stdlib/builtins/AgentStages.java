package dev.strat.stdlib.builtins;

import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.portfolio.AgentFactory;
import dev.strat.runtime.rl.portfolio.LearningAgentStage;
import dev.strat.runtime.rl.portfolio.LearningSettings;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.ComponentBinder;
import dev.strat.stdlib.ComponentType;
import dev.strat.stdlib.Value;

/**
 * Turns an agent call's checked arguments into a trainable runtime stage: the algorithm's
 * configuration (built by the factory the agent was registered with), the observation features,
 * the action map, the reward and the training settings.
 */
final class AgentStages {

    private AgentStages() {
    }

    /** An algorithm's trainer factory from the call's arguments and the agent's two networks. */
    @FunctionalInterface
    interface Configuration {
        AgentFactory configure(Arguments args, NetSpec actor, NetSpec critic);
    }

    /**
     * One agent algorithm.
     *
     * @param name          the built-in's name, also the stage's algorithm label
     * @param onPolicy      PPO and A2C: SB3 gives them tanh MLPs and a value network of any shape; the
     *                      off-policy critics use ReLU and read observation and action side by side
     * @param configuration builds the algorithm's trainer factory
     */
    record Algorithm(String name, boolean onPolicy, Configuration configuration) {
    }

    static Stage create(Algorithm algorithm, Arguments args, BuildContext context, ComponentBinder components) {
        double[] hidden = args.numbers("hidden");
        for (double h : hidden) {
            if (h != Math.rint(h)) throw new BuildException("'hidden' widths must be whole numbers, got " + h);
        }
        String activation = algorithm.onPolicy() ? "tanh" : "relu";
        NetSpec actor = network(args.get("net"), hidden, activation, context, components);
        NetSpec critic = network(args.get("critic"), hidden, activation, context, components);
        if (!algorithm.onPolicy() && !(critic instanceof NetSpec.Mlp)) {
            throw new BuildException(algorithm.name() + ": the critic must be an mlp (it reads the observation and the action side by side)");
        }
        AgentFactory factory = algorithm.configuration().configure(args, actor, critic);
        if (args.text("device").equals("gpu")) {
            try {
                Compute.of("gpu");
            } catch (IllegalArgumentException e) {
                throw new BuildException(e.getMessage());
            }
        }
        LearningSettings settings = new LearningSettings(args.integer("epochs"), args.text("select"), args.integer("patience"),
                args.text("device"), args.text("train_with"));
        var features = components.buildAll(ComponentType.FEATURE, args.get("features"), context);
        // what the networks would refuse when the agent is created, said now, with the agent's location
        var layout = new dev.strat.runtime.rl.portfolio.Observations(features, context.market().assets()).layout();
        for (NetSpec net : java.util.List.of(actor, critic)) {
            net.incompatibility(layout).ifPresent(why -> {
                throw new BuildException(algorithm.name() + ": " + why);
            });
        }
        return new LearningAgentStage(Specs.label(algorithm.name(), args), algorithm.name(), factory,
                features,
                components.build(ComponentType.ACTIONS, args.get("actions"), context),
                components.build(ComponentType.REWARD, args.get("reward"), context), settings, context.market().assets());
    }

    /** The network a {@code net=} or {@code critic=} argument names; {@code auto} is an MLP of {@code hidden}. */
    static NetSpec network(Value value, double[] hidden, String defaultActivation, BuildContext context,
                                   ComponentBinder components) {
        if (value instanceof Value.Word) {
            return new NetSpec.Mlp(Components.widths(hidden), Activation.of(defaultActivation), false, 0);
        }
        return components.build(ComponentType.NETWORK, value, context);
    }
}
