package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.experiment.Trainable;
import dev.strat.runtime.experiment.TrainingLog;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.Metrics;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Scheduled;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.train.Checkpoint;
import dev.strat.runtime.rl.train.CheckpointContent;
import dev.strat.runtime.rl.train.CheckpointListener;
import dev.strat.runtime.rl.train.EarlyStopping;
import dev.strat.runtime.rl.train.Keep;
import dev.strat.runtime.rl.train.NanGuard;
import dev.strat.runtime.rl.train.Trainer;
import dev.strat.runtime.rl.train.TrainingConfig;
import dev.strat.runtime.rl.train.SavedModelException;
import dev.strat.runtime.rl.train.TrainingException;
import dev.strat.runtime.rl.train.TrainingListener;
import dev.strat.runtime.rl.train.TrainingProgress;
import dev.strat.runtime.rl.train.TrainingResult;
import dev.strat.runtime.rl.train.Validator;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An RL agent as a pipeline stage: untrained until {@link #train} has run, then the agent's
 * deterministic policy ({@link AgentStage}).
 *
 * <p>Training follows the usual protocol: the normaliser is fitted on the train split only; each
 * epoch is one episode over the train split ({@link PortfolioEnv}, charged the experiment's
 * costs); after each epoch the policy is backtested on the validation split and the best epoch by
 * the chosen metric is kept. When the {@link TrainContext} names the stages that follow the agent
 * in its pipeline ({@link TrainContext#downstream()}), both run them: the environment trades what
 * they make of the agent's weights (the agent's buffer keeps its own action) and validation
 * backtests the agent followed by them, so model selection sees what the system would do. With
 * {@link TrainContext#every()} K > 1 the environment asks the agent every K bars and validation
 * wraps it in {@link Scheduled}, as the test does. {@code train_with=alone}
 * ({@link LearningSettings#alone()}) or {@link TrainContext.TrainWith#ALONE} drops the downstream
 * stages from both, for ablations. A NaN guard, early stopping, progress and checkpoints are listeners.
 * With a checkpoint path the model (weights, optimiser state, normaliser, the program's text and
 * the seed) is written atomically on every new best and at the end; a later run can resume it or
 * reuse it without training.
 *
 * <p>Closing the stage frees the agent's native memory.
 */
public final class LearningAgentStage implements Stage, Trainable, AutoCloseable {

    private final String label;
    private final String algorithm;
    private final AgentFactory factory;
    private final List<Feature> features;
    private final ActionMap actions;
    private final Supplier<Reward> reward;
    /** Rewards made for this stage's environments that hold per-run resources, closed with the stage. */
    private final List<RunScoped> scopedRewards = new java.util.ArrayList<>();
    private long runSeed;
    private final LearningSettings settings;
    private Agent agent;
    /** The trained agent's weights and optimiser state, for a next window that continues it. */
    private byte[] learned;
    /** What the next training starts from, when it continues a previous window's model. */
    private byte[] warmStart;
    private Stage trained;
    /** While a {@link PipelineEnv} trains this stage where it stands, the stage's calls go to its seat. */
    private PipelineEnv.Seat seat;
    /** How many risky assets this stage allocates among (a selector's k picks, or the market's N). */
    private final int assets;

    /**
     * @param reward a fresh reward per use, since rewards may carry state across an episode
     */
    public LearningAgentStage(String label, String algorithm, AgentFactory factory, List<Feature> features, ActionMap actions,
                              Supplier<Reward> reward, LearningSettings settings) {
        this(label, algorithm, factory, features, actions, reward, settings, -1);
    }

    /**
     * @param assets the risky assets this stage allocates among where it stands in its strategy (the
     *               k picks of a selector before it), or -1 for the market's whole universe
     */
    public LearningAgentStage(String label, String algorithm, AgentFactory factory, List<Feature> features, ActionMap actions,
                              Supplier<Reward> reward, LearningSettings settings, int assets) {
        this.assets = assets;
        this.label = Objects.requireNonNull(label);
        this.algorithm = Objects.requireNonNull(algorithm);
        this.factory = Objects.requireNonNull(factory);
        this.features = List.copyOf(features);
        this.actions = Objects.requireNonNull(actions);
        this.reward = Objects.requireNonNull(reward);
        this.settings = Objects.requireNonNull(settings);
        if (this.features.isEmpty()) throw new IllegalArgumentException(label + ": an agent needs at least one feature");
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int warmup() {
        int w = 0;
        for (Feature f : features) w = Math.max(w, f.warmup());
        return w;
    }

    /**
     * Why a train range of {@code train} bars is too short for a learner whose decisions need
     * {@code warmup} bars of history (its features', or a stage below it's): fewer than two
     * decisions are left. Empty when it is long enough. {@code strat check} asks the same before a
     * run, with the same words.
     */
    public static java.util.Optional<String> tooShort(String label, BarRange train, int warmup) {
        int first = Math.max(train.from(), warmup - 1);
        int decisions = train.to() - 1 - first;
        if (decisions >= 2) return java.util.Optional.empty();
        return java.util.Optional.of(label + ": the train split (" + train + ") leaves " + Math.max(0, decisions)
                + " decisions after the features' warm-up of " + warmup + " bars");
    }

    @Override
    public long trainingUnits() {
        return settings.epochs();
    }

    @Override
    public TrainingLog train(TrainContext context) {
        if (trained != null) throw new IllegalStateException(label + " is already trained");
        startRun(context.seed());
        if (context.tree().isPresent() && !settings.alone() && context.trainWith() == TrainContext.TrainWith.PIPELINE) {
            return trainInTree(context, context.tree().get());
        }
        MarketData market = context.market();
        Observations observations = new Observations(features, market.assets());
        Optional<Stage> downstream = settings.alone() ? Optional.empty() : context.effectiveDownstream();
        int warmup = Math.max(observations.warmup(), downstream.map(Stage::warmup).orElse(0));
        int first = Math.max(context.train().from(), warmup - 1);
        int last = context.train().to() - 1;
        tooShort(label, context.train(), warmup).ifPresent(why -> {
            throw new TrainingException(why);
        });
        Compute compute = Compute.of(settings.device());
        if (context.mode() == TrainContext.Mode.REUSE) return reuse(context, observations, compute);

        Normaliser normaliser = Normaliser.fit(observations, market, first, last);
        PortfolioTask task = new PortfolioTask(market, observations, normaliser, actions, reward(), context.config());
        PortfolioEnv env = new PortfolioEnv(task, first, last, downstream, context.every());
        agent = factory.create(env.spec(), context.seed(), compute);
        if (warmStart != null) load(agent, warmStart);
        boolean select = selects(context);
        Validator validator = select ? validator(context, task, downstream) : null;
        Optional<TrainingResult> result = fit(context, env, validator, normaliser, select);
        if (result.isEmpty()) return reuse(context, observations, compute);
        agent.training(false);
        learned = agent.snapshot();
        trained = new AgentStage(label, task, agent);
        return result.get().history().toLog();
    }

    /** Whether validation picks the best epoch; says so when the split has no valid part to pick on. */
    private boolean selects(TrainContext context) {
        if (!settings.select().equals("last") && context.valid().isEmpty()) {
            context.progress().warn(label + ": the split has no valid part, so select=" + settings.select()
                    + " cannot choose an epoch; the last epoch's model is kept");
        }
        return !settings.select().equals("last") && context.valid().isPresent();
    }

    /**
     * Trains {@link #agent} on {@code env} with the listeners every training has (NaN guard, early
     * stopping, progress, checkpoints), resuming an unfinished checkpoint when asked. Empty when the
     * checkpoint to resume is finished already: the caller reuses it instead.
     */
    private Optional<TrainingResult> fit(TrainContext context, dev.strat.runtime.rl.Env env, Validator validator,
                                         Normaliser normaliser, boolean select) {
        TrainingConfig config = TrainingConfig.epochs(context.seed(), settings.epochs()).withKeep(select ? Keep.BEST : Keep.LAST);
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new NanGuard());
        if (settings.patience() > 0 && select) listeners.add(new EarlyStopping(settings.patience()));
        listeners.add(new TrainingProgress(label + " seed " + context.seed(), context.progress()));
        context.checkpoint().ifPresent(path -> listeners.add(CheckpointListener.onBest(path, normaliser.toBytes(), context.source())));
        Trainer trainer = new Trainer(config, listeners);
        if (context.mode() == TrainContext.Mode.RESUME && Files.exists(context.checkpoint().get())) {
            CheckpointContent saved = Checkpoint.read(context.checkpoint().get());
            if (saved.meta().complete()) {
                agent.close();
                agent = null;
                return Optional.empty();
            }
            return Optional.of(trainer.resume(env, agent, validator, saved.state()));
        }
        return Optional.of(trainer.train(env, agent, validator));
    }

    @Override
    public void continueFrom(dev.strat.runtime.experiment.Trainable previous) {
        if (!(previous instanceof LearningAgentStage p) || !p.algorithm.equals(algorithm)) {
            throw new IllegalArgumentException(label + " can only continue a " + algorithm + " agent, not " + previous);
        }
        if (p.learned == null) throw new IllegalStateException(label + ": the previous window's agent was not trained");
        warmStart = p.learned;
    }

    private static void load(Agent a, byte[] state) {
        try {
            a.restore(state);
        } catch (IOException e) {
            throw new TrainingException("cannot start from the previous window's model: " + e.getMessage());
        }
    }

    private TrainingLog reuse(TrainContext context, Observations observations, Compute compute) {
        CheckpointContent saved = finishedModel(context);
        Normaliser normaliser = savedNormaliser(saved, context, observations);
        PortfolioTask task = new PortfolioTask(context.market(), observations, normaliser, actions, reward(), context.config());
        agent = factory.create(new PortfolioEnv(task, Math.max(context.train().from(), observations.warmup() - 1),
                context.train().to() - 1).spec(), context.seed(), compute);
        saved.loadInto(agent);
        agent.training(false);
        trained = new AgentStage(label, task, agent);
        return saved.history().toLog();
    }

    /**
     * The finished model of this algorithm at the context's checkpoint, or a {@link SavedModelException}
     * saying what is wrong with the file (the user's to fix, so without this stage's long label).
     */
    private CheckpointContent finishedModel(TrainContext context) {
        return Checkpoint.readFinished(context.checkpoint().orElseThrow(), algorithm);
    }

    private Normaliser savedNormaliser(CheckpointContent saved, TrainContext context, Observations observations) {
        var path = context.checkpoint().orElseThrow();
        Normaliser normaliser;
        try {
            normaliser = Normaliser.load(new DataInputStream(new ByteArrayInputStream(saved.normaliser())));
        } catch (IOException e) {
            throw new TrainingException(label + ": the normaliser in " + path + " is unreadable: " + e.getMessage());
        }
        if (normaliser.size() != observations.size()) {
            throw new TrainingException(label + ": " + path + " was trained on " + normaliser.size()
                    + " observation values, this strategy observes " + observations.size() + " (features or universe changed)");
        }
        return normaliser;
    }

    /**
     * Backtests the policy on the validation split as the system will run it: scheduled every
     * {@code every} bars like the test's {@link Scheduled}, followed by the downstream stages.
     */
    private Validator validator(TrainContext context, PortfolioTask task, Optional<Stage> downstream) {
        BarRange valid = context.valid().orElseThrow();
        int warmup = Math.max(task.observations().warmup(), downstream.map(Stage::warmup).orElse(0));
        int first = Math.max(valid.from(), warmup - 1);
        int last = valid.to() - 1;
        if (last <= first) throw new TrainingException(label + ": the validation split (" + valid + ") is shorter than the warm-up");
        Backtester backtester = new Backtester(context.config());
        String metric = settings.select();
        int every = context.every();
        return Validator.of(metric, a -> {
            Stage policy = new AgentStage(label, task, a);
            if (every > 1) policy = new Scheduled(policy, every, every + " bars");
            // not closed afterwards: the downstream stages belong to the strategy's pipeline
            Stage stage = downstream.isPresent() ? new Pipeline(label, List.of(policy, downstream.get())) : policy;
            return score(metric, backtester.run(label, stage, task.market(), first, last, context.seed()), context);
        });
    }


    @Override
    public void reset(RunSetup setup) {
        if (seat == null) {
            startRun(setup.seed());
            require().reset(setup);
        }
    }

    /** Tells run-scoped features and rewards (user functions) the run's seed; rewards made later get it too. */
    private void startRun(long seed) {
        runSeed = seed;
        for (Feature f : features) if (f instanceof RunScoped s) s.startRun(seed);
        for (RunScoped r : scopedRewards) r.startRun(seed);
    }

    /** A fresh reward, started with the run's seed when it is run-scoped, and kept to be closed with this stage. */
    private Reward reward() {
        Reward r = reward.get();
        if (r instanceof RunScoped s) {
            s.startRun(runSeed);
            scopedRewards.add(s);
        }
        return r;
    }

    @Override
    public void propose(Decision decision, double[] out) {
        if (seat != null) seat.propose(decision, out);
        else require().propose(decision, out);
    }

    @Override
    public void observe(Outcome outcome) {
        if (seat != null) seat.observe(outcome);
        else require().observe(outcome);
    }

    /**
     * Trains where the stage stands in {@code tree}: a {@link PipelineEnv} runs the whole strategy
     * over the train split and hands this stage's decisions to the trainer; the normaliser is fitted
     * on what the stage sees there, and validation backtests the whole strategy with the
     * deterministic policy in place. Used when the stage's view depends on stages above it (the
     * picks of a selector).
     */
    private TrainingLog trainInTree(TrainContext context, Stage tree) {
        MarketData market = context.market();
        int universe = assets > 0 ? assets : market.assets();
        Observations observations = new Observations(features, universe);
        int first = context.train().from();
        int last = context.train().to() - 1;
        if (last - first < 2) throw new TrainingException(label + ": the train split (" + context.train() + ") is too short");
        Compute compute = Compute.of(settings.device());
        if (context.mode() == TrainContext.Mode.REUSE) return reuseInTree(context, observations, compute);
        Normaliser normaliser;
        PipelineEnv fitting = new PipelineEnv(tree, market, first, last, context.config(), observations,
                Normaliser.identity(observations.size()), actions, reward());
        seat = fitting.seat();
        try {
            normaliser = fitting.fitNormaliser(context.seed());
        } finally {
            seat = null;
        }
        PipelineEnv env = new PipelineEnv(tree, market, first, last, context.config(), observations, normaliser, actions, reward());
        agent = factory.create(env.spec(), context.seed(), compute);
        if (warmStart != null) load(agent, warmStart);
        boolean select = selects(context);
        Validator validator = select ? treeValidator(context, tree, observations, normaliser) : null;
        Optional<TrainingResult> result;
        seat = env.seat();
        try (env) {
            result = fit(context, env, validator, normaliser, select);
        } finally {
            seat = null;
        }
        if (result.isEmpty()) return reuseInTree(context, observations, compute);
        agent.training(false);
        learned = agent.snapshot();
        trained = new TreePolicy(label, observations, normaliser, actions, agent, context.config().capital());
        return result.get().history().toLog();
    }

    private TrainingLog reuseInTree(TrainContext context, Observations observations, Compute compute) {
        CheckpointContent saved = finishedModel(context);
        Normaliser normaliser = savedNormaliser(saved, context, observations);
        agent = factory.create(new dev.strat.runtime.rl.EnvSpec(observations.layout(), actions.space(observations.assets()), 1),
                context.seed(), compute);
        saved.loadInto(agent);
        agent.training(false);
        trained = new TreePolicy(label, observations, normaliser, actions, agent, context.config().capital());
        return saved.history().toLog();
    }

    /** Backtests the whole strategy on the validation split with this stage's deterministic policy in place. */
    private Validator treeValidator(TrainContext context, Stage tree, Observations observations, Normaliser normaliser) {
        BarRange valid = context.valid().orElseThrow();
        int last = valid.to() - 1;
        if (last <= valid.from()) throw new TrainingException(label + ": the validation split (" + valid + ") is too short");
        Backtester backtester = new Backtester(context.config());
        String metric = settings.select();
        return Validator.of(metric, a -> {
            PipelineEnv.Seat during = seat;
            Stage before = trained;
            seat = null;
            trained = new TreePolicy(label, observations, normaliser, actions, a, context.config().capital());
            try {
                return score(metric, backtester.run(label, tree, context.market(), valid.from(), last, context.seed()), context);
            } finally {
                seat = during;
                trained = before;
            }
        });
    }

    private static double score(String metric, BacktestResult r, TrainContext context) {
        return switch (metric) {
            case "wealth" -> r.finalWealth();
            case "sharpe" -> Metrics.compute(r, MetricId.SHARPE, context.options());
            case "sortino" -> Metrics.compute(r, MetricId.SORTINO, context.options());
            case "calmar" -> Metrics.compute(r, MetricId.CALMAR, context.options());
            case "ar" -> Metrics.compute(r, MetricId.ANNUAL_RETURN, context.options());
            default -> throw new IllegalStateException("unknown validation metric " + metric);
        };
    }

    /**
     * The trained policy where the stage stands in a tree: the observation from the decision's own
     * history view (a selector's picks) and account, the agent's deterministic action, the map to
     * weights over that universe.
     */
    private static final class TreePolicy implements Stage {
        private final String label;
        private final Observations observations;
        private final Normaliser normaliser;
        private final ActionMap actions;
        private final Agent agent;
        private final double capital;
        private final float[] obs;
        private final float[] action;

        TreePolicy(String label, Observations observations, Normaliser normaliser, ActionMap actions, Agent agent, double capital) {
            this.label = label;
            this.observations = observations;
            this.normaliser = normaliser;
            this.actions = actions;
            this.agent = agent;
            this.capital = capital;
            this.obs = new float[observations.size()];
            this.action = new float[actions.space(observations.assets()).width()];
        }

        @Override public String label() { return label; }

        @Override public int warmup() { return observations.warmup(); }

        @Override
        public void reset(RunSetup setup) {
            if (setup.assets() != observations.assets()) {
                throw new IllegalArgumentException(label + " was trained on " + observations.assets() + " assets, the run gives it "
                        + setup.assets());
            }
        }

        @Override
        public void propose(Decision decision, double[] out) {
            observations.write(decision.history(), new AccountState(decision.current(), decision.wealth(), capital), obs);
            normaliser.apply(obs);
            agent.act(obs, false, action);
            actions.toWeights(action, out);
        }
    }

    private Stage require() {
        if (trained == null) throw new IllegalStateException(label + " must be trained before it is backtested");
        return trained;
    }

    @Override
    public void close() {
        if (agent != null) agent.close();
        agent = null;
        for (RunScoped r : scopedRewards) r.close();
        scopedRewards.clear();
        for (Feature f : features) if (f instanceof RunScoped s) s.close();
    }
}
