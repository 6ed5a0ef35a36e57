package dev.strat.runtime.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ReportSinkTest {

    /** Remembers every name it is handed, as given (not copied). */
    static final class Names implements ReportSink {
        final List<String> seen = new ArrayList<>();

        @Override
        public void series(String name, int step, double value) {
            seen.add(name);
        }

        @Override
        public void count(String name, long delta) {
            seen.add(name);
        }

        @Override
        public void categories(String series, List<String> labels) {
            seen.add(series);
        }
    }

    @Test
    void scopedNamesReadAsPathsAtEveryDepth() {
        StageReports root = new StageReports(3);
        ReportSink member = root.scoped("sw").scoped("a");
        member.categories("choice", List.of("x", "y"));
        for (int step = 0; step < 3; step++) {
            member.series("choice", step, step % 2);
            member.count("chosen/x", 1);
        }
        root.scoped("sw").series("choice", 0, 1);
        StageReport report = root.snapshot();
        assertEquals(List.of("sw/a/choice", "sw/choice"), List.copyOf(report.series().keySet()));
        assertArrayEquals(new double[] {0, 1, 0}, report.series().get("sw/a/choice"));
        assertEquals(List.of("x", "y"), report.categoriesOf("sw/a/choice"));
        assertEquals(3L, report.counters().get("sw/a/chosen/x"));
        assertSame(ReportSink.NONE, ReportSink.NONE.scoped("sw"), "nothing to scope when nothing is kept");
    }

    @Test
    void aScopedSinkBuildsEachFullNameOnce() {
        Names parent = new Names();
        ReportSink scoped = parent.scoped("sw").scoped("a");
        for (int step = 0; step < 4; step++) {
            scoped.series("choice", step, 1);
            scoped.count("chosen", 1);
        }
        scoped.categories("choice", List.of("p"));
        assertEquals(9, parent.seen.size());
        // the same instance every step: the hot path reuses the name instead of concatenating again
        for (int k = 0; k < 8; k += 2) {
            assertEquals("sw/a/choice", parent.seen.get(k));
            assertSame(parent.seen.get(0), parent.seen.get(k), "series name at call " + k);
            assertEquals("sw/a/chosen", parent.seen.get(k + 1));
            assertSame(parent.seen.get(1), parent.seen.get(k + 1), "counter name at call " + (k + 1));
        }
        assertSame(parent.seen.get(0), parent.seen.get(8), "categories share the series' name");
    }
}
