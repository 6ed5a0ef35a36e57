package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;

import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * A whole strategy tree as the environment of one learner inside it: each episode is a backtest
 * of the tree's root over the train split, and wherever the tree consults the learner (after a
 * selector, among a switch's members, under a schedule) the learner's {@link Seat} hands the
 * observation to the training loop and waits for its action. So the learner trains in exactly the
 * context its position gives it: the universe a selector picked, the stages after it, the account
 * it trades (a switch member's shadow account), the period of its schedule.
 *
 * <h2>Control</h2>
 * The trainer drives {@link Env#step}, while a backtest drives stages; the two are joined by
 * running the backtest on a worker thread that hands control back and forth with the trainer
 * through two synchronous queues, so exactly one of them runs at any time and the result is as
 * deterministic as a single thread. The seat writes the observation from the decision's own
 * history view (restricted by any selector above it) and account, normalised; the reward is the
 * sum of the rewards of every outcome the seat observes between two of its decisions (a seat under
 * {@code every K} earns K bars per action). The episode ends at the train split's last bar: the
 * seat's decision there gives the bootstrap observation (the backtest is run one bar past the
 * split when the data has it, and stopped there).
 *
 * <p>The buffer keeps the learner's own action, not whatever the stages after it made of it.
 * Not thread-safe beyond that hand-off; close it (or let the next {@link #reset}) stop a worker
 * left waiting by an episode cut short.
 */
public final class PipelineEnv implements Env, AutoCloseable {

    private static final Object ABORT = new Object();

    private final Stage root;
    private final MarketData market;
    private final int firstBar;
    private final int lastBar;
    private final BacktestConfig config;
    private final Observations observations;
    private final Normaliser normaliser;
    private final ActionMap actions;
    private final Reward reward;
    private final EnvSpec spec;
    private final Seat seat;

    private final SynchronousQueue<Object> toWorker = new SynchronousQueue<>();
    private final SynchronousQueue<Object> toTrainer = new SynchronousQueue<>();
    private Thread worker;

    /**
     * @param root         the strategy tree; the learner stage inside it must hand its calls to {@link #seat()}
     *                     while this environment trains it
     * @param observations what the learner sees, for the universe it is consulted on
     * @param firstBar     first decision bar of an episode
     * @param lastBar      the split's last bar: decisions up to {@code lastBar - 1}, bootstrap observation at {@code lastBar}
     */
    public PipelineEnv(Stage root, MarketData market, int firstBar, int lastBar, BacktestConfig config, Observations observations,
                       Normaliser normaliser, ActionMap actions, Reward reward) {
        this.root = Objects.requireNonNull(root, "root");
        this.market = Objects.requireNonNull(market, "market");
        if (firstBar < 0 || lastBar <= firstBar || lastBar >= market.bars()) {
            throw new IllegalArgumentException("an episode needs 0 <= firstBar < lastBar < bars (" + market.bars() + "), got "
                    + firstBar + ".." + lastBar);
        }
        this.firstBar = firstBar;
        this.lastBar = lastBar;
        this.config = Objects.requireNonNull(config, "config");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.reward = Objects.requireNonNull(reward, "reward");
        if (normaliser.size() != observations.size()) {
            throw new IllegalArgumentException("normaliser has " + normaliser.size() + " values, the observation " + observations.size());
        }
        this.spec = new EnvSpec(observations.layout(), actions.space(observations.assets()), lastBar - firstBar + 1);
        this.seat = new Seat();
    }

    /**
     * Fits a normaliser on what the learner sees where it stands: one backtest of the tree over the
     * train split in which the seat records each observation (raw) and proposes all cash, so its
     * account features see an all-cash account as {@link Normaliser#fit} assumes. Runs on the calling
     * thread; the learner stage must delegate to {@link #seat()} meanwhile, as in training.
     */
    public Normaliser fitNormaliser(long seed) {
        seat.recording = true;
        try {
            new Backtester(config).run("fit", root, market, firstBar, lastBar, seed);
        } finally {
            seat.recording = false;
        }
        if (seat.count == 0) {
            throw new IllegalStateException("the pipeline never consulted the learner over bars " + firstBar + ".." + lastBar);
        }
        Normaliser fitted = Normaliser.fromMoments(seat.mean, seat.m2, seat.count);
        seat.count = 0;
        java.util.Arrays.fill(seat.mean, 0);
        java.util.Arrays.fill(seat.m2, 0);
        return fitted;
    }

    /** What the learner stage delegates to while this environment trains it. */
    public Seat seat() {
        return seat;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public void reset(long seed, float[] observation) {
        stopWorker();
        reward.reset(config.capital());
        seat.start();
        // one bar past the split gives the seat its decision at lastBar, the bootstrap observation
        int until = Math.min(lastBar + 1, market.bars() - 1);
        Thread t = new Thread(() -> episode(seed, until), "strat-pipeline-env");
        t.setDaemon(true);
        worker = t;
        t.start();
        Message first = receive();
        System.arraycopy(first.observation(), 0, observation, 0, observation.length);
        if (first.end()) throw new IllegalStateException("the pipeline never consulted the learner during the episode (bars "
                + firstBar + ".." + lastBar + ")");
    }

    @Override
    public Step step(float[] action, float[] observation) {
        if (worker == null) throw new IllegalStateException("step before reset, or after the episode ended");
        send(action.clone());
        Message m = receive();
        System.arraycopy(m.observation(), 0, observation, 0, observation.length);
        if (m.end()) worker = null;
        return new Step(m.reward(), false, m.end());
    }

    @Override
    public void close() {
        stopWorker();
    }

    private void episode(long seed, int until) {
        try {
            new Backtester(config).run("train", root, market, firstBar, until, seed);
            // the seat was not asked at lastBar (a schedule skipped it, or the data ends there)
            seat.finish();
        } catch (EpisodeEnd end) {
            // the seat ended the episode at lastBar, or the trainer abandoned it
        } catch (Throwable e) {
            offer(new Failure(e));
        }
    }

    private void send(Object action) {
        try {
            while (!toWorker.offer(action, 100, TimeUnit.MILLISECONDS)) {
                if (worker == null || !worker.isAlive()) throw new IllegalStateException("the episode's backtest stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stepping the pipeline", e);
        }
    }

    private Message receive() {
        try {
            while (true) {
                Object o = toTrainer.poll(100, TimeUnit.MILLISECONDS);
                if (o instanceof Message m) return m;
                if (o instanceof Failure f) {
                    worker = null;
                    if (f.cause() instanceof RuntimeException re) throw re;
                    if (f.cause() instanceof Error err) throw err;
                    throw new IllegalStateException(f.cause());
                }
                if (o == null && (worker == null || !worker.isAlive())) {
                    throw new IllegalStateException("the episode's backtest stopped without handing back control");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pipeline", e);
        }
    }

    /** Hands a message to the trainer from the worker; gives up when nobody takes it (the env was abandoned). */
    private boolean offer(Object message) {
        try {
            return toTrainer.offer(message, 10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stopWorker() {
        Thread t = worker;
        worker = null;
        if (t == null || !t.isAlive()) return;
        // a worker waits for an action: abort it; one about to hand back a message: drain it
        toWorker.offer(ABORT);
        toTrainer.poll();
        t.interrupt();
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Message(double reward, float[] observation, boolean end) {
    }

    private record Failure(Throwable cause) {
    }

    /** Unwinds the worker's backtest when the episode is over. */
    private static final class EpisodeEnd extends RuntimeException {
        EpisodeEnd() {
            super(null, null, false, false);
        }
    }

    /**
     * The learner's place in the tree while it trains: the learner stage's {@code propose} and
     * {@code observe} come here. Runs on the worker thread.
     */
    public final class Seat {
        private final float[] obs = new float[observations.size()];
        private final float[] action = new float[actions.space(observations.assets()).width()];
        private double pending;
        private boolean started;
        private boolean recording;
        private final double[] mean = new double[observations.size()];
        private final double[] m2 = new double[observations.size()];
        private int count;

        private void start() {
            pending = 0;
            started = false;
        }

        /** The learner's decision: the observation goes to the trainer, the trainer's action comes back as weights. */
        public void propose(Decision decision, double[] out) {
            observations.write(decision.history(), new AccountState(decision.current(), decision.wealth(), config.capital()), obs);
            if (recording) {
                record(decision);
                java.util.Arrays.fill(out, 0);
                out[out.length - 1] = 1;
                return;
            }
            normaliser.apply(obs);
            boolean end = decision.history().now() >= lastBar;
            Message m = new Message(started ? pending : 0, obs.clone(), end);
            pending = 0;
            started = true;
            if (!offer(m) || end) throw new EpisodeEnd();
            Object a;
            try {
                a = toWorker.take();
            } catch (InterruptedException e) {
                throw new EpisodeEnd();
            }
            if (a == ABORT) throw new EpisodeEnd();
            System.arraycopy((float[]) a, 0, action, 0, action.length);
            actions.toWeights(action, out);
        }

        private void record(Decision decision) {
            count++;
            for (int k = 0; k < obs.length; k++) {
                final double x = obs[k];
                if (!Double.isFinite(x)) {
                    throw new IllegalStateException("observation " + observations.elementLabel(k) + " is " + x + " at bar "
                            + decision.history().now());
                }
                final double d = x - mean[k];
                mean[k] += d / count;
                m2[k] += d * (x - mean[k]);
            }
        }

        /** The outcome of a step the learner's account took: its reward accumulates until the learner's next decision. */
        public void observe(Outcome outcome) {
            if (started && !recording) pending += reward.reward(outcome);
        }

        private void finish() {
            offer(new Message(pending, obs.clone(), true));
        }
    }
}
