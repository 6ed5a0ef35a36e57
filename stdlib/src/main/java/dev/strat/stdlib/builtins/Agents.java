package dev.strat.stdlib.builtins;

import dev.strat.runtime.rl.algo.A2c;
import dev.strat.runtime.rl.algo.Ddpg;
import dev.strat.runtime.rl.algo.Ppo;
import dev.strat.runtime.rl.algo.Sac;
import dev.strat.runtime.rl.algo.Td3;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.portfolio.AgentFactory;
import dev.strat.runtime.rl.portfolio.LearningSettings;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.ComponentBinder;
import dev.strat.stdlib.ComponentKind;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The deep RL agents: DDPG, TD3, SAC, PPO and A2C. Every agent shares the observation, action,
 * reward and training parameters; each adds its algorithm's hyper-parameters with
 * Stable-Baselines3's defaults and is registered with the configuration factory that reads them.
 */
public final class Agents {

    private Agents() {
    }

    public static void register(Registry.Builder b) {
        ComponentBinder components = b.binder();
        b.add(agent(components, "ddpg", "Deep deterministic policy gradient: a deterministic actor and one critic.",
                "An off-policy actor-critic: the critic learns Q(s, a) from replayed transitions with a target "
                        + "network, the actor follows the critic's gradient; exploration adds Gaussian noise.",
                "T. P. Lillicrap et al., \"Continuous control with deep reinforcement learning\", ICLR 2016",
                "strategy d = agent ddpg(hidden=[400, 300], epochs=20)",
                List.of(400, 300), offPolicy(1e-3, 100, 100, List.of(
                        Specs.number("action_noise", 0.1, 0, 10, "std of the Gaussian exploration noise"))), Agents::ddpg));
        b.add(agent(components, "td3", "Twin delayed DDPG: twin critics, delayed actor updates, target policy smoothing.",
                "DDPG made robust: two critics and the smaller of their targets against over-estimation, clipped "
                        + "noise on target actions, and actor and target updates only every policy_delay critic updates. "
                        + "RiPO's learner.",
                "S. Fujimoto, H. van Hoof, D. Meger, \"Addressing Function Approximation Error in Actor-Critic Methods\", ICML 2018",
                "strategy td3 = agent td3(hidden=[400, 300], lr=1e-3, buffer=1e6, batch=100, target_noise=0.2)",
                List.of(400, 300), offPolicy(1e-3, 100, 100, List.of(
                        Specs.number("action_noise", 0.1, 0, 10, "std of the Gaussian exploration noise"),
                        Specs.count("policy_delay", 2, 1, "critic updates per actor update"),
                        Specs.number("target_noise", 0.2, 0, 10, "std of the smoothing noise on target actions"),
                        Specs.number("noise_clip", 0.5, 0, 10, "clip of the target smoothing noise"))), Agents::td3));
        b.add(agent(components, "sac", "Soft actor-critic: a tanh-squashed Gaussian policy with an entropy bonus.",
                "Maximum-entropy off-policy learning with twin critics; the temperature is tuned to a target "
                        + "entropy (auto) or fixed. HADAPS's learner.",
                "T. Haarnoja et al., \"Soft Actor-Critic Algorithms and Applications\", arXiv:1812.05905, 2018",
                "strategy s = agent sac(hidden=[256, 256], ent_coef=auto)",
                List.of(256, 256), offPolicy(3e-4, 256, 100, List.of(
                        ParamSpec.optional("ent_coef", new ParamType.Number(), Specs.num(0), 0, 100,
                                "fixed entropy temperature; 0 tunes it automatically"),
                        Specs.number("target_entropy", 0, -1e6, 0, "target entropy for automatic tuning; 0 means -dim(action)"))), Agents::sac));
        b.add(agent(components, "ppo", "Proximal policy optimisation: clipped surrogate, GAE, minibatch epochs.",
                "On-policy: collects n_steps transitions, computes GAE advantages, then runs n_epochs of minibatch "
                        + "updates of the clipped surrogate objective, the value loss and an entropy bonus.",
                "J. Schulman et al., \"Proximal Policy Optimization Algorithms\", arXiv:1707.06347, 2017",
                "strategy p = agent ppo(hidden=[64, 64], n_steps=2048)",
                List.of(64, 64), onPolicy(3e-4, 2048, 0.95, List.of(
                        Specs.count("batch", 64, 1, "minibatch size"),
                        Specs.count("n_epochs", 10, 1, "passes over each rollout"),
                        Specs.number("clip", 0.2, 0, 10, "clip range of the probability ratio"))), Agents::ppo));
        b.add(agent(components, "a2c", "Advantage actor-critic: synchronous n-step policy gradient.",
                "On-policy: every n_steps transitions, one gradient step on the policy gradient weighted by the "
                        + "n-step advantage, plus the value loss and an entropy bonus.",
                "V. Mnih et al., \"Asynchronous Methods for Deep Reinforcement Learning\", ICML 2016",
                "strategy a = agent a2c(hidden=[64, 64], n_steps=5)",
                List.of(64, 64), onPolicy(7e-4, 5, 1.0, List.of()), Agents::a2c));
    }

