package dev.strat.runtime.pipeline;

import dev.strat.runtime.data.Frequency;
import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduledTest {

    /** Counts its calls and proposes 50/50 invested. */
    private static final class Counting implements Stage {
        int calls;
        public String label() { return "count"; }
        public void reset(RunSetup setup) { calls = 0; }
        public void propose(Decision d, double[] out) { calls++; out[0] = 0.5; out[1] = 0.5; out[2] = 0; }
    }

    @Test
    void asksTheInnerStageOnlyOnScheduleAndHoldsOtherwise() {
        MarketData m = new MarketData("m", List.of("A", "B"), Map.of(), new long[]{0, 86400, 172800, 259200, 345600, 432000, 518400},
                null, null, null, new double[]{1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1}, null, Frequency.DAILY_STOCKS);
        Counting inner = new Counting();
        Scheduled s = new Scheduled(inner, 3, "3");
        s.reset(new RunSetup(m.symbols(), m.frequency(), 1, 0, 6));
        History.Cursor cursor = History.cursor(m, 0);
        History h = cursor.view();
        double[] current = {0.2, 0.3, 0.5};
        double[] out = new double[3];
        for (int t = 0; t < 7; t++) {
            cursor.advanceTo(t);
            s.propose(new Decision(h, t, current, current, 1), out);
            if (t % 3 == 0) assertArrayEquals(new double[]{0.5, 0.5, 0}, out, 0);
            else assertArrayEquals(current, out, 0);
        }
        assertEquals(3, inner.calls);
        assertEquals("count every 3", s.label());
    }

    @Test
    void closingTheScheduleClosesTheStageItHolds() {
        boolean[] closed = {false};
        class Held implements Stage, AutoCloseable {
            public String label() { return "held"; }
            public void reset(RunSetup setup) { }
            public void propose(Decision d, double[] out) { }
            public void close() { closed[0] = true; }
        }
        new Scheduled(new Held(), 5, "5").close();
        org.junit.jupiter.api.Assertions.assertTrue(closed[0], "a learner under 'every' must free its networks");
    }
}
