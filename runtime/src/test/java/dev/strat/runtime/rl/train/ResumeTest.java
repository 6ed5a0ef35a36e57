package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.algo.Agent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeTest {

    /** Depends on the agent only, so a resumed run sees the same metrics; peaks at epoch 4 of 6 by design. */
    private static final Validator METRIC = Validator.of("closeness", a -> {
        double w = ((FakeAgent) a).w;
        return -Math.abs(w - 0.35);
    });

    /** Crashes the run right after the given epoch (after checkpoints were written). */
    private record CrashAfter(int epoch) implements TrainingListener {
        @Override
        public void onEpoch(int e, double metric, boolean best) {
            if (e == epoch) throw new TrainingException("simulated crash after epoch " + e);
        }
    }

    @Test
    void resumedRunEqualsAnUninterruptedOne(@TempDir Path tmp) {
        TrainingConfig cfg = TrainingConfig.epochs(42, 8).withEpisodesPerEpoch(2);

        FakeAgent whole = new FakeAgent(FakeEnv.SPEC, 9);
        TrainingResult expected = new Trainer(cfg).train(new FakeEnv(10), whole, METRIC);
        assertTrue(expected.bestEpoch() > 1 && expected.bestEpoch() < 8,
                "the best epoch must be neither first nor last for the test to mean something: " + expected.bestEpoch());

        Path file = tmp.resolve("run.ckpt");
        CheckpointListener every = new CheckpointListener(file, new byte[0], "", false, 1);
        FakeAgent first = new FakeAgent(FakeEnv.SPEC, 9);
        int crashAt = expected.bestEpoch() + 1;   // the checkpoint then has to carry the best model separately
        assertThrows(TrainingException.class,
                () -> new Trainer(cfg, every, new CrashAfter(crashAt)).train(new FakeEnv(10), first, METRIC));

        CheckpointContent saved = Checkpoint.read(file);
        assertEquals(crashAt, saved.meta().epoch());
        assertTrue(saved.bestAgent().isPresent(), "best.bin present because the best epoch is not the last one");
        FakeAgent second = new FakeAgent(FakeEnv.SPEC, 12345);   // another seed: everything must come from the file
        saved.requireCompatible(second);
        TrainingResult resumed = new Trainer(cfg).resume(new FakeEnv(10), second, METRIC, saved.state());

        assertEquals(8, resumed.epochs(), "epoch counting continues from the checkpoint");
        assertEquals(expected.bestEpoch(), resumed.bestEpoch());
        assertEquals(expected.bestMetric(), resumed.bestMetric());
        assertEquals(expected.steps(), resumed.steps());
        assertEquals(expected.updates(), resumed.updates());
        assertEquals(expected.history(), resumed.history());
        assertArrayEquals(Trainer.save(whole), Trainer.save(second), "same final (best) model");
    }

    @Test
    void resumesFromAFileAndRefusesAnotherAlgorithm(@TempDir Path tmp) {
        TrainingConfig cfg = TrainingConfig.epochs(3, 4);
        FakeAgent whole = new FakeAgent(FakeEnv.SPEC, 2);
        TrainingResult expected = new Trainer(cfg).train(new FakeEnv(6), whole, METRIC);
        Path file = tmp.resolve("run.ckpt");
        assertThrows(TrainingException.class, () -> new Trainer(cfg, new CheckpointListener(file, new byte[0], "", false, 2),
                new CrashAfter(2)).train(new FakeEnv(6), new FakeAgent(FakeEnv.SPEC, 2), METRIC));
        FakeAgent second = new FakeAgent(FakeEnv.SPEC, 0);
        TrainingResult resumed = new Trainer(cfg).resume(new FakeEnv(6), second, METRIC, file);
        assertEquals(expected.history(), resumed.history());
        assertArrayEquals(Trainer.save(whole), Trainer.save(second));

        FakeAgent ppo = new FakeAgent(FakeEnv.SPEC, 0) {
            @Override
            public String algorithm() {
                return "ppo";
            }
        };
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> new Trainer(cfg).resume(new FakeEnv(6), ppo, METRIC, file));
        assertEquals("the checkpoint holds a fake agent, not ppo", e.getMessage());
    }

    @Test
    void resumingWithAnotherMetricIsRefused(@TempDir Path tmp) {
        Path file = tmp.resolve("run.ckpt");
        new Trainer(TrainingConfig.epochs(1, 2), CheckpointListener.onBest(file, new byte[0], ""))
                .train(new FakeEnv(4), new FakeAgent(FakeEnv.SPEC, 1), METRIC);
        TrainingState state = Checkpoint.read(file).state();
        Agent agent = new FakeAgent(FakeEnv.SPEC, 1);
        TrainingException e = assertThrows(TrainingException.class,
                () -> new Trainer(TrainingConfig.epochs(1, 4)).resume(new FakeEnv(4), agent, null, state));
        assertTrue(e.getMessage().contains("closeness") && e.getMessage().contains("train reward"), e.getMessage());
    }
}
