package dev.strat.runtime.rl.switching;

import dev.strat.runtime.compose.Blend;
import dev.strat.runtime.compose.PoolTape;
import dev.strat.runtime.compose.Switch;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.experiment.Trainable;
import dev.strat.runtime.experiment.TrainingLog;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.pipeline.Stages;
import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.portfolio.AgentFactory;
import dev.strat.runtime.rl.portfolio.Normaliser;
import dev.strat.runtime.rl.train.Checkpoint;
import dev.strat.runtime.rl.train.CheckpointContent;
import dev.strat.runtime.rl.train.CheckpointListener;
import dev.strat.runtime.rl.train.Keep;
import dev.strat.runtime.rl.train.NanGuard;
import dev.strat.runtime.rl.train.Trainer;
import dev.strat.runtime.rl.train.TrainingConfig;
import dev.strat.runtime.rl.train.TrainingException;
import dev.strat.runtime.rl.train.TrainingListener;
import dev.strat.runtime.rl.train.TrainingProgress;
import dev.strat.runtime.rl.train.TrainingResult;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Switch} or {@link Blend} whose policy learns: {@code switch ppo(...) every 5 over hc + [no_trade]}.
 * As a stage it is the composite itself (same label, members, reports); as a {@link Trainable} it
 * trains the composite's {@link LearnedPoolPolicy} on the train split.
 *
 * <h2>Training</h2>
 * The members run once over the train split from the pool's warm-up on (no trading before it)
 * and are recorded ({@link PoolTape}); the {@link PoolSwitchEnv} then replays the real account
 * over the tape for as many episodes as {@link PoolLearning#timesteps()} decisions need. The
 * normaliser is fitted on the tape's states (train split only). There is no validation: the last
 * model is kept. With a checkpoint path the model (weights, optimiser state, normaliser, program)
 * is written at the end; a later run can resume or reuse it. A training in which the agent never
 * updated (its rollout longer than the budget) is reported as a warning.
 *
 * <p>The learner trains alone: stages after the composite in its pipeline are not part of the
 * environment. Members must not learn themselves (the checker refuses it).
 */
public final class LearningPool implements Stage, Trainable, AutoCloseable {

    private final Stage composite;
    private final String name;
    private final int every;
    private final List<Stage> members;
    private final List<String> memberNames;
    private final LearnedPoolPolicy policy;
    private final String algorithm;
    private final AgentFactory factory;
    private final PoolLearning settings;
    private Agent agent;
    private byte[] learned;
    private byte[] warmStart;

    /**
     * @param composite a {@link Switch} or {@link Blend} whose policy is {@code policy}
     * @param algorithm the agent's algorithm name as checkpoints record it ({@code ppo})
     */
    public LearningPool(Stage composite, LearnedPoolPolicy policy, String algorithm, AgentFactory factory, PoolLearning settings) {
        this.composite = Objects.requireNonNull(composite, "composite");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.settings = Objects.requireNonNull(settings, "settings");
        switch (composite) {
            case Switch s -> {
                if (s.policy() != policy || policy.blend()) throw new IllegalArgumentException("the switch must use this switch policy");
                name = s.name();
                every = s.every();
                memberNames = s.memberNames();
            }
            case Blend b -> {
                if (b.policy() != policy || !policy.blend()) throw new IllegalArgumentException("the blend must use this blend policy");
                name = b.name();
                every = b.every();
                memberNames = b.memberNames();
            }
            default -> throw new IllegalArgumentException("a learning pool is a switch or a blend, not " + composite.label());
        }
        this.members = composite.children();
        if (!policy.blend() && members.size() < 2) {
            throw new IllegalArgumentException(composite.label() + ": a learning switch needs at least two members to choose from");
        }
    }

    /** The composite this stage runs. */
    public Stage composite() { return composite; }

    public LearnedPoolPolicy policy() { return policy; }

    @Override public String label() { return composite.label(); }

    @Override public int warmup() { return composite.warmup(); }

    @Override public List<Stage> children() { return composite.children(); }

    @Override public void reset(RunSetup setup) { composite.reset(setup); }

    @Override public void propose(Decision decision, double[] out) { composite.propose(decision, out); }

    @Override public void observe(Outcome outcome) { composite.observe(outcome); }

    /** The training reports its progress in decisions (environment steps), up to the timesteps budget. */
    @Override
    public long trainingUnits() {
        return settings.timesteps();
    }

    @Override
    public TrainingLog train(TrainContext context) {
        if (policy.trained()) throw new IllegalStateException(label() + " is already trained");
        MarketData market = context.market();
        int first = Math.max(context.train().from(), composite.warmup() - 1);
        int last = context.train().to() - 1;
        if (last - first < 2 * every) {
            throw new TrainingException(label() + ": the train split (" + context.train() + ") leaves " + Math.max(0, last - first)
                    + " bars after the members' warm-up of " + composite.warmup() + " bars, fewer than two decisions every " + every);
        }
        Compute compute = Compute.of(settings.device());
        if (context.mode() == TrainContext.Mode.REUSE) return reuse(context, compute);

        PoolTape tape = PoolTape.record(name, members, memberNames, market, context.config(), first, last, context.seed());
        Normaliser normaliser = PoolSwitchEnv.fit(tape, every, policy.lookback());
        PoolSwitchEnv env = new PoolSwitchEnv(tape, market, context.config(), context.seed(), every, policy.lookback(),
                settings.holdBonus(), policy.blendMap(), normaliser);
        agent = factory.create(env.spec(), context.seed(), compute);
        if (warmStart != null) load(agent, warmStart);
        long episodes = (settings.timesteps() + env.decisions() - 1) / env.decisions();
        TrainingConfig config = TrainingConfig.epochs(context.seed(), (int) Math.min(Integer.MAX_VALUE, episodes))
                .withMaxSteps(settings.timesteps()).withKeep(Keep.LAST);
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new NanGuard());
        listeners.add(new TrainingProgress(label() + " seed " + context.seed(), context.progress()));
        context.checkpoint().ifPresent(path -> listeners.add(CheckpointListener.onBest(path, normaliser.toBytes(), context.source())));
        Trainer trainer = new Trainer(config, listeners);
        TrainingResult result;
        if (context.mode() == TrainContext.Mode.RESUME && Files.exists(context.checkpoint().get())) {
            CheckpointContent saved = Checkpoint.read(context.checkpoint().get());
            if (saved.meta().complete()) {
                agent.close();
                agent = null;
                return reuse(context, compute);
            }
            result = trainer.resume(env, agent, null, saved.state());
        } else {
            result = trainer.train(env, agent, null);
        }
        if (agent.updates() == 0) {
            context.progress().warn(label() + ": the agent never updated in " + result.steps() + " decisions (its rollout is longer "
                    + "than the timesteps budget); the test runs its untrained initial policy");
        }
        agent.training(false);
        learned = agent.snapshot();
        policy.install(agent, normaliser);
        return result.history().toLog();
    }

    private TrainingLog reuse(TrainContext context, Compute compute) {
        var path = context.checkpoint().orElseThrow();
        CheckpointContent saved = Checkpoint.readFinished(path, algorithm);
        Normaliser normaliser;
        try {
            normaliser = Normaliser.load(new DataInputStream(new ByteArrayInputStream(saved.normaliser())));
        } catch (IOException e) {
            throw new TrainingException(label() + ": the normaliser in " + path + " is unreadable: " + e.getMessage());
        }
        PoolState state = new PoolState(members.size(), policy.lookback());
        if (normaliser.size() != state.size()) {
            throw new TrainingException(label() + ": " + path + " was trained on " + normaliser.size()
                    + " state values, this strategy's state has " + state.size() + " (pool or lookback changed)");
        }
        ActionSpace space = policy.blend() ? policy.blendMap().space(members.size() - 1) : new ActionSpace.Discrete(members.size());
        agent = factory.create(new EnvSpec(state.layout(), space, 1), context.seed(), compute);
        saved.loadInto(agent);
        agent.training(false);
        learned = agent.snapshot();
        policy.install(agent, normaliser);
        return saved.history().toLog();
    }

    @Override
    public void continueFrom(Trainable previous) {
        if (!(previous instanceof LearningPool p) || !p.algorithm.equals(algorithm)) {
            throw new IllegalArgumentException(label() + " can only continue a learning " + algorithm + " pool, not " + previous);
        }
        if (p.learned == null) throw new IllegalStateException(label() + ": the previous window's policy was not trained");
        warmStart = p.learned;
    }

    private static void load(Agent a, byte[] state) {
        try {
            a.restore(state);
        } catch (IOException e) {
            throw new TrainingException("cannot start from the previous window's model: " + e.getMessage());
        }
    }


    /** Frees the agent and closes the members. */
    @Override
    public void close() {
        try {
            if (agent != null) agent.close();
            agent = null;
        } finally {
            Stages.closeAll(List.of(composite));
        }
    }
}
