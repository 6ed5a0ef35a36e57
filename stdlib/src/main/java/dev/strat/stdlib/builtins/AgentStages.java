package dev.strat.stdlib.builtins;

import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.algo.A2c;
import dev.strat.runtime.rl.algo.Ddpg;
import dev.strat.runtime.rl.algo.Ppo;
import dev.strat.runtime.rl.algo.Sac;
import dev.strat.runtime.rl.algo.Td3;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.portfolio.AgentFactory;
import dev.strat.runtime.rl.portfolio.LearningAgentStage;
import dev.strat.runtime.rl.portfolio.LearningSettings;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.MarketInfo;

/**
 * Turns an agent call's checked arguments into a trainable runtime stage: the algorithm's
 * configuration (SB3 defaults overridden by what the program wrote), the observation features,
 * the action map, the reward and the training settings.
 */
final class AgentStages {

    private AgentStages() {
    }

    static Stage create(String algorithm, Arguments args, MarketInfo market) {
        double[] hidden = args.numbers("hidden");
        for (double h : hidden) {
            if (h != Math.rint(h)) throw new BuildException("'hidden' widths must be whole numbers, got " + h);
        }
        boolean onPolicy = algorithm.equals("ppo") || algorithm.equals("a2c");
        // SB3 uses tanh for the on-policy MLPs and ReLU for the off-policy ones
        String activation = onPolicy ? "tanh" : "relu";
        NetSpec actor = ComponentBinding.network(args.get("net"), hidden, activation);
        NetSpec critic = ComponentBinding.network(args.get("critic"), hidden, activation);
        if (!onPolicy && !(critic instanceof NetSpec.Mlp)) {
            throw new BuildException(algorithm + ": the critic must be an mlp (it reads the observation and the action side by side)");
        }
        AgentFactory factory = factory(algorithm, args, actor, critic);
        if (args.text("device").equals("gpu")) {
            try {
                Compute.of("gpu");
            } catch (IllegalArgumentException e) {
                throw new BuildException(e.getMessage());
            }
        }
        LearningSettings settings = new LearningSettings(args.integer("epochs"), args.text("select"), args.integer("patience"),
                args.text("device"), args.text("train_with"));
        var reward = args.get("reward");
        return new LearningAgentStage(Specs.label(algorithm, args), algorithm, factory,
                ComponentBinding.features(args.get("features"), market), ComponentBinding.actions(args.get("actions")),
                () -> ComponentBinding.reward(reward), settings, market.assets());
    }

    private static AgentFactory factory(String algorithm, Arguments a, NetSpec actor, NetSpec critic) {
        return switch (algorithm) {
            case "td3" -> {
                Td3.Config c = Td3.Config.defaults().withNets(actor, critic).withLearningRate(a.number("lr"))
                        .withBuffer(buffer(a)).withBatch(a.integer("batch")).withLearningStarts(a.integer("learning_starts"))
                        .withTau(a.number("tau")).withGamma(a.number("gamma"))
                        .withTraining(a.integer("train_every"), a.integer("gradient_steps"))
                        .withPolicyDelay(a.integer("policy_delay")).withTargetNoise(a.number("target_noise"), a.number("noise_clip"))
                        .withActionNoise(a.number("action_noise"));
                yield (spec, seed, compute) -> new Td3(spec, c, seed, compute);
            }
            case "ddpg" -> {
                Ddpg.Config c = Ddpg.Config.defaults().withNets(actor, critic).withLearningRate(a.number("lr"))
                        .withBuffer(buffer(a)).withBatch(a.integer("batch")).withLearningStarts(a.integer("learning_starts"))
                        .withTau(a.number("tau")).withGamma(a.number("gamma"))
                        .withTraining(a.integer("train_every"), a.integer("gradient_steps"))
                        .withActionNoise(a.number("action_noise"));
                yield (spec, seed, compute) -> new Ddpg(spec, c, seed, compute);
            }
            case "sac" -> {
                Sac.Config base = Sac.Config.defaults().withNets(actor, critic).withLearningRate(a.number("lr"))
                        .withBuffer(buffer(a)).withBatch(a.integer("batch")).withLearningStarts(a.integer("learning_starts"))
                        .withTau(a.number("tau")).withGamma(a.number("gamma"))
                        .withTraining(a.integer("train_every"), a.integer("gradient_steps"));
                double fixed = a.number("ent_coef");
                double target = a.number("target_entropy");
                Sac.Config c = fixed > 0 ? base.withFixedEntropy(fixed) : base.withAutoEntropy(1.0, target == 0 ? Double.NaN : target);
                yield (spec, seed, compute) -> new Sac(spec, c, seed, compute);
            }
            case "ppo" -> {
                Ppo.Config c = Ppo.Config.defaults().withNets(actor, critic).withNSteps(a.integer("n_steps"))
                        .withBatchSize(a.integer("batch")).withEpochs(a.integer("n_epochs")).withLearningRate(a.number("lr"))
                        .withGamma(a.number("gamma")).withGaeLambda(a.number("gae_lambda")).withClipRange(a.number("clip"))
                        .withEntCoef(a.number("ent_coef")).withVfCoef(a.number("vf_coef")).withMaxGradNorm(a.number("max_grad_norm"));
                yield (spec, seed, compute) -> new Ppo(spec, c, seed, compute);
            }
            case "a2c" -> {
                A2c.Config c = A2c.Config.defaults().withNets(actor, critic).withNSteps(a.integer("n_steps"))
                        .withLearningRate(a.number("lr")).withGamma(a.number("gamma")).withGaeLambda(a.number("gae_lambda"))
                        .withEntCoef(a.number("ent_coef")).withVfCoef(a.number("vf_coef")).withMaxGradNorm(a.number("max_grad_norm"));
                yield (spec, seed, compute) -> new A2c(spec, c, seed, compute);
            }
            default -> throw new BuildException("unknown agent '" + algorithm + "'");
        };
    }

    private static int buffer(Arguments a) {
        double b = a.number("buffer");
        if (b != Math.rint(b) || b > Integer.MAX_VALUE) throw new BuildException("'buffer' must be a whole number of transitions, got " + b);
        return (int) b;
    }
}
