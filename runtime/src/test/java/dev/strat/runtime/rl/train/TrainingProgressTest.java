package dev.strat.runtime.rl.train;

import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingProgressTest {

    static final class Recording implements ProgressListener {
        final List<String> events = new ArrayList<>();
        final List<Long> done = new ArrayList<>();

        @Override
        public void start(String name, long total) {
            events.add("start " + name + " " + total);
        }

        @Override
        public void progress(long d, String message) {
            done.add(d);
            events.add(message);
        }

        @Override
        public void finish() {
            events.add("finish");
        }
    }

    @Test
    void reportsEpisodesWithRewardAndTheValidationMetric() {
        Recording rec = new Recording();
        new Trainer(TrainingConfig.epochs(1, 2).withEpisodesPerEpoch(2), new TrainingProgress("fake seed 1", rec))
                .train(new FakeEnv(5), new FakeAgent(FakeEnv.SPEC, 1), new TrainerTest.Scripted(0.5, 0.25));
        assertEquals("start training fake seed 1 4", rec.events.get(0));
        assertEquals("finish", rec.events.get(rec.events.size() - 1));
        assertTrue(rec.events.get(1).matches("epoch 1 episode 1 reward -?[0-9.e-]+"), rec.events.get(1));
        assertTrue(rec.events.contains("epoch 1 sharpe 0.5000 (new best)"), rec.events.toString());
        assertTrue(rec.events.contains("epoch 2 sharpe 0.2500 (best 0.5000 @ epoch 1)"), rec.events.toString());
        String third = rec.events.stream().filter(m -> m.startsWith("epoch 2 episode 3")).findFirst().orElseThrow();
        assertTrue(third.contains(" reward ") && third.endsWith("| sharpe 0.5000 (best 0.5000 @ epoch 1)"), third);
        assertEquals(List.of(1L, 2L, 2L, 3L, 4L, 4L), rec.done);
    }

    @Test
    void countsStepsWhenAStepBudgetIsSet() {
        Recording rec = new Recording();
        new Trainer(TrainingConfig.epochs(1, 10).withMaxSteps(12), new TrainingProgress("x", rec))
                .train(new FakeEnv(5), new FakeAgent(FakeEnv.SPEC, 1), null);
        assertEquals("start training x 12", rec.events.get(0));
        assertEquals(12L, rec.done.get(rec.done.size() - 1));
    }
}