    // each algorithm's configuration: SB3's defaults overridden by what the program wrote

    private static AgentFactory ddpg(Arguments a, NetSpec actor, NetSpec critic) {
        Ddpg.Config c = Ddpg.Config.defaults().withNets(actor, critic).withLearningRate(a.number("lr"))
                .withBuffer(buffer(a)).withBatch(a.integer("batch")).withLearningStarts(a.integer("learning_starts"))
                .withTau(a.number("tau")).withGamma(a.number("gamma"))
                .withTraining(a.integer("train_every"), a.integer("gradient_steps"))
                .withActionNoise(a.number("action_noise"));
        return (spec, seed, compute) -> new Ddpg(spec, c, seed, compute);
    }

    private static AgentFactory td3(Arguments a, NetSpec actor, NetSpec critic) {
        Td3.Config c = Td3.Config.defaults().withNets(actor, critic).withLearningRate(a.number("lr"))
                .withBuffer(buffer(a)).withBatch(a.integer("batch")).withLearningStarts(a.integer("learning_starts"))
                .withTau(a.number("tau")).withGamma(a.number("gamma"))
                .withTraining(a.integer("train_every"), a.integer("gradient_steps"))
                .withPolicyDelay(a.integer("policy_delay")).withTargetNoise(a.number("target_noise"), a.number("noise_clip"))
                .withActionNoise(a.number("action_noise"));
        return (spec, seed, compute) -> new Td3(spec, c, seed, compute);
    }

    private static AgentFactory sac(Arguments a, NetSpec actor, NetSpec critic) {
        Sac.Config base = Sac.Config.defaults().withNets(actor, critic).withLearningRate(a.number("lr"))
                .withBuffer(buffer(a)).withBatch(a.integer("batch")).withLearningStarts(a.integer("learning_starts"))
                .withTau(a.number("tau")).withGamma(a.number("gamma"))
                .withTraining(a.integer("train_every"), a.integer("gradient_steps"));
        double fixed = a.number("ent_coef");
        double target = a.number("target_entropy");
        Sac.Config c = fixed > 0 ? base.withFixedEntropy(fixed) : base.withAutoEntropy(1.0, target == 0 ? Double.NaN : target);
        return (spec, seed, compute) -> new Sac(spec, c, seed, compute);
    }

    /** PPO's configuration from its arguments; also the learned switch policy's ({@link LearnedPolicies}). */
    static AgentFactory ppo(Arguments a, NetSpec actor, NetSpec critic) {
        Ppo.Config c = Ppo.Config.defaults().withNets(actor, critic).withNSteps(a.integer("n_steps"))
                .withBatchSize(a.integer("batch")).withEpochs(a.integer("n_epochs")).withLearningRate(a.number("lr"))
                .withGamma(a.number("gamma")).withGaeLambda(a.number("gae_lambda")).withClipRange(a.number("clip"))
                .withEntCoef(a.number("ent_coef")).withVfCoef(a.number("vf_coef")).withMaxGradNorm(a.number("max_grad_norm"));
        return (spec, seed, compute) -> new Ppo(spec, c, seed, compute);
    }

    private static AgentFactory a2c(Arguments a, NetSpec actor, NetSpec critic) {
        A2c.Config c = A2c.Config.defaults().withNets(actor, critic).withNSteps(a.integer("n_steps"))
                .withLearningRate(a.number("lr")).withGamma(a.number("gamma")).withGaeLambda(a.number("gae_lambda"))
                .withEntCoef(a.number("ent_coef")).withVfCoef(a.number("vf_coef")).withMaxGradNorm(a.number("max_grad_norm"));
        return (spec, seed, compute) -> new A2c(spec, c, seed, compute);
    }

    private static int buffer(Arguments a) {
        double b = a.number("buffer");
        if (b != Math.rint(b) || b > Integer.MAX_VALUE) throw new BuildException("'buffer' must be a whole number of transitions, got " + b);
        return (int) b;
    }

    /** The hyper-parameters of an on- or off-policy algorithm: the family's shared ones, then its own. */
    private record Family(boolean onPolicy, List<ParamSpec> params) {
    }

