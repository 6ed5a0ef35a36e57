package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.algo.Losses;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Trains an {@link Agent} on an {@link Env}: epochs of exploring episodes, each reset with a seed
 * derived from the run seed ({@link TrainingConfig#episodeSeed}), a validation after every epoch,
 * and the best epoch's model kept in memory (a byte snapshot through {@link Agent#save}) and put
 * back at the end when {@link Keep#BEST}.
 *
 * <p>Without a {@link Validator} the metric is the epoch's mean episode reward
 * ({@code "train reward"}), so best-model keeping and early stopping still work.
 *
 * <p>The loop itself allocates nothing per step: observation and action buffers are reused and the
 * agent alone talks to the accelerator. Single-threaded; a trainer may run several trainings one
 * after another but not at once.
 */
public final class Trainer {

    private final TrainingConfig config;
    private final List<TrainingListener> listeners;

    public Trainer(TrainingConfig config, List<TrainingListener> listeners) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    public Trainer(TrainingConfig config, TrainingListener... listeners) {
        this(config, List.of(listeners));
    }

    public TrainingConfig config() {
        return config;
    }

    /** Trains from scratch. {@code validator} may be null (then the metric is the mean train reward). */
    public TrainingResult train(Env env, Agent agent, Validator validator) {
        return run(env, agent, validator, null);
    }

    /**
     * Continues a run from {@code from} (usually {@link CheckpointContent#state()}): loads the
     * agent, the history, the counters and the best model, then trains until this trainer's
     * budgets, which count the earlier epochs and steps too. With the same config, seed and a
     * deterministic agent the result equals an uninterrupted run's.
     */
    public TrainingResult resume(Env env, Agent agent, Validator validator, TrainingState from) {
        return run(env, agent, validator, from);
    }

    /**
     * Continues the run saved in {@code checkpoint}, after checking the file was written by an
     * agent like {@code agent} (algorithm, observation size, action space).
     */
    public TrainingResult resume(Env env, Agent agent, Validator validator, java.nio.file.Path checkpoint) {
        CheckpointContent content = Checkpoint.read(checkpoint);
        content.requireCompatible(agent);
        return run(env, agent, validator, content.state());
    }

    private TrainingResult run(Env env, Agent agent, Validator validator, TrainingState from) {
        checkCompatible(env.spec(), agent.spec());
        long start = System.nanoTime();
        Run r = new Run(agent, env.spec(), validator == null ? "train reward" : validator.metricName());
        if (from != null) r.restore(from);
        for (TrainingListener l : listeners) l.onStart(r);

        EnvSpec spec = env.spec();
        float[] obs = new float[spec.observationSize()];
        float[] next = new float[spec.observationSize()];
        float[] action = new float[spec.action().width()];
        long lastUpdates = agent.updates();
        agent.training(true);
        String reason = null;
        while (reason == null) {
            if (r.epoch >= config.epochs()) {
                reason = "epochs";
                break;
            }
            if (r.steps >= config.maxSteps()) {
                reason = "steps";
                break;
            }
            double epochReward = 0;
            int epochEpisodes = 0;
            for (int e = 0; e < config.episodesPerEpoch() && r.steps < config.maxSteps() && r.stopReason == null; e++) {
                long episode = r.episodes;
                long seed = config.episodeSeed(episode);
                env.reset(seed, obs);
                for (TrainingListener l : listeners) l.onEpisodeStart(episode, seed, obs);
                double sum = 0;
                int length = 0;
                while (true) {
                    // an experiment that stops (another run failed, the user quit) interrupts its runs
                    if (Thread.currentThread().isInterrupted()) throw new TrainingException("training interrupted at step " + r.steps);
                    agent.act(obs, true, action);
                    Env.Step step = env.step(action, next);
                    r.steps++;
                    length++;
                    double reward = step.reward();
                    sum += reward;
                    for (TrainingListener l : listeners) l.onStep(r.steps, reward, next);
                    agent.observe(obs, action, reward, next, step.terminal(), step.truncated());
                    long updates = agent.updates();
                    if (updates != lastUpdates) {
                        lastUpdates = updates;
                        Losses losses = agent.losses();
                        r.recorder.loss(losses);
                        for (TrainingListener l : listeners) l.onUpdate(losses);
                    }
                    float[] t = obs;
                    obs = next;
                    next = t;
                    // The step budget cuts an episode short; the agent already saw the env's own flags.
                    if (step.done() || r.steps >= config.maxSteps() || r.stopReason != null) break;
                    if (length >= spec.maxSteps()) {
                        throw new TrainingException("episode " + episode + " ran past the environment's "
                                + spec.maxSteps() + " steps without ending; the environment must end its episodes");
                    }
                }
                r.recorder.episode(sum, length);
                r.episodes++;
                epochReward += sum;
                epochEpisodes++;
                for (TrainingListener l : listeners) l.onEpisodeEnd(episode, sum, length);
            }
            if (epochEpisodes == 0) {
                reason = r.stopReason != null ? r.stopReason : "steps";
                break;
            }
            r.epoch++;
            double metric;
            if (validator == null) {
                metric = epochReward / epochEpisodes;
            } else {
                agent.training(false);
                try {
                    metric = validator.evaluate(agent);
                } finally {
                    agent.training(true);
                }
            }
            r.recorder.epoch(metric);
            boolean best = metric > r.bestMetric;  // NaN is never better
            if (best) {
                r.bestMetric = metric;
                r.bestEpoch = r.epoch;
                r.bestAgent = config.keep() == Keep.BEST ? save(agent) : null;
            }
            for (TrainingListener l : listeners) l.onEpoch(r.epoch, metric, best);
            if (r.stopReason != null) reason = r.stopReason;
        }
        agent.training(false);
        long updates = agent.updates();  // before the best model, with its older counters, is put back
        if (config.keep() == Keep.BEST && r.bestAgent != null && r.bestEpoch != r.epoch) load(agent, r.bestAgent);
        TrainingResult result = new TrainingResult(r.bestEpoch, r.bestMetric, r.epoch, r.steps, updates,
                Duration.ofNanos(System.nanoTime() - start), reason, r.recorder.snapshot());
        for (TrainingListener l : listeners) l.onEnd(result);
        return result;
    }

    private static void checkCompatible(EnvSpec env, EnvSpec agent) {
        if (env.observationSize() != agent.observationSize() || !env.action().equals(agent.action())) {
            throw new TrainingException("the agent was built for " + agent.observationSize() + " observations and "
                    + agent.action() + " but the environment has " + env.observationSize() + " observations and " + env.action());
        }
    }

    static byte[] save(Agent agent) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            agent.save(out);
        } catch (IOException e) {
            throw new TrainingException("cannot snapshot the " + agent.algorithm() + " agent: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    static void load(Agent agent, byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            agent.load(in);
        } catch (IOException e) {
            throw new TrainingException("cannot restore the " + agent.algorithm() + " agent: " + e.getMessage(), e);
        }
    }

    /** The mutable state of one training, as listeners see it. */
    private final class Run implements TrainingRun {
        private final Agent agent;
        private final EnvSpec spec;
        private final String metricName;
        private TrainingHistory.Recorder recorder;
        private int epoch;
        private long episodes;
        private long steps;
        private int bestEpoch;
        private double bestMetric = Double.NEGATIVE_INFINITY;
        private byte[] bestAgent;
        private String stopReason;

        Run(Agent agent, EnvSpec spec, String metricName) {
            this.agent = agent;
            this.spec = spec;
            this.metricName = metricName;
            this.recorder = new TrainingHistory.Recorder(metricName, config.lossEvery(), config.maxLossSamples());
        }

        void restore(TrainingState s) {
            if (!s.history().metricName().equals(metricName)) {
                throw new TrainingException("cannot resume: the checkpoint was validated with " + s.history().metricName()
                        + " but this run validates with " + metricName);
            }
            load(agent, s.agent());
            recorder = TrainingHistory.Recorder.from(s.history(), config.lossEvery(), config.maxLossSamples());
            epoch = s.epoch();
            episodes = s.episodes();
            steps = s.steps();
            bestEpoch = s.bestEpoch();
            bestMetric = s.bestMetric();
            if (config.keep() == Keep.BEST && bestEpoch > 0) {
                bestAgent = s.bestAgent().orElse(bestEpoch == epoch ? s.agent() : null);
                if (bestAgent == null) {
                    throw new TrainingException("cannot resume keeping the best model: the checkpoint of epoch " + epoch
                            + " does not hold epoch " + bestEpoch + "'s model");
                }
            }
        }

        @Override public TrainingConfig config() { return config; }
        @Override public Agent agent() { return agent; }
        @Override public EnvSpec spec() { return spec; }
        @Override public String metricName() { return metricName; }
        @Override public int epoch() { return epoch; }
        @Override public long episodes() { return episodes; }
        @Override public long steps() { return steps; }
        @Override public int bestEpoch() { return bestEpoch; }
        @Override public double bestMetric() { return bestMetric; }
        @Override public TrainingHistory history() { return recorder.snapshot(); }

        @Override
        public TrainingState state() {
            byte[] now = save(agent);
            Optional<byte[]> best = bestAgent == null || bestEpoch == epoch ? Optional.empty() : Optional.of(bestAgent);
            return new TrainingState(epoch, episodes, steps, bestEpoch, bestMetric, history(), now, best);
        }

        @Override
        public void stop(String reason) {
            if (stopReason == null) stopReason = reason;
        }
    }
}
