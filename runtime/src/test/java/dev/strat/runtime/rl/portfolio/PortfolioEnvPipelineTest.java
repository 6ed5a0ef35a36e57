package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Scheduled;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.algo.Losses;
import dev.strat.runtime.rl.train.Trainer;
import dev.strat.runtime.rl.train.TrainingConfig;
import dev.strat.runtime.transform.Constrain;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training environment with the stages after the agent in the loop, and with a decision period. */
class PortfolioEnvPipelineTest {

    /** Fee plus random slippage and a risk-free rate, so every part of the accounting is exercised. */
    private static final BacktestConfig CONFIG = new BacktestConfig(1_000_000, 0.0025, 0.0005, 0.002, 0.02);

    private static PortfolioTask task(MarketData market, int fitFrom) {
        Observations obs = new Observations(List.of(Features.returns(5), Features.weights(), Features.logWealth()), market.assets());
        return new PortfolioTask(market, obs, Normaliser.fit(obs, market, fitFrom, 200), ActionMaps.softmax(5), Rewards.logReturn(),
                CONFIG);
    }

    /** A hash of an episode's observations and rewards under a fixed policy. */
    private static long digest(PortfolioEnv env, long seed) {
        FixedPolicy policy = new FixedPolicy(env.spec(), 5);
        float[] o = new float[env.spec().observationSize()];
        float[] a = new float[env.spec().action().width()];
        long h = 17;
        env.reset(seed, o);
        for (float f : o) h = h * 31 + Float.floatToIntBits(f);
        Env.Step s;
        do {
            policy.act(o, false, a);
            s = env.step(a, o);
            h = h * 31 + Double.doubleToLongBits(s.reward());
            for (float f : o) h = h * 31 + Float.floatToIntBits(f);
        } while (!s.done());
        return h;
    }

    @Test
    void aloneAndEveryBarTheEnvironmentIsBitIdenticalToBefore() {
        MarketData market = SyntheticMarkets.gbm(5, 400, 42);
        PortfolioTask task = task(market, 10);
        // recorded with the environment as it was before downstream stages and decision periods existed
        long before = 8486745072697802469L;
        assertEquals(before, digest(new PortfolioEnv(task, 100, 300), 9));
        assertEquals(before, digest(new PortfolioEnv(task, 100, 300, Optional.empty(), 1), 9));
        // a downstream stage that passes the proposal through changes nothing either
        assertEquals(before, digest(new PortfolioEnv(task, 100, 300, Optional.of(new Probe()), 1), 9));
        assertFalse(before == digest(new PortfolioEnv(task, 100, 300), 10), "the seed drives the slippage");
    }

    /**
     * The environment with stages after the agent, every K bars, against a backtest of
     * {@code Scheduled(AgentStage, K) | downstream} over the same bars and seed: same executed weights,
     * same per-bar returns, same wealth; each step's reward is the sum of its bars' rewards.
     */
    @Test
    void withDownstreamStagesTheEnvironmentIsTheBacktestOfTheWholePipeline() {
        MarketData market = Fixtures.market();
        PortfolioTask task = task(market, 30);
        int first = 320, last = 520;
        long seed = 17;
        for (int every : new int[] {1, 3, 7}) {
            Probe in = new Probe(), out = new Probe();
            Stage downstream = new Pipeline("after", List.of(in, new Constrain("constrain", 0.25, 0, 0), out));
            PortfolioEnv env = new PortfolioEnv(task, first, last, Optional.of(downstream), every);
            int bars = last - first;
            assertEquals((bars + every - 1) / every, env.spec().maxSteps());
            FixedPolicy policy = new FixedPolicy(env.spec(), 5);
            float[] obs = new float[env.spec().observationSize()];
            float[] action = new float[env.spec().action().width()];
            List<Double> rewards = new ArrayList<>();
            List<Double> wealth = new ArrayList<>();
            env.reset(seed, obs);
            Env.Step step;
            do {
                policy.act(obs, false, action);
                step = env.step(action, obs);
                rewards.add(step.reward());
                wealth.add(env.wealth());
            } while (!step.done());
            List<double[]> envExecuted = List.copyOf(out.executed);
            List<Double> envReturns = List.copyOf(out.logReturns);
            List<double[]> envProposals = List.copyOf(in.proposals);
            assertEquals(bars, envExecuted.size(), "every bar is traded through the downstream stages, every=" + every);
            assertEquals(bars, envProposals.size(), "the downstream stages are asked every bar, every=" + every);
            out.clear();
            in.clear();

            Stage agent = new AgentStage("fixed", task, policy);
            Stage scheduled = every == 1 ? agent : new Scheduled(agent, every, every + " bars");
            BacktestResult r = new Backtester(CONFIG).run("p", new Pipeline("p", List.of(scheduled, downstream)), market, first, last, seed);
            for (int k = 0; k < bars; k++) {
                assertArrayEquals(out.executed.get(k), envExecuted.get(k), 0, "executed weights, bar " + k + ", every=" + every);
                assertArrayEquals(in.proposals.get(k), envProposals.get(k), 0, "proposal to the downstream, bar " + k);
                assertEquals(out.logReturns.get(k), envReturns.get(k), 0, "return, bar " + k);
            }
            for (int s = 0; s < rewards.size(); s++) {
                double sum = 0;
                for (int k = s * every; k < Math.min(bars, (s + 1) * every); k++) sum += out.logReturns.get(k);
                assertEquals(sum, rewards.get(s), 0, "reward of step " + s + " is the sum of its bars' rewards, every=" + every);
                assertEquals(r.wealth()[Math.min(bars, (s + 1) * every)], wealth.get(s), 0, "wealth after step " + s);
            }
            assertTrue(Probe.maxAssetWeight(envExecuted) <= 0.25 + 1e-12, "the limit holds in training");
            assertTrue(Probe.maxAssetWeight(envProposals) > 0.3, "the agent alone would have broken the limit");
        }
    }

