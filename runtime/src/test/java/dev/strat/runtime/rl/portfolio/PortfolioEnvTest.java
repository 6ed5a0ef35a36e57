package dev.strat.runtime.rl.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.Env;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioEnvTest {

    /** Fee plus random slippage and a risk-free rate, so every part of the accounting is exercised. */
    private static final BacktestConfig CONFIG = new BacktestConfig(1_000_000, 0.0025, 0.0005, 0.002, 0.02);

    private static PortfolioTask task(MarketData market, List<Feature> features, ActionMap actions, Reward reward, int trainEnd) {
        Observations obs = new Observations(features, market.assets());
        Normaliser norm = Normaliser.fit(obs, market, obs.warmup() - 1, trainEnd);
        return new PortfolioTask(market, obs, norm, actions, reward, CONFIG);
    }

    @Test
    void envAndBacktestedAgentStageGiveIdenticalWeightsAndReturns() {
        MarketData market = Fixtures.market();
        List<List<Feature>> featureSets = List.of(Fixtures.allFeatures(),
                List.of(Features.returns(10), Features.weights(), Features.logWealth()));
        List<ActionMap> maps = List.of(ActionMaps.softmax(5), ActionMaps.sumNormalise(), ActionMaps.simplex(),
                ActionMaps.classHierarchy(List.of(new int[] {0, 1}, new int[] {2, 3, 4})));
        for (List<Feature> features : featureSets) {
            for (ActionMap map : maps) {
                PortfolioTask task = task(market, features, map, Rewards.logReturn(), 300);
                int first = 320, last = 520;
                long seed = 17;
                PortfolioEnv env = new PortfolioEnv(task, first, last);
                FixedPolicy policy = new FixedPolicy(env.spec(), 5);

                float[] obs = new float[env.spec().observationSize()];
                float[] action = new float[env.spec().action().width()];
                int m = market.assets() + 1;
                double[] weights = new double[(last - first) * m];
                double[] rewards = new double[last - first];
                double[] wealth = new double[last - first];
                env.reset(seed, obs);
                for (int k = 0; k < last - first; k++) {
                    policy.act(obs, false, action);
                    Env.Step step = env.step(action, obs);
                    System.arraycopy(env.executed(), 0, weights, k * m, m);
                    rewards[k] = step.reward();
                    wealth[k] = env.wealth();
                    assertEquals(k == last - first - 1, step.truncated());
                    assertFalse(step.terminal());
                }

                Recorder stage = new Recorder(new AgentStage("fixed", task, policy));
                BacktestResult result = new Backtester(CONFIG).run("fixed", stage, market, first, last, seed);
                String what = map.label() + " with " + task.observations().labels();
                assertArrayEquals(result.weights(), weights, 0, "weights, " + what);
                assertArrayEquals(stage.rewards(), rewards, 0, "rewards, " + what);
                for (int k = 0; k < last - first; k++) assertEquals(result.wealth()[k + 1], wealth[k], 0, "wealth, " + what);
                assertTrue(result.totalCostPaid() > 0);
            }
        }
    }

    @Test
    void episodesRepeatForASeedAndSlippageDependsOnIt() {
        MarketData market = Fixtures.market();
        PortfolioTask task = task(market, List.of(Features.returns(5), Features.weights()), ActionMaps.softmax(5),
                Rewards.simpleReturn(100), 200);
        PortfolioEnv env = new PortfolioEnv(task, 200, 260);
        FixedPolicy policy = new FixedPolicy(env.spec(), 1);
        double[] a = episode(env, policy, 3), b = episode(env, policy, 3), c = episode(env, policy, 4);
        assertArrayEquals(a, b, 0);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void rewardsAreTheConfiguredFunctionOfTheNetReturn() {
        MarketData market = Fixtures.market();
        BacktestConfig frictionless = BacktestConfig.FRICTIONLESS;
        Observations obs = new Observations(List.of(Features.returns(5)), market.assets());
        for (Reward reward : List.of(Rewards.logReturn(), Rewards.simpleReturn(100))) {
            PortfolioTask task = new PortfolioTask(market, obs, Normaliser.identity(obs.size()), ActionMaps.softmax(1), reward,
                    frictionless);
            PortfolioEnv env = new PortfolioEnv(task, 100, 110);
            float[] o = new float[obs.size()];
            env.reset(0, o);
            float[] zero = new float[market.assets() + 1]; // equal weights
            double before = env.wealth();
            double r = env.step(zero, o).reward();
            double net = env.wealth() / before - 1;
            double expected = reward.label().equals("log_return") ? Math.log1p(net) : 100 * net;
            assertEquals(expected, r, 1e-12, reward.label());
            double hand = 0;
            for (int i = 0; i < market.assets(); i++) hand += market.relative(101, i) / (market.assets() + 1);
            hand += 1.0 / (market.assets() + 1);
            assertEquals(hand - 1, net, 1e-12, "equal weights earn the mean relative, cash included");
        }
    }

    @Test
    void warmupIsTheLargestFeatureWarmupAndTheEnvRefusesToStartBeforeIt() {
        MarketData market = Fixtures.market();
        List<Feature> features = Fixtures.allFeatures();
        Observations obs = new Observations(features, market.assets());
        int max = features.stream().mapToInt(Feature::warmup).max().orElseThrow();
        assertEquals(max, obs.warmup());
        PortfolioTask task = new PortfolioTask(market, obs, Normaliser.identity(obs.size()), ActionMaps.softmax(5),
                Rewards.logReturn(), CONFIG);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PortfolioEnv(task, max - 2, 300));
        assertTrue(e.getMessage().contains("warm-up"), e.getMessage());
        PortfolioEnv env = new PortfolioEnv(task, max - 1, 300); // max bars visible at bar max - 1
        env.reset(1, new float[obs.size()]);
        assertThrows(IllegalArgumentException.class, () -> new PortfolioEnv(task, 100, market.bars()));
    }

    @Test
    void declaredWarmupsAreEnoughAndNotTooMuchForWindowFeatures() {
        // At bar warmup - 1 a feature writes; one bar earlier it would read before the first bar.
        MarketData market = Fixtures.market();
        AccountState account = Fixtures.account(market.assets());
        for (Feature f : List.of(Features.returns(7), Features.prices(7), Features.ohlcv(7), Features.volatility(7),
                Features.covariance(7))) {
            NoLookAheadTest.write(f, market, f.warmup() - 1, account);
            assertThrows(IndexOutOfBoundsException.class, () -> NoLookAheadTest.write(f, market, f.warmup() - 2, account), f.label());
        }
    }

    @Test
    void tensorFeaturesStackAsChannels() {
        MarketData market = Fixtures.market();
        int n = market.assets();
        Observations obs = new Observations(List.of(Features.weights(), Features.returns(4), Features.ohlcv(4)), n);
        assertEquals(new dev.strat.runtime.rl.ObservationLayout(4, n + 1, 6, n + 1), obs.layout());
        assertEquals(List.of("returns(window=4)", "ohlcv(window=4)", "weights"), obs.labels());
        AccountState account = Fixtures.account(n);
        float[] all = new float[obs.size()];
        obs.write(dev.strat.runtime.data.History.cursor(market, 50).view(), account, all);
        float[] returns = NoLookAheadTest.write(Features.returns(4), market, 50, account);
        float[] ohlcv = NoLookAheadTest.write(Features.ohlcv(4), market, 50, account);
        for (int cell = 0; cell < 4 * (n + 1); cell++) {
            assertEquals(returns[cell], all[cell * 6]);
            for (int ch = 0; ch < 5; ch++) assertEquals(ohlcv[cell * 5 + ch], all[cell * 6 + 1 + ch]);
        }
        assertEquals((float) account.weights()[n], all[all.length - 1]);
        assertThrows(IllegalArgumentException.class,
                () -> new Observations(List.of(Features.returns(4), Features.prices(5)), n));
    }

    private static double[] episode(PortfolioEnv env, FixedPolicy policy, long seed) {
        float[] obs = new float[env.spec().observationSize()];
        float[] action = new float[env.spec().action().width()];
        env.reset(seed, obs);
        List<Double> rewards = new ArrayList<>();
        Env.Step step;
        do {
            policy.act(obs, false, action);
            step = env.step(action, obs);
            rewards.add(step.reward());
        } while (!step.done());
        return rewards.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Passes a stage through and records the log return of every executed step. */
    private static final class Recorder implements Stage {
        private final Stage inner;
        private final List<Double> rewards = new ArrayList<>();

        Recorder(Stage inner) { this.inner = inner; }

        double[] rewards() { return rewards.stream().mapToDouble(Double::doubleValue).toArray(); }

        @Override public String label() { return inner.label(); }
        @Override public int warmup() { return inner.warmup(); }
        @Override public void reset(RunSetup setup) { rewards.clear(); inner.reset(setup); }
        @Override public void propose(Decision decision, double[] out) { inner.propose(decision, out); }
        @Override public void observe(Outcome outcome) { rewards.add(outcome.logReturn()); inner.observe(outcome); }
    }
}
