package dev.strat.runtime.rl.switching;

import dev.strat.runtime.allocators.BuyAndHold;
import dev.strat.runtime.allocators.ConstantRebalanced;
import dev.strat.runtime.allocators.Olmar;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.Backtester;
import dev.strat.runtime.compose.Blend;
import dev.strat.runtime.compose.BlendPolicy;
import dev.strat.runtime.compose.NoTrade;
import dev.strat.runtime.compose.Policies;
import dev.strat.runtime.compose.PoolTape;
import dev.strat.runtime.compose.Switch;
import dev.strat.runtime.compose.SwitchPolicy;
import dev.strat.runtime.compose.TrackRecord;
import dev.strat.runtime.data.BarRange;
import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.runtime.experiment.TrainContext;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.ProgressListener;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.algo.Ppo;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.NetSpec;
import dev.strat.runtime.rl.portfolio.AgentFactory;
import dev.strat.runtime.rl.portfolio.Normaliser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningPoolTest {

    static final MarketData MARKET = SyntheticMarkets.gbm(4, 400, 5);
    /** Random slippage: the replayed account must draw the cost stream the backtest draws. */
    static final BacktestConfig SLIPPY = new BacktestConfig(1_000_000, 0.002, 0, 0.003);
    static final List<String> NAMES = List.of("crp", "bah", "olmar", "no_trade");
    static final int FIRST = 3, LAST = 399, EVERY = 5;

    static List<Stage> members() {
        return List.of(new ConstantRebalanced("crp", new double[]{0.4, 0.3, 0.2, 0.1, 0}), new BuyAndHold("bah"),
                new Olmar("olmar", 5, 10), new NoTrade());
    }

    /** A switch policy that plays a given sequence of choices. */
    record Script(int[] choices, int[] at) implements SwitchPolicy {
        public String label() { return "script"; }
        public void reset(RunSetup setup, String owner, int members) { at[0] = 0; }
        public int choose(History history, TrackRecord record) { return choices[at[0]++]; }
    }

    /** A blend policy that plays given actions through the learned blend's map. */
    record BlendScript(float[][] actions, int[] at) implements BlendPolicy {
        public String label() { return "script"; }
        public void reset(RunSetup setup, String owner, int members) { at[0] = 0; }
        public void weigh(History history, TrackRecord record, double[] out) {
            LearnedPoolPolicy.BLEND_MAP.toWeights(actions[at[0]++], out);
        }
    }

    @Test
    void theTrainingEnvironmentReplaysExactlyTheAccountOfTheSwitchBacktest() {
        PoolTape tape = PoolTape.record("sw", members(), NAMES, MARKET, SLIPPY, FIRST, LAST, 7);
        // olmar's warm-up: the first decisions hold cash, in the backtest and in the replay
        assertTrue(tape.firstActive() > 0, "warm-up steps expected");
        PoolSwitchEnv env = new PoolSwitchEnv(tape, MARKET, SLIPPY, 7, EVERY, 3, 0, null, Normaliser.identity(4 * 4));
        int[] choices = new int[env.decisions()];
        SplittableRandom random = new SplittableRandom(11);
        for (int d = 0; d < choices.length; d++) choices[d] = random.nextInt(4);
        BacktestResult backtest = new Backtester(SLIPPY).run("s", new Switch("sw", new Script(choices, new int[1]), EVERY, members(), NAMES),
                MARKET, FIRST, LAST, 7);
        float[] obs = new float[env.spec().observationSize()];
        env.reset(0, obs);
        int holds = 0;
        for (int d = 0; d < choices.length; d++) {
            var step = env.step(new float[]{choices[d]}, obs);
            int done = Math.min(tape.steps(), (d + 1) * EVERY);
            assertEquals(backtest.wealth()[tape.firstActive() + done], env.wealth(), 0.0, "decision " + d);
            assertEquals(d == choices.length - 1, step.done());
            if (choices[d] == 3) holds++;
        }
        assertTrue(holds > 3, "no_trade must be among the replayed choices");
        assertEquals(backtest.finalWealth(), env.wealth(), 0.0);
        // after the warm-up, the tape's shadow wealth is what member k earns alone (during a warm-up the
        // real account draws slippage the shadow accounts do not, so the streams part)
        PoolTape late = PoolTape.record("sw", members(), NAMES, MARKET, SLIPPY, 30, LAST, 7);
        assertEquals(0, late.firstActive());
        for (int k = 0; k < 3; k++) {
            BacktestResult alone = new Backtester(SLIPPY).run("m", members().get(k), MARKET, 30, LAST, 7);
            assertEquals(alone.finalWealth(), late.wealth(k, late.steps()), 0.0, NAMES.get(k));
        }
    }

    @Test
    void theTrainingEnvironmentReplaysExactlyTheAccountOfTheBlendBacktest() {
        PoolTape tape = PoolTape.record("bl", members(), NAMES, MARKET, SLIPPY, FIRST, LAST, 3);
        PoolSwitchEnv env = new PoolSwitchEnv(tape, MARKET, SLIPPY, 3, EVERY, 2, 0, LearnedPoolPolicy.BLEND_MAP, Normaliser.identity(4 * 3));
        float[][] actions = new float[env.decisions()][4];
        SplittableRandom random = new SplittableRandom(5);
        for (float[] a : actions) for (int k = 0; k < 4; k++) a[k] = (float) (2 * random.nextDouble() - 1);
        BacktestResult backtest = new Backtester(SLIPPY).run("s", new Blend("bl", new BlendScript(actions, new int[1]), EVERY, members(), NAMES),
                MARKET, FIRST, LAST, 3);
        float[] obs = new float[env.spec().observationSize()];
        env.reset(0, obs);
        for (float[] a : actions) env.step(a, obs);
        assertEquals(backtest.finalWealth(), env.wealth(), 0.0);
    }

    @Test
    void noTradeLetsTheRealAccountDrift() {
        // bah, then no_trade for ever: exactly bah's account (bah never trades after its first buy)
        int[] choices = new int[400];
        java.util.Arrays.fill(choices, 3);
        choices[0] = 1;
        BacktestResult held = new Backtester(SLIPPY).run("s", new Switch("sw", new Script(choices, new int[1]), EVERY, members(), NAMES),
                MARKET, 30, LAST, 1);
        BacktestResult bah = new Backtester(SLIPPY).run("s", new BuyAndHold("bah"), MARKET, 30, LAST, 1);
        assertArrayEquals(bah.wealth(), held.wealth());
    }

    // ---------- learning

    /**
     * Two assets whose roles swap every 150 bars: one rises 0.8 % a bar while the other falls as
     * much. Member "first" holds asset 0, "second" asset 1: each wins in its regime, and which
     * regime it is shows in their recent records.
     */
    static MarketData regimes(int bars, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] close = new double[bars * 2];
        close[0] = close[1] = 100;
        long[] times = new long[bars];
        for (int t = 0; t < bars; t++) times[t] = 1_262_304_000L + 86_400L * t;
        for (int t = 1; t < bars; t++) {
            double drift = (t / 150) % 2 == 0 ? 0.008 : -0.008;
            close[2 * t] = close[2 * (t - 1)] * Math.exp(drift + 0.004 * (random.nextDouble() - 0.5));
            close[2 * t + 1] = close[2 * (t - 1) + 1] * Math.exp(-drift + 0.004 * (random.nextDouble() - 0.5));
        }
        return new MarketData("regimes", List.of("A", "B"), Map.of(), times, null, null, null, close, null, Frequency.DAILY_STOCKS);
    }

    static List<Stage> regimeMembers() {
        return List.of(new ConstantRebalanced("first", new double[]{1, 0, 0}), new ConstantRebalanced("second", new double[]{0, 1, 0}));
    }

    static AgentFactory ppo() {
        NetSpec mlp = new NetSpec.Mlp(List.of(32, 32), Activation.TANH, false, 0);
        Ppo.Config c = Ppo.Config.defaults().withNets(mlp, mlp).withNSteps(256).withBatchSize(64).withEpochs(10)
                .withLearningRate(1e-3).withGamma(0.9).withGaeLambda(0.95).withClipRange(0.2);
        return (spec, seed, compute) -> new Ppo(spec, c, seed, compute);
    }

    static LearningPool learner(String name) {
        LearnedPoolPolicy policy = new LearnedPoolPolicy("ppo", false, 2, 5);
        Switch sw = new Switch(name, policy, 5, regimeMembers(), List.of("first", "second"));
        return new LearningPool(sw, policy, "ppo", ppo(), new PoolLearning(5, 0, 6_000, "cpu"));
    }

    static TrainContext context(MarketData market, long seed) {
        return new TrainContext(seed, market, new BarRange(0, 1500), Optional.empty(), new BacktestConfig(1_000_000, 0.001, 0, 0),
                MetricOptions.DEFAULT, Optional.empty(), TrainContext.Mode.FRESH, "", ProgressListener.NONE);
    }

    @Test
    void aTrainedSwitchPicksTheWinningMemberAndBeatsRandomAndIsReproducible() {
        MarketData market = regimes(2400, 1);
        BacktestConfig costs = new BacktestConfig(1_000_000, 0.001, 0, 0);
        double[] wealth = new double[2];
        double[] picksOfWinner = new double[2];
        for (int run = 0; run < 2; run++) {
            try (LearningPool learner = learner("sw")) {
                learner.train(context(market, 42));
                BacktestResult test = new Backtester(costs).run("ppo", learner, market, 1500, 2399, 42);
                wealth[run] = test.finalWealth();
                double[] choice = test.reports().series().get("sw/choice");
                int right = 0;
                for (int s = 0; s < choice.length; s++) {
                    int t = 1500 + s;
                    int winner = (t / 150) % 2 == 0 ? 0 : 1;
                    if (choice[s] == winner) right++;
                }
                picksOfWinner[run] = right / (double) choice.length;
            }
        }
        assertEquals(wealth[0], wealth[1], 0.0, "same seed, same result");
        List<Double> random = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            random.add(new Backtester(costs).run("rnd", new Switch("sw", Policies.random(), 5, regimeMembers(), List.of("first", "second")),
                    market, 1500, 2399, seed).finalWealth());
        }
        double bestRandom = random.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(picksOfWinner[0] > 0.75, "the trained switch picks the winning member " + picksOfWinner[0] + " of the time");
        assertTrue(wealth[0] > 2 * bestRandom, "trained " + wealth[0] + " vs best of 5 random " + bestRandom);
    }

    @Test
    void itsProgressCountsTheDecisionsItAnnounces() {
        long[] most = {0};
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void progress(long units, String message) {
                most[0] = Math.max(most[0], units);
            }
        };
        try (LearningPool learner = learner("sw")) {
            MarketData market = regimes(1600, 1);
            learner.train(new TrainContext(7, market, new BarRange(0, 1500), Optional.empty(), new BacktestConfig(1_000_000, 0.001, 0, 0),
                    MetricOptions.DEFAULT, Optional.empty(), TrainContext.Mode.FRESH, "", recorder));
            assertEquals(6_000, learner.trainingUnits());
            assertTrue(most[0] > 0 && most[0] <= learner.trainingUnits(), "reported " + most[0] + " of " + learner.trainingUnits());
        }
    }

    @Test
    void anUntrainedLearningSwitchRefusesToRun() {
        try (LearningPool learner = learner("sw")) {
            var e = assertThrows(IllegalStateException.class,
                    () -> new Backtester(SLIPPY).run("s", learner, regimes(400, 1), 10, 399, 1));
            assertTrue(e.getMessage().contains("must be trained"), e.getMessage());
        }
    }
}