    @Test
    void everyKBarsTheAgentDecidesAndInBetweenNothingTrades() {
        MarketData market = Fixtures.market();
        PortfolioTask task = task(market, 30);
        int first = 320, last = 520, every = 3;
        long seed = 5;
        PortfolioEnv env = new PortfolioEnv(task, first, last, Optional.empty(), every);
        FixedPolicy policy = new FixedPolicy(env.spec(), 2);
        float[] obs = new float[env.spec().observationSize()];
        float[] action = new float[env.spec().action().width()];
        env.reset(seed, obs);
        List<Double> rewards = new ArrayList<>();
        List<double[]> lastExecuted = new ArrayList<>();
        Env.Step step;
        int steps = 0;
        do {
            int bar = env.bar();
            double before = env.wealth();
            policy.act(obs, false, action);
            step = env.step(action, obs);
            steps++;
            assertEquals(Math.min(last, bar + every), env.bar(), "K bars pass per step (fewer at the end)");
            assertEquals(Math.log(env.wealth() / before), step.reward(), 1e-12, "log_return summed over the bars is the log growth");
            rewards.add(step.reward());
            lastExecuted.add(env.executed().clone());
        } while (!step.done());
        assertEquals(67, steps); // ceil(200 / 3)

        Recorder rec = new Recorder(new Scheduled(new AgentStage("fixed", task, policy), every, "3 bars"));
        BacktestResult r = new Backtester(CONFIG).run("s", rec, market, first, last, seed);
        int m = market.assets() + 1;
        for (int k = 0; k < last - first; k++) {
            if (k % every != 0) {
                // holdings are renormalised as any proposal is, so a trade of rounding size (1e-16) may remain
                assertEquals(0, r.costs()[k], 1e-15, "no cost between decisions, bar " + k);
                assertEquals(0, r.turnover()[k], 1e-12, "no trade between decisions, bar " + k);
            }
        }
        assertTrue(r.totalCostPaid() > 0);
        for (int s = 0; s < steps; s++) {
            double sum = 0;
            int end = Math.min(last - first, (s + 1) * every);
            for (int k = s * every; k < end; k++) sum += rec.rewards.get(k);
            assertEquals(sum, rewards.get(s), 0, "step " + s);
            double[] row = new double[m];
            System.arraycopy(r.weights(), (end - 1) * m, row, 0, m);
            assertArrayEquals(row, lastExecuted.get(s), 0, "the last bar of step " + s + " held what the backtest held");
        }
        assertEquals(r.finalWealth(), env.wealth(), 0);
    }

