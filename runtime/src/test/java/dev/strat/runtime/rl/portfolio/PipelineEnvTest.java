package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.SyntheticMarkets;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Scheduled;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.transform.Constrain;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineEnvTest {

    private static final MarketData MARKET = SyntheticMarkets.gbm(4, 200, 3);
    private static final BacktestConfig CONFIG = new BacktestConfig(1e6, 0.001, 0, 0.002);

    /** A learner's place in a tree: hands its calls to the environment's seat, records what the account executed. */
    private static final class Slot implements Stage {
        PipelineEnv.Seat seat;
        final List<double[]> executed = new ArrayList<>();

        public String label() { return "slot"; }
        public int warmup() { return 6; }
        public void reset(RunSetup setup) { }
        public void propose(Decision d, double[] out) { seat.propose(d, out); }
        public void observe(Outcome o) {
            executed.add(o.executed().clone());
            seat.observe(o);
        }
    }

    private static PipelineEnv env(Stage root, Slot slot, int first, int last) {
        Observations obs = new Observations(List.of(Features.returns(5), Features.weights()), MARKET.assets());
        PipelineEnv env = new PipelineEnv(root, MARKET, first, last, CONFIG, obs, Normaliser.identity(obs.size()),
                ActionMaps.softmax(3), Rewards.logReturn());
        slot.seat = env.seat();
        return env;
    }

    /** Runs one episode with seeded random actions; returns the rewards. */
    private static List<Double> episode(Env env, long seed) {
        float[] obs = new float[env.spec().observationSize()];
        float[] action = new float[env.spec().action().width()];
        SplittableRandom rnd = new SplittableRandom(seed);
        env.reset(seed, obs);
        List<Double> rewards = new ArrayList<>();
        for (int k = 0; k < env.spec().maxSteps(); k++) {
            for (int i = 0; i < action.length; i++) action[i] = (float) rnd.nextDouble(-1, 1);
            Env.Step s = env.step(action, obs);
            rewards.add(s.reward());
            if (s.done()) return rewards;
        }
        throw new AssertionError("episode did not end");
    }

    @Test
    void theStagesAfterTheLearnerActInTheEpisodeAndTheRewardIsTheExecutedLogReturn() {
        Slot slot = new Slot();
        Pipeline root = new Pipeline("s", List.of(slot, new Constrain("cap", 0.2, 0, 0)));
        try (PipelineEnv env = env(root, slot, 20, 120)) {
            List<Double> rewards = episode(env, 5);
            assertEquals(100, rewards.size());
            for (double[] w : slot.executed) for (int i = 0; i < MARKET.assets(); i++) assertTrue(w[i] <= 0.2 + 1e-12, "weight " + w[i]);
            // the rewards are the account's log returns after costs: their sum is the log of the final wealth ratio
            double sum = rewards.stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(Double.isFinite(sum) && sum != 0);
        }
    }

    @Test
    void sameSeedSameEpisodeAndTheBacktestAgrees() {
        Slot slot = new Slot();
        try (PipelineEnv env = env(slot, slot, 20, 80)) {
            List<Double> a = episode(env, 9);
            List<double[]> executedA = new ArrayList<>(slot.executed);
            slot.executed.clear();
            List<Double> b = episode(env, 9);
            assertEquals(a, b);
            assertEquals(executedA.size(), slot.executed.size());
            for (int k = 0; k < executedA.size(); k++) assertArrayEquals(executedA.get(k), slot.executed.get(k), 0);
        }
    }

    @Test
    void aScheduledLearnerEarnsEveryBarOfItsPeriodPerAction() {
        Slot slot = new Slot();
        Stage root = new Scheduled(slot, 5, "5");
        try (PipelineEnv env = env(root, slot, 20, 120)) {
            List<Double> rewards = episode(env, 2);
            assertEquals(20, rewards.size());
            assertEquals(100, slot.executed.size());
        }
    }

    @Test
    void anEpisodeCutShortIsAbandonedCleanlyAtTheNextReset() {
        Slot slot = new Slot();
        try (PipelineEnv env = env(slot, slot, 20, 120)) {
            float[] obs = new float[env.spec().observationSize()];
            env.reset(1, obs);
            env.step(new float[env.spec().action().width()], obs);
            assertEquals(100, episode(env, 1).size());
        }
    }

    @Test
    void aFailureInTheTreeReachesTheTrainer() {
        Slot slot = new Slot();
        Stage broken = new Stage() {
            public String label() { return "broken"; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) { throw new IllegalStateException("boom at " + d.step()); }
        };
        try (PipelineEnv env = env(new Pipeline("s", List.of(slot, broken)), slot, 20, 120)) {
            float[] obs = new float[env.spec().observationSize()];
            env.reset(1, obs);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(new float[env.spec().action().width()], obs));
            assertTrue(e.getMessage().contains("boom"), e.getMessage());
        }
    }
}
