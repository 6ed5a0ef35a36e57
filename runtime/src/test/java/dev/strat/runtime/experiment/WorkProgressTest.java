package dev.strat.runtime.experiment;

import dev.strat.runtime.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkProgressTest {

    /** Records what reaches the terminal's bar. */
    private static final class Recorder implements ProgressListener {
        long total;
        final List<Long> done = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override public void start(String name, long total) { this.total = total; }
        @Override public void progress(long d, String message) { done.add(d); }
        @Override public void warn(String message) { warnings.add(message); }
    }

    @Test
    void oneBarCountsTrainingEpochsAndFinishedRuns() {
        Recorder bar = new Recorder();
        WorkProgress work = new WorkProgress(bar);
        work.add(2 * (1 + 3));   // a learner: 2 seeds, 3 epochs each plus the test run
        work.add(2);             // a baseline: 2 seeds
        work.start("e", 4);      // the runner announces its 4 runs
        assertEquals(10, bar.total);
        ProgressListener seed1 = work.child();
        ProgressListener seed2 = work.child();
        seed1.start("training", 3);
        seed1.progress(1, "epoch 1");
        seed2.progress(1, "epoch 1");
        seed1.progress(1, "epoch 1 again");   // no new unit
        seed1.progress(3, "epoch 3");
        work.progress(1, "learner seed 1");
        assertEquals(List.of(1L, 2L, 2L, 4L, 5L), bar.done);
    }

    @Test
    void aWarningEverySeedRepeatsIsShownOnce() {
        Recorder bar = new Recorder();
        WorkProgress work = new WorkProgress(bar);
        work.child().warn("no valid part");
        work.child().warn("no valid part");
        work.warn("other");
        assertEquals(List.of("no valid part", "other"), bar.warnings);
    }
}