    private static Builtin agent(ComponentBinder components, String name, String summary, String doc, String reference,
                                 String example, List<Integer> hidden, Family family, AgentStages.Configuration configuration) {
        List<ParamSpec> params = new ArrayList<>(common(hidden));
        params.addAll(family.params());
        params.addAll(training());
        AgentStages.Algorithm algorithm = new AgentStages.Algorithm(name, family.onPolicy(), configuration);
        return new Builtin(name, StageKind.AGENT, params, summary, doc + " Trained on the train split, the best model "
                + "chosen on the valid split, then run deterministically on the test split.", reference, example,
                (args, context) -> AgentStages.create(algorithm, args, context, components));
    }

    private static List<ParamSpec> common(List<Integer> hidden) {
        List<Value> sizes = hidden.stream().<Value>map(h -> Specs.integer(h)).toList();
        return List.of(
                ParamSpec.optional("hidden", Specs.NUMBERS, new Value.ListOf(sizes), 1, 65536,
                        "hidden widths of the actor and critic MLPs (when net is auto)"),
                ParamSpec.optional("net", new ParamType.ComponentOf(ComponentKind.NETWORK, true), new Value.Word("auto"),
                        Double.NaN, Double.NaN, "the policy network; auto is mlp(sizes=hidden)"),
                ParamSpec.optional("critic", new ParamType.ComponentOf(ComponentKind.NETWORK, true), new Value.Word("auto"),
                        Double.NaN, Double.NaN, "the critic or value network; auto is mlp(sizes=hidden)"),
                ParamSpec.optional("features", new ParamType.ComponentList(ComponentKind.FEATURE),
                        new Value.ListOf(List.of(Components.call(Components.RETURNS), Components.call(Components.WEIGHTS))),
                        Double.NaN, Double.NaN, "the observation, block by block"),
                ParamSpec.optional("actions", new ParamType.ComponentOf(ComponentKind.ACTIONS), Components.call(Components.SOFTMAX),
                        Double.NaN, Double.NaN, "how actions become weights"),
                ParamSpec.optional("reward", new ParamType.ComponentOf(ComponentKind.REWARD), Components.call(Components.LOG_RETURN),
                        Double.NaN, Double.NaN, "the reward of each step"));
    }

    private static Family offPolicy(double lr, int batch, int learningStarts, List<ParamSpec> own) {
        List<ParamSpec> p = new ArrayList<>(List.of(
                Specs.number("lr", lr, 1e-9, 1, "learning rate (Adam)"),
                ParamSpec.optional("buffer", Specs.NUMBER, Specs.integer(1_000_000), 1, 1e9, "replay buffer capacity"),
                Specs.count("batch", batch, 1, "minibatch size"),
                Specs.count("learning_starts", learningStarts, 0, "random-action steps before learning starts"),
                Specs.number("tau", 0.005, 0, 1, "Polyak coefficient of the target networks"),
                Specs.number("gamma", 0.99, 0, 1, "discount factor"),
                Specs.count("train_every", 1, 1, "environment steps between training rounds"),
                Specs.count("gradient_steps", 1, 1, "gradient steps per training round")));
        p.addAll(own);
        return new Family(false, p);
    }

    private static Family onPolicy(double lr, int nSteps, double gaeLambda, List<ParamSpec> own) {
        List<ParamSpec> p = new ArrayList<>(List.of(
                Specs.number("lr", lr, 1e-9, 1, "learning rate"),
                Specs.count("n_steps", nSteps, 1, "environment steps per rollout"),
                Specs.number("gamma", 0.99, 0, 1, "discount factor"),
                Specs.number("gae_lambda", gaeLambda, 0, 1, "GAE lambda (1 is the plain n-step advantage)"),
                Specs.number("ent_coef", 0, 0, 10, "weight of the entropy bonus"),
                Specs.number("vf_coef", 0.5, 0, 100, "weight of the value loss"),
                Specs.number("max_grad_norm", 0.5, 0, 1e6, "global gradient-norm clip")));
        p.addAll(own);
        return new Family(true, p);
    }

    private static List<ParamSpec> training() {
        return List.of(
                Specs.count("epochs", 10, 1, "training passes (episodes) over the train split"),
                Specs.choice("select", LearningSettings.SELECT, "wealth", "validation metric that picks the best epoch (last: keep the final model)"),
                Specs.count("patience", 0, 0, "stop after this many epochs without a better validation metric (0: never)"),
                Specs.choice("device", List.of("cpu", "gpu"), "cpu", "where the networks train"),
                Specs.choice("train_with", LearningSettings.TRAIN_WITH, "pipeline",
                        "pipeline: train and validate through the stages after the agent (buffer keeps the agent's own action); "
                                + "alone: without them, an ablation"));
    }
}