    /** The training loop hands the agent's buffer its own action, while the account trades what the stages after it made of it. */
    @Test
    void theBufferKeepsTheAgentsOwnActionWhileTheExecutedWeightsDiffer() {
        MarketData market = Fixtures.market();
        PortfolioTask task = task(market, 30);
        Probe in = new Probe(), out = new Probe();
        Stage downstream = new Pipeline("after", List.of(in, new Constrain("constrain", 0.2, 0, 0), out));
        PortfolioEnv env = new PortfolioEnv(task, 320, 420, Optional.of(downstream), 1);
        RecordingAgent agent = new RecordingAgent(env.spec());
        new Trainer(TrainingConfig.epochs(3, 2)).train(env, agent, null);

        assertEquals(200, agent.acted.size());
        assertEquals(agent.acted.size(), agent.stored.size());
        int differ = 0;
        double[] mapped = new double[market.assets() + 1];
        for (int k = 0; k < agent.acted.size(); k++) {
            assertArrayEquals(agent.acted.get(k), agent.stored.get(k), "step " + k + ": the buffer got the action act() wrote");
            task.actions().toWeights(agent.acted.get(k), mapped);
            assertArrayEquals(mapped, in.proposals.get(k), 0, "the downstream stages were proposed the agent's own weights");
            if (!java.util.Arrays.equals(in.proposals.get(k), out.executed.get(k))) differ++;
        }
        assertTrue(differ > 100, "the constraint changed the executed weights at most steps, changed " + differ);
        assertTrue(Probe.maxAssetWeight(out.executed) <= 0.2 + 1e-12);
    }

    @Test
    void aDownstreamStageThatNeedsMoreHistoryOrProposesGarbageIsReported() {
        MarketData market = Fixtures.market();
        PortfolioTask task = task(market, 30);
        Stage needy = new Probe() {
            @Override public int warmup() { return 300; }
        };
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> new PortfolioEnv(task, 100, 200, Optional.of(needy), 1));
        assertTrue(early.getMessage().contains("at least 299"), early.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PortfolioEnv(task, 100, 200, Optional.empty(), 0));

        Stage broken = new Stage() {
            @Override public String label() { return "broken"; }
            @Override public void reset(RunSetup setup) { }
            @Override public void propose(Decision decision, double[] out) { java.util.Arrays.fill(out, 0.5); }
        };
        PortfolioEnv env = new PortfolioEnv(task, 100, 200, Optional.of(broken), 1);
        float[] obs = new float[env.spec().observationSize()];
        env.reset(1, obs);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(new float[env.spec().action().width()], obs));
        assertTrue(e.getMessage().contains("stage 'broken'") && e.getMessage().contains("summing to"), e.getMessage());
    }

    /** Records the log return of every executed step of the stage it wraps. */
    private static final class Recorder implements Stage {
        private final Stage inner;
        final List<Double> rewards = new ArrayList<>();

        Recorder(Stage inner) { this.inner = inner; }

        @Override public String label() { return inner.label(); }
        @Override public int warmup() { return inner.warmup(); }
        @Override public void reset(RunSetup setup) { rewards.clear(); inner.reset(setup); }
        @Override public void propose(Decision decision, double[] out) { inner.propose(decision, out); }
        @Override public void observe(dev.strat.runtime.pipeline.Outcome outcome) { rewards.add(outcome.logReturn()); inner.observe(outcome); }
    }

    /** Acts at random and records what {@code act} wrote and what {@code observe} was handed. */
    private static final class RecordingAgent implements Agent {
        private final EnvSpec spec;
        private final SplittableRandom random = new SplittableRandom(11);
        final List<float[]> acted = new ArrayList<>();
        final List<float[]> stored = new ArrayList<>();

        RecordingAgent(EnvSpec spec) { this.spec = spec; }

        @Override public String algorithm() { return "recording"; }
        @Override public EnvSpec spec() { return spec; }

        @Override
        public void act(float[] observation, boolean explore, float[] action) {
            for (int j = 0; j < action.length; j++) action[j] = (float) random.nextDouble(-1, 1);
            acted.add(action.clone());
        }

        @Override
        public void observe(float[] observation, float[] action, double reward, float[] next, boolean terminal, boolean truncated) {
            stored.add(action.clone());
        }

        @Override public long updates() { return 0; }
        @Override public long steps() { return stored.size(); }
        @Override public Losses losses() { return Losses.NONE; }
        @Override public void save(DataOutputStream out) { }
        @Override public void load(DataInputStream in) { }
        @Override public void close() { }
    }
}
