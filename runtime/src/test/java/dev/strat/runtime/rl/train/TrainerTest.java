package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.algo.Agent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    /** Returns the scripted metrics in order and remembers the agent's state at each epoch. */
    static final class Scripted implements Validator {
        final double[] metrics;
        final List<byte[]> states = new ArrayList<>();
        final List<Boolean> trainingFlags = new ArrayList<>();

        Scripted(double... metrics) {
            this.metrics = metrics;
        }

        @Override
        public double evaluate(Agent agent) {
            states.add(Trainer.save(agent));
            trainingFlags.add(((FakeAgent) agent).training);
            return metrics[states.size() - 1];
        }

        @Override
        public String metricName() {
            return "sharpe";
        }
    }

    @Test
    void keepsTheBestEpochsModel() {
        Scripted v = new Scripted(1, 5, 3, 2);
        FakeAgent agent = new FakeAgent(FakeEnv.SPEC, 7);
        TrainingResult r = new Trainer(TrainingConfig.epochs(1, 4)).train(new FakeEnv(10), agent, v);

        assertEquals(2, r.bestEpoch());
        assertEquals(5, r.bestMetric());
        assertEquals(4, r.epochs());
        assertEquals(40, r.steps());
        assertEquals(20, r.updates(), "updates counted before the best model was put back");
        assertEquals("epochs", r.stopReason());
        assertArrayEquals(v.states.get(1), Trainer.save(agent), "the agent holds epoch 2's state");
        assertFalse(java.util.Arrays.equals(v.states.get(3), v.states.get(1)), "the test must be able to fail");
        assertEquals(List.of(false, false, false, false), v.trainingFlags, "validation runs with training off");
        assertArrayEquals(new double[] {1, 5, 3, 2}, r.history().validation());
        assertEquals(4, r.history().episodes());
        assertEquals("sharpe", r.history().metricName());
    }

    @Test
    void keepLastLeavesTheFinalModel() {
        Scripted v = new Scripted(1, 5, 3, 2);
        FakeAgent agent = new FakeAgent(FakeEnv.SPEC, 7);
        TrainingResult r = new Trainer(TrainingConfig.epochs(1, 4).withKeep(Keep.LAST)).train(new FakeEnv(10), agent, v);
        assertEquals(2, r.bestEpoch());
        assertArrayEquals(v.states.get(3), Trainer.save(agent));
    }

    @Test
    void episodesResetWithDistinctSeedsDerivedFromTheRunSeed() {
        FakeEnv a = new FakeEnv(5);
        FakeEnv b = new FakeEnv(5);
        FakeEnv c = new FakeEnv(5);
        TrainingConfig cfg = TrainingConfig.epochs(11, 3).withEpisodesPerEpoch(2);
        new Trainer(cfg).train(a, new FakeAgent(FakeEnv.SPEC, 1), null);
        new Trainer(cfg).train(b, new FakeAgent(FakeEnv.SPEC, 1), null);
        new Trainer(TrainingConfig.epochs(12, 3).withEpisodesPerEpoch(2)).train(c, new FakeAgent(FakeEnv.SPEC, 1), null);
        assertEquals(6, a.seeds.size());
        assertEquals(6, new HashSet<>(a.seeds).size(), "each episode its own seed");
        assertEquals(a.seeds, b.seeds, "same run seed, same episodes");
        assertTrue(java.util.Collections.disjoint(a.seeds, c.seeds), "another run seed, other episodes");
        assertEquals(cfg.episodeSeed(4), a.seeds.get(4));
    }

    @Test
    void withoutValidatorTheMetricIsTheMeanTrainReward() {
        TrainingResult r = new Trainer(TrainingConfig.epochs(3, 2).withEpisodesPerEpoch(2))
                .train(new FakeEnv(4), new FakeAgent(FakeEnv.SPEC, 1), null);
        double[] rewards = r.history().episodeRewards();
        assertEquals("train reward", r.history().metricName());
        assertEquals((rewards[2] + rewards[3]) / 2, r.history().validation()[1], 1e-12);
    }

    @Test
    void stepBudgetCutsTheLastEpisodeAndStillValidates() {
        Scripted v = new Scripted(1, 2, 3, 4, 5);
        TrainingResult r = new Trainer(TrainingConfig.epochs(1, 5).withMaxSteps(25)).train(new FakeEnv(10),
                new FakeAgent(FakeEnv.SPEC, 1), v);
        assertEquals(25, r.steps());
        assertEquals("steps", r.stopReason());
        assertArrayEquals(new int[] {10, 10, 5}, r.history().episodeLengths());
        assertEquals(3, r.epochs());
        assertEquals(3, v.states.size());
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
        Scripted v = new Scripted(1, 2, 3, 3, 2.5, 9, 9, 9);
        TrainingResult r = new Trainer(TrainingConfig.epochs(1, 8), new EarlyStopping(2))
                .train(new FakeEnv(4), new FakeAgent(FakeEnv.SPEC, 1), v);
        assertEquals(5, r.epochs(), "epochs 4 and 5 brought nothing better than epoch 3");
        assertEquals(3, r.bestEpoch());
        assertTrue(r.stopReason().contains("no better sharpe for 2 epochs"), r.stopReason());
        assertEquals(5, r.history().validation().length);
    }

    @Test
    void earlyStoppingWaitsWhileTheMetricImproves() {
        Scripted v = new Scripted(1, 2, 3, 4, 5);
        TrainingResult r = new Trainer(TrainingConfig.epochs(1, 5), new EarlyStopping(1))
                .train(new FakeEnv(4), new FakeAgent(FakeEnv.SPEC, 1), v);
        assertEquals(5, r.epochs());
        assertEquals("epochs", r.stopReason());
    }

    @Test
    void nanGuardNamesTheStepOfANanReward() {
        FakeEnv env = new FakeEnv(10);
        env.nanRewardAt = 17;
        TrainingException e = assertThrows(TrainingException.class, () -> new Trainer(TrainingConfig.epochs(1, 3), new NanGuard())
                .train(env, new FakeAgent(FakeEnv.SPEC, 1), null));
        assertEquals("non-finite reward NaN at step 17 (episode 1)", e.getMessage());
    }

    @Test
    void nanGuardNamesTheUpdateOfANanLoss() {
        FakeAgent agent = new FakeAgent(FakeEnv.SPEC, 1);
        agent.nanLossAt = 3;
        TrainingException e = assertThrows(TrainingException.class, () -> new Trainer(TrainingConfig.epochs(1, 3), new NanGuard())
                .train(new FakeEnv(10), agent, null));
        assertEquals("non-finite critic loss NaN at update 3 (step 6)", e.getMessage());
    }

    @Test
    void nanGuardNamesTheElementOfAnInfiniteObservation() {
        FakeEnv env = new FakeEnv(10);
        env.infObservationAt = 5;
        env.infIndex = 2;
        TrainingException e = assertThrows(TrainingException.class, () -> new Trainer(TrainingConfig.epochs(1, 3), new NanGuard())
                .train(env, new FakeAgent(FakeEnv.SPEC, 1), null));
        assertEquals("non-finite observation: element 2 is Infinity at step 5 (episode 0)", e.getMessage());
    }

    @Test
    void withoutTheGuardANanRewardIsNotCaught() {
        // Shows the guard, not the trainer, does the checking (so the guard tests can fail).
        FakeEnv env = new FakeEnv(10);
        env.nanRewardAt = 17;
        TrainingResult r = new Trainer(TrainingConfig.epochs(1, 3)).train(env, new FakeAgent(FakeEnv.SPEC, 1), null);
        assertTrue(Double.isNaN(r.history().episodeRewards()[1]));
    }

    @Test
    void lossHistoryStaysBounded() {
        // 200 steps, 100 updates, at most 8 samples: the interval doubles until they fit.
        TrainingResult r = new Trainer(TrainingConfig.epochs(1, 20).withLossSampling(1, 8))
                .train(new FakeEnv(10), new FakeAgent(FakeEnv.SPEC, 1), null);
        assertEquals(100, r.updates());
        List<dev.strat.runtime.rl.algo.Losses> losses = r.history().losses();
        assertTrue(losses.size() < 8 && losses.size() >= 3, "samples: " + losses.size());
        assertEquals(16, r.history().lossEvery());
        for (var l : losses) assertEquals(0, l.update() % 16);
        assertEquals(16, losses.get(0).update());
    }

    @Test
    void refusesAnAgentBuiltForAnotherEnvironment() {
        var other = new dev.strat.runtime.rl.EnvSpec(dev.strat.runtime.rl.ObservationLayout.flat(4),
                new dev.strat.runtime.rl.ActionSpace.Continuous(1), 10);
        TrainingException e = assertThrows(TrainingException.class,
                () -> new Trainer(TrainingConfig.epochs(1, 1)).train(new FakeEnv(4), new FakeAgent(other, 1), null));
        assertTrue(e.getMessage().contains("4 observations") && e.getMessage().contains("3 observations"), e.getMessage());
    }
}
